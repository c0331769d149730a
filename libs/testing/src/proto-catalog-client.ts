/* eslint-disable @typescript-eslint/no-explicit-any -- proto-loader builds its clients at run time: untyped by design. */
import {
  credentials,
  loadPackageDefinition,
  Metadata,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

/** The folder of the .proto contracts, the single source of truth. */
export const protoRoot = fileURLToPath(new URL('../../../proto', import.meta.url));

type Unary = (
  request: object,
  metadata: Metadata,
  options: { deadline?: number },
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

export interface ProtoCatalogClient {
  /** Calls a CatalogService method; resolves the response or rejects with the grpc-js ServiceError. */
  call(method: 'ListProducts' | 'GetProduct', request: object, deadlineMs?: number): Promise<any>;
  /** Calls grpc.health.v1.Health/Check. */
  health(service: string): Promise<{ status: string }>;
  close(): void;
}

/**
 * A catalog.v1 client built at run time from `proto/catalog/v1/catalog.proto` alone (proto-loader),
 * independent of the generated code the services use: a test through it proves that the server
 * speaks the contract, not merely the same generated code. int64 values arrive as strings.
 */
export function createProtoCatalogClient(address: string): ProtoCatalogClient {
  const definition = loadSync('catalog/v1/catalog.proto', {
    includeDirs: [protoRoot],
    longs: String,
    defaults: true,
    keepCase: false,
  });
  const proto = loadPackageDefinition(definition) as any;
  const catalog: Client & Record<string, Unary> = new proto.catalog.v1.CatalogService(
    address,
    credentials.createInsecure(),
  );
  const healthDefinition = loadPackageDefinition(
    loadSync('grpc/health/v1/health.proto', {
      includeDirs: [protoRoot],
      enums: String,
      defaults: true,
    }),
  ) as any;
  const health: Client & Record<string, Unary> = new healthDefinition.grpc.health.v1.Health(
    address,
    credentials.createInsecure(),
  );

  const invoke = (
    client: Record<string, Unary>,
    method: string,
    request: object,
    deadlineMs: number,
  ) =>
    new Promise<any>((resolve, reject) =>
      client[method]!(
        request,
        new Metadata(),
        { deadline: Date.now() + deadlineMs },
        (error, response) => (error ? reject(error) : resolve(response)),
      ),
    );
  return {
    call: (method, request, deadlineMs = 5_000) => invoke(catalog, method, request, deadlineMs),
    health: (service) => invoke(health, 'Check', { service }, 5_000),
    close() {
      catalog.close();
      health.close();
    },
  };
}
