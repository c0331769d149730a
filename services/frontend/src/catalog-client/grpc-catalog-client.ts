import {
  credentials as grpcCredentials,
  Metadata,
  status,
  type CallOptions,
  type ChannelCredentials,
  type ServiceError,
} from '@grpc/grpc-js';
import {
  CatalogServiceClient,
  CatalogServiceService,
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthClient,
  ListProductsRequest,
  protobufPackage,
  type HealthCheckResponse,
} from '@sample/catalog-contract';
import { fromGrpcError, UnavailableError } from '@sample/errors';
import { createGrpcCallObserver, currentRequestId } from '@sample/server-kit';
import type { Observability } from './observability.ts';
import type { CatalogClient } from './catalog-client.ts';
import { createListProductsResponseDecoder } from './decode-list-products-response.ts';

type Callback<T> = (error: ServiceError | null, response?: T) => void;

export interface GrpcCatalogClientOptions {
  /** The backend's gRPC target: `host:port`, `dns:///name:port` or `ipv4:a:port,b:port`. */
  address: string;
  /** The deadline of every call, in milliseconds. */
  deadlineMs: number;
  credentials?: ChannelCredentials;
  /** Logs and times every catalog call, and passes the current request id and trace on. */
  observability?: Observability | undefined;
}

/**
 * The catalog over gRPC: one channel for all calls (HTTP/2 multiplexes them), a deadline on every
 * call, and gRPC statuses turned back into business errors in one place (`fromGrpcError`).
 */
export function createGrpcCatalogClient({
  address,
  deadlineMs,
  credentials = grpcCredentials.createInsecure(),
  observability,
}: GrpcCatalogClientOptions): CatalogClient {
  // NOTE: every call goes through `call` below, so that is where calls are observed (timed, logged,
  // the request id and trace passed on): a grpc-js client interceptor would do the same under
  // another layer of call objects, ~10 µs more per call (docs/performance.md).
  const observe = observability
    ? createGrpcCallObserver({ ...observability, requestId: currentRequestId })
    : undefined;
  // Every resolved backend address gets a connection and calls rotate over them (round_robin): a
  // backend that drains for a restart stops getting new calls while the others serve.
  const serviceConfig = { loadBalancingConfig: [{ round_robin: {} }] };
  const client = new CatalogServiceClient(address, credentials, {
    'grpc.service_config': JSON.stringify(serviceConfig),
  });
  // Each product the backend sends again is decoded once (product-interner.ts).
  const decodeListProductsResponse = createListProductsResponseDecoder();
  const health = new HealthClient(address, credentials, { channelOverride: client.getChannel() });

  /** Makes one call with a deadline; `method` (a full method path) names the calls to observe. */
  function call<T>(
    method: string | undefined,
    invoke: (metadata: Metadata, options: CallOptions, callback: Callback<T>) => void,
  ): Promise<T> {
    const metadata = new Metadata();
    const end = method ? observe?.(method, metadata) : undefined;
    return new Promise<T>((resolve, reject) => {
      invoke(metadata, { deadline: Date.now() + deadlineMs }, (error, response) => {
        end?.(error ? error.code : status.OK);
        if (error) reject(fromGrpcError(error));
        else resolve(response as T);
      });
    });
  }

  return {
    transport: 'grpc',
    listProducts: (request) =>
      call(CatalogServiceService.listProducts.path, (metadata, options, cb) =>
        client.makeUnaryRequest(
          CatalogServiceService.listProducts.path,
          CatalogServiceService.listProducts.requestSerialize,
          decodeListProductsResponse,
          ListProductsRequest.fromPartial(request),
          metadata,
          options,
          cb,
        ),
      ),
    getProduct: (id) =>
      call(CatalogServiceService.getProduct.path, (metadata, options, cb) =>
        client.getProduct({ id }, metadata, options, cb),
      ),
    // Readiness checks are not catalog calls: they are neither timed nor logged per call.
    async checkReady(signal) {
      const { status: servingStatus } = await call<HealthCheckResponse>(
        undefined,
        (metadata, options, cb) =>
          health.check({ service: `${protobufPackage}.CatalogService` }, metadata, options, cb),
      );
      signal.throwIfAborted();
      if (servingStatus !== ServingStatus.SERVING) {
        throw new UnavailableError(
          `the backend reports health status ${servingStatus}, not SERVING`,
        );
      }
    },
    close: () => client.close(),
  };
}
