import { Router } from 'express';
import { parseQuery, singleQueryValue } from '@sample/server-kit';
import { z } from 'zod';
import type { CatalogClient } from '../catalog-client/catalog-client.ts';
import type { FeatureFlags } from '../feature-flags.ts';
import type { RenderPage } from './page-renderer.ts';

const pageSize = 12;

/** `GET /` query: a tag filter and the opaque token of the next page. */
const listPageQuery = z.object({
  tag: singleQueryValue.max(64, 'is too long').optional(),
  page: singleQueryValue.max(512, 'is too long').optional(),
});

/** The shop pages: thin handlers that validate input, ask the catalog and render a view. */
export function createPagesRouter({
  catalog,
  render,
  flags,
}: {
  catalog: CatalogClient;
  render: RenderPage;
  /** Without flags, every flag has its default (no discount). */
  flags?: FeatureFlags | undefined;
}): Router {
  const discountPercent = () => flags?.discountPercent() ?? Promise.resolve(0);
  const router = Router();
  router.get('/', async (req, res) => {
    const { tag = '', page: pageToken = '' } = parseQuery(req.query, listPageQuery);
    const [page, discount] = await Promise.all([
      catalog.listProducts({ pageSize, pageToken, tag }),
      discountPercent(),
    ]);
    res.send(
      render('product-list', {
        products: page.products,
        nextPageToken: page.nextPageToken,
        tag,
        discount,
      }),
    );
  });
  router.get('/products/:id', async (req, res) => {
    const [product, discount] = await Promise.all([
      catalog.getProduct(req.params.id),
      discountPercent(),
    ]);
    res.send(render('product-detail', { product, title: product.name, discount }));
  });
  return router;
}
