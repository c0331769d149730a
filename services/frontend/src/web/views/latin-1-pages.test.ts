import { serialize } from 'node:v8';
import { Product } from '@sample/catalog-contract';
import { describe, expect, it } from 'vitest';
import { errorPage } from './error-page.ts';
import type { SiteInfo } from './layout.ts';
import { productDetailPage } from './product-detail.ts';
import { productListPage } from './product-list.ts';

// Pages are written with one byte per character (html.ts says why): every character beyond Latin-1,
// in the views' own text or in the data, must arrive as a character reference.
const site: SiteInfo = { appEnv: 'production', transport: 'gRPC' };
const product = Product.fromPartial({
  id: 'tea-🍵',
  name: 'Matcha 抹茶 “ceremonial” 🍵',
  description: 'Stone-ground — from Uji',
  price: { currencyCode: 'EUR', units: '19', nanos: 900_000_000 },
  tags: ['tea', 'grün', 'お茶'],
});
const beyondLatin1 = /[^\0-\u00ff]/u;
/** Whether V8 holds `text` with one byte per character (its serializer tags such strings `"`). */
const isOneByteString = (text: string) => serialize(text)[2] === '"'.charCodeAt(0);

describe('every page is Latin-1 text', () => {
  it.each([
    [
      'the product list',
      productListPage(site, { products: [product], nextPageToken: 'n', tag: 'お茶', discount: 10 }),
      'Matcha &#x62b9;&#x8336;',
    ],
    [
      'an empty list',
      productListPage(site, { products: [], nextPageToken: '', tag: '', discount: 0 }),
      'No products found.',
    ],
    ['a product page', productDetailPage(site, { product, discount: 10 }), '&#x20ac;17.91'],
    [
      'an error page',
      errorPage(site, { status: 503, title: 'Unavailable…', message: 'Try again — later' }),
      'Try again &#x2014; later',
    ],
  ])('%s', (_name, page, expected) => {
    expect(page.match(beyondLatin1)?.[0]).toBeUndefined();
    expect(isOneByteString(page)).toBe(true);
    expect(page).toContain(expected);
  });
});
