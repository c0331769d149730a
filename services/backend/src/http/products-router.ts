import { Router } from 'express';
import { ListProductsResponse, Product } from '@sample/catalog-contract';
import { parseQuery, singleQueryValue } from '@sample/server-kit';
import { z } from 'zod';
import type { Catalog } from '../domain/catalog.ts';
import { toListProductsResponse, toProductMessage } from '../contract-mapping.ts';

/** `GET /v1/products` query: ranges are the catalog's to check; here only the types. */
const listProductsQuery = z.object({
  pageSize: singleQueryValue
    .regex(/^\d{1,9}$/, 'must be a whole number from 0 to 100')
    .transform(Number)
    .optional(),
  pageToken: singleQueryValue.optional(),
  tag: singleQueryValue.optional(),
});

/**
 * The HTTP/JSON face of catalog.v1: the same messages as gRPC, in the proto3 JSON mapping
 * (camelCase fields, int64 as strings). Express adds a strong ETag to each response and answers
 * a matching `If-None-Match` with 304 Not Modified.
 */
export function createProductsRouter({ catalog }: { catalog: Catalog }): Router {
  const router = Router();
  router.get('/v1/products', async (req, res) => {
    const page = await catalog.listProducts(parseQuery(req.query, listProductsQuery));
    res
      .set('Cache-Control', 'no-cache')
      .json(ListProductsResponse.toJSON(toListProductsResponse(page)));
  });
  router.get('/v1/products/:id', async (req, res) => {
    const product = await catalog.getProduct(req.params.id);
    res.set('Cache-Control', 'no-cache').json(Product.toJSON(toProductMessage(product)));
  });
  return router;
}
