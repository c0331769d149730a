import type { FastifyPluginCallback } from 'fastify';
import { Product } from '@sample/catalog-contract';
import { parseQuery, replyWithETag, singleQueryValue } from '@sample/server-kit';
import { z } from 'zod';
import type { Catalog } from '../domain/catalog.ts';
import { toListProductsResponse, toProductMessage } from '../contract-mapping.ts';
import { listProductsJson } from './list-products-json.ts';

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
 * (camelCase fields, int64 as strings). Each answer carries a strong ETag, the catalog's revision,
 * and a matching `If-None-Match` is answered with 304 Not Modified.
 */
export const productsRoutes: FastifyPluginCallback<{ catalog: Catalog }> = (
  app,
  { catalog },
  done,
) => {
  app.get('/v1/products', async (request, reply) => {
    const [page, revision] = await Promise.all([
      catalog.listProducts(parseQuery(request.query, listProductsQuery)),
      catalog.revision(),
    ]);
    return replyWithETag(request, reply, `"${revision}"`, () => {
      void reply.type('application/json; charset=utf-8');
      return listProductsJson(toListProductsResponse(page));
    });
  });
  app.get<{ Params: { id: string } }>('/v1/products/:id', async (request, reply) => {
    const [product, revision] = await Promise.all([
      catalog.getProduct(request.params.id),
      catalog.revision(),
    ]);
    return replyWithETag(request, reply, `"${revision}"`, () =>
      Product.toJSON(toProductMessage(product)),
    );
  });
  done();
};
