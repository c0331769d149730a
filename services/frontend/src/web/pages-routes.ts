import type { FastifyPluginCallback } from 'fastify';
import { parseQuery, singleQueryValue } from '@sample/server-kit';
import { z } from 'zod';
import type { CatalogClient } from '../catalog-client/catalog-client.ts';
import type { FeatureFlags } from '../feature-flags.ts';
import type { SiteInfo } from './views/layout.ts';
import { productDetailPage } from './views/product-detail.ts';
import { productListPage } from './views/product-list.ts';

const pageSize = 12;

/** `GET /` query: a tag filter and the opaque token of the next page. */
const listPageQuery = z.object({
  tag: singleQueryValue.max(64, 'is too long').optional(),
  page: singleQueryValue.max(512, 'is too long').optional(),
});

/** The shop pages: thin handlers that validate input, ask the catalog and render a view. */
export const pagesRoutes: FastifyPluginCallback<{
  catalog: CatalogClient;
  site: SiteInfo;
  /** Without flags, every flag has its default (no discount). */
  flags?: FeatureFlags | undefined;
}> = (app, { catalog, site, flags }, done) => {
  const discountPercent = () => flags?.discountPercent() ?? 0;

  app.get('/', async (request, reply) => {
    const { tag = '', page: pageToken = '' } = parseQuery(request.query, listPageQuery);
    const page = await catalog.listProducts({ pageSize, pageToken, tag });
    const markup = productListPage(site, {
      products: page.products,
      nextPageToken: page.nextPageToken,
      tag,
      discount: discountPercent(),
    });
    return reply.type('text/html; charset=utf-8').send(markup);
  });

  app.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
    const product = await catalog.getProduct(request.params.id);
    const markup = productDetailPage(site, { product, discount: discountPercent() });
    return reply.type('text/html; charset=utf-8').send(markup);
  });
  done();
};
