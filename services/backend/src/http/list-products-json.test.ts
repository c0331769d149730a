import { ListProductsResponse } from '@sample/catalog-contract';
import { describe, expect, it } from 'vitest';
import { toListProductsResponse, toProductMessage } from '../contract-mapping.ts';
import { sampleProducts } from '../test-support/sample-products.ts';
import { listProductsJson } from './list-products-json.ts';

const generated = (response: ListProductsResponse) =>
  JSON.stringify(ListProductsResponse.toJSON(response));

describe('the ListProducts JSON writer', () => {
  it.each([
    ['with a page token', { products: sampleProducts, nextPageToken: 'next-"page"' }],
    ['on the last page', { products: sampleProducts, nextPageToken: '' }],
    ['for an empty page', { products: [], nextPageToken: '' }],
  ])('writes the text of the generated mapping, %s, every time', (_, page) => {
    const response = toListProductsResponse(page);

    const first = listProductsJson(response);

    expect(first).toBe(generated(response));
    expect(listProductsJson(response)).toBe(first);
  });

  it('writes a message it did not make afresh every time', () => {
    const product = { ...toProductMessage(sampleProducts[0]!) };
    const response = { products: [product], nextPageToken: '' };
    listProductsJson(response);

    product.name = 'Renamed';

    expect(listProductsJson(response)).toBe(generated(response));
    expect(listProductsJson(response)).toContain('"name":"Renamed"');
  });
});
