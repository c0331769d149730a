import type { Product } from '@sample/catalog-contract';
import { html, type SafeHtml } from './html.ts';
import { layout, type SiteInfo } from './layout.ts';
import { price } from './price.ts';
import { tagLinks } from './tag-links.ts';

export interface ProductListView {
  products: Product[];
  /** The token of the next page, empty on the last one. */
  nextPageToken: string;
  /** The tag filter, empty for all products. */
  tag: string;
  /** The discount in percent, 0 for none. */
  discount: number;
}

/** The card last rendered for each frozen product, with the discount it was rendered with. */
const cardCache = new WeakMap<Product, { discount: number; markup: SafeHtml }>();

/**
 * One product's card. A frozen product cannot change, so its card is rendered once per discount
 * and kept as long as the product is (the gRPC client hands out one frozen object per distinct
 * product: decode-list-products-response.ts). Any other product is rendered afresh.
 * NOTE: rendering a dozen cards (escaping, prices, tag links) was ~35 µs and a fifth of the garbage
 * of a page in the benchmark (docs/performance.md).
 */
function card(product: Product, discount: number): SafeHtml {
  const cached = cardCache.get(product);
  if (cached?.discount === discount) return cached.markup;
  const markup = html`
  <li class="product-card" data-testid="product">
    <a class="product-name" href="/products/${encodeURIComponent(product.id)}">${product.name}</a>
    ${price(product.price, discount)}
    ${tagLinks(product.tags)}
  </li>`;
  if (Object.isFrozen(product)) cardCache.set(product, { discount, markup });
  return markup;
}

/** `GET /`: a page of products with name, price and tags, and a link to the next page. */
export function productListPage(
  site: SiteInfo,
  { products, nextPageToken, tag, discount }: ProductListView,
): string {
  const cards = products.map((product) => card(product, discount));
  const next =
    nextPageToken &&
    html`<nav class="pager"><a rel="next" href="/?page=${encodeURIComponent(nextPageToken)}${tag && html`&amp;tag=${encodeURIComponent(tag)}`}">Next page &rarr;</a></nav>`;
  return layout(
    site,
    undefined,
    html`<h1>${tag ? html`Products tagged &ldquo;${tag}&rdquo;` : 'All products'}</h1>
${tag && html`<p><a href="/">Show all products</a></p>`}
${
  products.length === 0
    ? html`<p class="empty">No products found.</p>`
    : html`<ul class="product-grid">${cards}
</ul>`
}
${next}`,
  );
}
