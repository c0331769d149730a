import {
  CatalogServiceService,
  ListProductsResponse,
  type Product,
} from '@sample/catalog-contract';
import { describe, expect, it } from 'vitest';
import {
  createListProductsResponseDecoder,
  createListProductsResponseFromJson,
} from './decode-list-products-response.ts';
import { createProductInterner } from './product-interner.ts';

const encode = (response: ListProductsResponse) =>
  CatalogServiceService.listProducts.responseSerialize(response);
const generated = CatalogServiceService.listProducts.responseDeserialize;

const product = (id: string, extra: Partial<Product> = {}): Product => ({
  id,
  name: `Product ${id}`,
  description: 'A plain description',
  tags: ['kitchen', 'gift'],
  price: { currencyCode: 'EUR', units: '39', nanos: 900_000_000 },
  ...extra,
});

describe('the ListProducts decoder', () => {
  it.each([
    ['a page with a page token', { products: [product('a'), product('b')], nextPageToken: 'next' }],
    ['the last page', { products: [product('a')], nextPageToken: '' }],
    ['an empty page', { products: [], nextPageToken: '' }],
    ['a page token alone', { products: [], nextPageToken: 'p2' }],
    [
      'text beyond ASCII and a product longer than 127 bytes',
      {
        products: [product('€', { name: 'Tasse “Café” ☕', description: 'x'.repeat(300) })],
        nextPageToken: 'é',
      },
    ],
    [
      'a product without a price or tags',
      { products: [product('c', { price: undefined, tags: [] })], nextPageToken: '' },
    ],
  ])('decodes %s as the generated decoder does', (_, response: ListProductsResponse) => {
    const bytes = encode(response);
    expect(createListProductsResponseDecoder()(bytes)).toEqual(generated(bytes));
  });

  it('hands out one frozen product for the same bytes, and decodes changed bytes afresh', () => {
    const decode = createListProductsResponseDecoder();
    const first = decode(encode({ products: [product('a'), product('b')], nextPageToken: '' }));
    const again = decode(encode({ products: [product('b'), product('a')], nextPageToken: '' }));
    const renamed = decode(
      encode({ products: [product('a', { name: 'Renamed' })], nextPageToken: '' }),
    );

    expect(again.products[1]).toBe(first.products[0]);
    expect(again.products[0]).toBe(first.products[1]);
    expect(renamed.products[0]!.name).toBe('Renamed');
    expect(Object.isFrozen(first.products[0])).toBe(true);
    expect(Object.isFrozen(first.products[0]!.price)).toBe(true);
    expect(Object.isFrozen(first.products[0]!.tags)).toBe(true);
    expect(first.products).not.toBe(again.products);
  });

  it('remembers a bounded number of products, then starts again', () => {
    const decode = createListProductsResponseDecoder(createProductInterner(2));
    const page = (...ids: string[]) =>
      decode(encode({ products: ids.map((id) => product(id)), nextPageToken: '' })).products;
    const [a] = page('a', 'b');
    expect(page('a')[0]).toBe(a);

    page('c'); // a third product: everything remembered is forgotten first

    expect(page('a')[0]).not.toBe(a);
    expect(page('a')[0]).toEqual(a);
  });

  it('leaves a message with a field it does not know to the generated decoder', () => {
    // Field 3 (a newer contract's, say) as a varint, then a product.
    const bytes = Buffer.concat([
      Buffer.from([(3 << 3) | 0, 42]),
      encode({ products: [product('a')], nextPageToken: '' }),
    ]);
    const decoded = createListProductsResponseDecoder()(bytes);
    expect(decoded).toEqual(generated(bytes));
    expect(decoded.products[0]!.id).toBe('a');
  });

  it('fails on truncated bytes as the generated decoder does', () => {
    const bytes = encode({ products: [product('a')], nextPageToken: 'next' });
    const truncated = bytes.subarray(0, bytes.length - 2);
    expect(() => generated(truncated)).toThrow();
    expect(() => createListProductsResponseDecoder()(truncated)).toThrow();
  });
});

describe('the ListProducts JSON reader', () => {
  const json = (response: ListProductsResponse): unknown =>
    JSON.parse(JSON.stringify(ListProductsResponse.toJSON(response)));

  it.each([
    ['a page with a page token', { products: [product('a'), product('b')], nextPageToken: 'next' }],
    ['the last page', { products: [product('a')], nextPageToken: '' }],
    ['an empty page', { products: [], nextPageToken: '' }],
    [
      'a product without a price or tags',
      { products: [product('c', { price: undefined, tags: [] })], nextPageToken: '' },
    ],
  ])('reads %s as the generated fromJSON does', (_, response: ListProductsResponse) => {
    expect(createListProductsResponseFromJson()(json(response))).toEqual(
      ListProductsResponse.fromJSON(json(response)),
    );
  });

  it.each([
    ['no products', { nextPageToken: 'n' }],
    ['products that are not a list', { products: 'none' }],
  ])('reads %s as the generated fromJSON does', (_, body) => {
    expect(createListProductsResponseFromJson()(body)).toEqual(ListProductsResponse.fromJSON(body));
  });

  it('hands out one frozen product for the same JSON, and reads changed JSON afresh', () => {
    const fromJson = createListProductsResponseFromJson();
    const first = fromJson(json({ products: [product('a')], nextPageToken: '' }));
    const again = fromJson(json({ products: [product('a')], nextPageToken: 'n' }));
    const renamed = fromJson(
      json({ products: [product('a', { name: 'Renamed' })], nextPageToken: '' }),
    );

    expect(again.products[0]).toBe(first.products[0]);
    expect(Object.isFrozen(first.products[0])).toBe(true);
    expect(renamed.products[0]!.name).toBe('Renamed');
    expect(again.nextPageToken).toBe('n');
  });
});
