import { Router, type Request } from 'express';
import { InvalidArgumentError } from '@sample/errors';
import type { CatalogClient } from '../catalog-client/catalog-client.ts';
import type { RenderPage } from './page-renderer.ts';

const pageSize = 12;

/** The shop pages: thin handlers that validate input, ask the catalog and render a view. */
export function createPagesRouter({
  catalog,
  render,
}: {
  catalog: CatalogClient;
  render: RenderPage;
}): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const tag = readParam(req, 'tag', 64);
    const pageToken = readParam(req, 'page', 512);
    const page = await catalog.listProducts({ pageSize, pageToken, tag });
    res.send(
      render('product-list.njk', {
        products: page.products,
        nextPageToken: page.nextPageToken,
        tag,
      }),
    );
  });
  router.get('/products/:id', async (req, res) => {
    const product = await catalog.getProduct(req.params.id);
    res.send(render('product-detail.njk', { product, title: product.name }));
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
