import { CatalogServiceService, ListProductsResponse } from '@sample/catalog-contract';
import { describe, expect, it } from 'vitest';
import { toListProductsResponse, toProductMessage } from '../contract-mapping.ts';
import { sampleProducts } from '../test-support/sample-products.ts';
import { encodeListProductsResponse } from './catalog-service-definition.ts';

const generated = CatalogServiceService.listProducts.responseSerialize;

describe('the ListProducts encoder', () => {
  it.each([
    ['with a page token', 'next-page'],
    ['on the last page', ''],
  ])('writes the bytes of the generated encoder, %s, every time', (_, nextPageToken) => {
    const response = toListProductsResponse({ products: sampleProducts, nextPageToken });

    const first = encodeListProductsResponse(response);
    const again = encodeListProductsResponse(response);

    expect(first).toEqual(generated(response));
    expect(again).toEqual(first);
    expect(ListProductsResponse.decode(first)).toEqual(response);
  });

  it('writes an empty page as no bytes at all, as protobuf does', () => {
    expect(encodeListProductsResponse({ products: [], nextPageToken: '' })).toHaveLength(0);
  });

  it('encodes a message it did not make afresh every time', () => {
    const product = { ...toProductMessage(sampleProducts[0]!) };
    const response = { products: [product], nextPageToken: '' };
    encodeListProductsResponse(response);

    product.name = 'Renamed';

    expect(encodeListProductsResponse(response)).toEqual(generated(response));
    expect(
      ListProductsResponse.decode(encodeListProductsResponse(response)).products[0]!.name,
    ).toBe('Renamed');
  });
});
