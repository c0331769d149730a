// The floors' page: the same markup as the shop's product list (layout, 12 cards with name link,
// formatted price and tag links, pager), written as a template literal with HTML escaping. This is
// the least a server-rendered page can do; the shop renders it with its views (tagged templates).
import type { FloorMoney, FloorPage } from './floor-data.ts';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char]!);

const formats = new Map<string, Intl.NumberFormat>();
function money({ currencyCode, units, nanos }: FloorMoney): string {
  let format = formats.get(currencyCode);
  if (!format) {
    format = new Intl.NumberFormat('en-IE', { style: 'currency', currency: currencyCode });
    formats.set(currencyCode, format);
  }
  return format.format(`${units}.${String(nanos).padStart(9, '0')}` as `${number}`);
}

/** The home page of the shop for `page`, as a complete HTML document. */
export function renderFloorPage(page: FloorPage, transport: string): string {
  const cards = page.products
    .map(
      (product) => `<li class="product-card" data-testid="product">
    <a class="product-name" href="/products/${encodeURIComponent(product.id)}">${escapeHtml(product.name)}</a>
    <span class="price" data-testid="price">${escapeHtml(money(product.price))}</span>
    <ul class="tags">${product.tags
      .map((tag) => `<li><a href="/?tag=${encodeURIComponent(tag)}">${escapeHtml(tag)}</a></li>`)
      .join('')}</ul>
  </li>`,
    )
    .join('\n');
  const pager = page.nextPageToken
    ? `<nav class="pager"><a rel="next" href="/?page=${encodeURIComponent(page.nextPageToken)}">Next page →</a></nav>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sample Shop</title>
  <link rel="stylesheet" href="/static/styles.css">
</head>
<body>
  <header class="site-header"><a class="brand" href="/">Sample Shop</a>
    <p class="runtime"><span class="badge">production</span> <span class="badge">via ${transport}</span></p>
  </header>
  <main>
<h1>All products</h1>
<ul class="product-grid">
${cards}
</ul>
${pager}
  </main>
  <footer class="site-footer">Served by the frontend service; data from the catalog backend.</footer>
</body>
</html>`;
}
