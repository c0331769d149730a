import { Router, type Request } from 'express';
import { ListProductsResponse, Product } from '@sample/catalog-contract';
import { InvalidArgumentError } from '@sample/errors';
import type { Catalog } from '../domain/catalog.ts';
import { toListProductsResponse, toProductMessage } from '../contract-mapping.ts';

/**
 * The HTTP/JSON face of catalog.v1: the same messages as gRPC, in the proto3 JSON mapping
 * (camelCase fields, int64 as strings). Express adds a strong ETag to each response and answers
 * a matching `If-None-Match` with 304 Not Modified.
 */
export function createProductsRouter({ catalog }: { catalog: Catalog }): Router {
  const router = Router();
  router.get('/v1/products', async (req, res) => {
    const page = await catalog.listProducts({
      pageSize: readPageSize(req),
      pageToken: readString(req, 'pageToken'),
      tag: readString(req, 'tag'),
    });
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

function readString(req: Request, name: string): string {
  const value = req.query[name];
  if (value === undefined) return '';
  if (typeof value !== 'string')
    throw new InvalidArgumentError(`${name} must be given once, as a plain value`);
  return value;
}

function readPageSize(req: Request): number {
  const value = readString(req, 'pageSize');
  if (value === '') return 0;
  if (!/^\d{1,9}$/.test(value))
    throw new InvalidArgumentError('pageSize must be a whole number from 0 to 100');
  return Number(value);
}
