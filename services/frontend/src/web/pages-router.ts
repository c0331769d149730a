import { Router, type Request } from 'express';
import { InvalidArgumentError } from '@sample/errors';
import type { CatalogClient } from '../catalog-client/catalog-client.ts';
import type { FeatureFlags } from '../feature-flags.ts';
import type { RenderPage } from './page-renderer.ts';

const pageSize = 12;

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
    const tag = readParam(req, 'tag', 64);
    const pageToken = readParam(req, 'page', 512);
    const [page, discount] = await Promise.all([
      catalog.listProducts({ pageSize, pageToken, tag }),
      discountPercent(),
    ]);
    res.send(
      render('product-list.njk', {
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
    res.send(render('product-detail.njk', { product, title: product.name, discount }));
  });
  return router;
}

function readParam(req: Request, name: string, maxLength: number): string {
  const value = req.query[name];
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > maxLength) {
    throw new InvalidArgumentError(`the ${name} parameter is not valid`);
  }
  return value;
}
