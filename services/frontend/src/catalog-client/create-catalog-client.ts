import type { ChannelCredentials } from '@grpc/grpc-js';
import type { Observability } from './observability.ts';
import type { CatalogClient, CatalogTransport } from './catalog-client.ts';

/**
 * Picks the catalog adapter named by `CATALOG_TRANSPORT`. Only the chosen adapter is loaded: the
 * HTTP one brings undici, a sixth of the bundle, which a frontend on gRPC never runs (start-up).
 */
export async function createCatalogClient(options: {
  transport: CatalogTransport;
  grpcAddress: string;
  httpUrl: string;
  deadlineMs: number;
  observability?: Observability;
  /** TLS (or mutual TLS) credentials for the gRPC channel; plaintext without. */
  grpcCredentials?: ChannelCredentials;
}): Promise<CatalogClient> {
  const { deadlineMs, observability } = options;
  if (options.transport === 'grpc') {
    const { createGrpcCatalogClient } = await import('./grpc-catalog-client.ts');
    return createGrpcCatalogClient({
      address: options.grpcAddress,
      deadlineMs,
      observability,
      ...(options.grpcCredentials && { credentials: options.grpcCredentials }),
    });
  }
  const { createHttpCatalogClient } = await import('./http-catalog-client.ts');
  return createHttpCatalogClient({ baseUrl: options.httpUrl, deadlineMs, observability });
}
