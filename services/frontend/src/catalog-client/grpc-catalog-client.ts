import {
  credentials as grpcCredentials,
  Metadata,
  type ChannelCredentials,
  type ServiceError,
} from '@grpc/grpc-js';
import {
  CatalogServiceClient,
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthClient,
  ListProductsRequest,
  protobufPackage,
  type HealthCheckResponse,
} from '@sample/catalog-contract';
import { fromGrpcError, UnavailableError } from '@sample/errors';
import { createGrpcClientInterceptor, currentRequestId } from '@sample/server-kit';
import type { Observability } from './observability.ts';
import type { CatalogClient } from './catalog-client.ts';

type Callback<T> = (error: ServiceError | null, response?: T) => void;

export interface GrpcCatalogClientOptions {
  /** The backend's gRPC target: `host:port`, `dns:///name:port` or `ipv4:a:port,b:port`. */
  address: string;
  /** The deadline of every call, in milliseconds. */
  deadlineMs: number;
  credentials?: ChannelCredentials;
  /** Logs and times every call (and passes the current request id on) through a client interceptor. */
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
  const interceptors = observability
    ? [createGrpcClientInterceptor({ ...observability, requestId: currentRequestId })]
    : [];
  // Every resolved backend address gets a connection and calls rotate over them (round_robin): a
  // backend that drains for a restart stops getting new calls while the others serve.
  const serviceConfig = { loadBalancingConfig: [{ round_robin: {} }] };
  const client = new CatalogServiceClient(address, credentials, {
    interceptors,
    'grpc.service_config': JSON.stringify(serviceConfig),
  });
  const health = new HealthClient(address, credentials, { channelOverride: client.getChannel() });
  const deadline = () => ({ deadline: Date.now() + deadlineMs });

  function call<T>(invoke: (callback: Callback<T>) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      invoke((error, response) => (error ? reject(fromGrpcError(error)) : resolve(response as T)));
    });
  }

  return {
    transport: 'grpc',
    listProducts: (request) =>
      call((cb) =>
        client.listProducts(
          ListProductsRequest.fromPartial(request),
          new Metadata(),
          deadline(),
          cb,
        ),
      ),
    getProduct: (id) => call((cb) => client.getProduct({ id }, new Metadata(), deadline(), cb)),
    async checkReady(signal) {
      const { status } = await call<HealthCheckResponse>((cb) =>
        health.check(
          { service: `${protobufPackage}.CatalogService` },
          new Metadata(),
          deadline(),
          cb,
        ),
      );
      signal.throwIfAborted();
      if (status !== ServingStatus.SERVING) {
        throw new UnavailableError(`the backend reports health status ${status}, not SERVING`);
      }
    },
    close: () => client.close(),
  };
}
