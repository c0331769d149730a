import type { Product } from '@sample/catalog-contract';
import { html } from './html.ts';
import { layout, type SiteInfo } from './layout.ts';
import { price } from './price.ts';
import { tagLinks } from './tag-links.ts';

/** `GET /products/{id}`: one product with its price, description and tags. */
export function productDetailPage(
  site: SiteInfo,
  { product, discount }: { product: Product; discount: number },
): string {
  return layout(
    site,
    product.name,
    html`<article class="product-detail" data-testid="product-detail">
  <p><a href="/">&larr; All products</a></p>
  <h1>${product.name}</h1>
  <p>${price(product.price, discount)}</p>
  <p class="description">${product.description}</p>
  ${tagLinks(product.tags)}
</article>`,
  );
}
