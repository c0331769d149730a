import type { ChannelCredentials } from '@grpc/grpc-js';
import type { Observability } from './observability.ts';
import type { CatalogClient, CatalogTransport } from './catalog-client.ts';
import { createGrpcCatalogClient } from './grpc-catalog-client.ts';
import { createHttpCatalogClient } from './http-catalog-client.ts';

/** Picks the catalog adapter named by `CATALOG_TRANSPORT`. */
export function createCatalogClient(options: {
  transport: CatalogTransport;
  grpcAddress: string;
  httpUrl: string;
  deadlineMs: number;
  observability?: Observability;
  /** TLS (or mutual TLS) credentials for the gRPC channel; plaintext without. */
  grpcCredentials?: ChannelCredentials;
}): CatalogClient {
  const { deadlineMs, observability } = options;
  return options.transport === 'grpc'
    ? createGrpcCatalogClient({
        address: options.grpcAddress,
        deadlineMs,
        observability,
        ...(options.grpcCredentials && { credentials: options.grpcCredentials }),
      })
    : createHttpCatalogClient({ baseUrl: options.httpUrl, deadlineMs, observability });
}
