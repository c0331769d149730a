import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeedProducts } from './seed-products.ts';

const valid = {
  id: 'mug',
  name: 'Mug',
  description: '',
  tags: ['kitchen'],
  price: { currencyCode: 'EUR', units: '9', nanos: 500_000_000 },
};

describe('parseSeedProducts', () => {
  it('accepts the checked-in seed file, which holds at least 12 products', () => {
    const products = parseSeedProducts(
      readFileSync(new URL('../../data/products.json', import.meta.url), 'utf8'),
    );

    expect(products.length).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['a duplicate id', [valid, valid], /unique/],
    [
      'a bad currency code',
      [{ ...valid, price: { ...valid.price, currencyCode: 'euro' } }],
      /ISO 4217/,
    ],
    [
      'units and nanos of opposite signs',
      [{ ...valid, price: { ...valid.price, units: '-1' } }],
      /same sign/,
    ],
    ['an id that is not URL-safe', [{ ...valid, id: '../etc' }], /URL-safe/],
  ])('rejects %s with a message naming the problem', (_case, seed, message) => {
    expect(() => parseSeedProducts(JSON.stringify(seed))).toThrow(message);
  });
});
