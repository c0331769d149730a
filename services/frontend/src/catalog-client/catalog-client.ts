import type { ListProductsRequest, ListProductsResponse, Product } from '@sample/catalog-contract';

export type CatalogTransport = 'grpc' | 'http';

/**
 * What the frontend needs from the catalog backend, whatever the transport. Both adapters
 * (gRPC and HTTP) return the same catalog.v1 messages and throw the same business errors:
 * NotFoundError, InvalidArgumentError, UnavailableError or DeadlineExceededError.
 */
export interface CatalogClient {
  readonly transport: CatalogTransport;
  listProducts(request: Partial<ListProductsRequest>): Promise<ListProductsResponse>;
  getProduct(id: string): Promise<Product>;
  /** Resolves when the backend can serve (its own readiness); used by the frontend's `/readyz`. */
  checkReady(signal: AbortSignal): Promise<void>;
  close(): void;
}
