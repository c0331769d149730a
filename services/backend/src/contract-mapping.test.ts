import { Product as ProductMessage } from '@sample/catalog-contract';
import { describe, expect, it } from 'vitest';
import { toListProductsResponse, toProductMessage } from './contract-mapping.ts';
import { sampleProducts } from './test-support/sample-products.ts';

describe('the contract mapping', () => {
  it('maps a product to a frozen message with the same fields, once', () => {
    const [product] = sampleProducts;

    const message = toProductMessage(product!);

    expect(message).toEqual({ ...product, tags: [...product!.tags] });
    expect(Object.isFrozen(message)).toBe(true);
    expect(Object.isFrozen(message.tags)).toBe(true);
    expect(Object.isFrozen(message.price)).toBe(true);
    expect(toProductMessage(product!)).toBe(message);
  });

  it('maps another product object (a changed product) to its own message', () => {
    const [product] = sampleProducts;
    const changed = { ...product!, name: 'Renamed' };

    expect(toProductMessage(changed).name).toBe('Renamed');
    expect(toProductMessage(product!).name).toBe(product!.name);
  });

  it('gives messages the generated encoder turns into the same bytes as a fresh copy', () => {
    const page = { products: sampleProducts, nextPageToken: 'next' };

    const response = toListProductsResponse(page);

    expect(response.nextPageToken).toBe('next');
    for (const [index, message] of response.products.entries()) {
      const copy = ProductMessage.fromJSON(ProductMessage.toJSON(message));
      expect(ProductMessage.encode(message).finish()).toEqual(ProductMessage.encode(copy).finish());
      expect(message.id).toBe(sampleProducts[index]!.id);
    }
  });
});
