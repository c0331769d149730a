import type { CatalogServiceServer } from '@sample/catalog-contract';
import { grpcUnary } from '@sample/server-kit';
import type { Logger } from 'pino';
import type { Catalog } from '../domain/catalog.ts';
import { toListProductsResponse, toProductMessage } from '../contract-mapping.ts';

/** The catalog.v1.CatalogService handlers: thin translations between messages and use cases. */
export function createCatalogGrpcHandlers({
  catalog,
  log,
}: {
  catalog: Catalog;
  log: Logger;
}): CatalogServiceServer {
  return {
    listProducts: grpcUnary(log, async ({ request }) =>
      toListProductsResponse(
        await catalog.listProducts({
          pageSize: request.pageSize,
          pageToken: request.pageToken,
          tag: request.tag,
        }),
      ),
    ),
    getProduct: grpcUnary(log, async ({ request }) =>
      toProductMessage(await catalog.getProduct(request.id)),
    ),
  };
}
