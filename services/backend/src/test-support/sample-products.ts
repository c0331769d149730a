import type { Product } from '../domain/product.ts';

/** A product whose price needs full int64 precision (above 2^53). */
export const mug: Product = {
  id: 'mug',
  name: 'Mug',
  description: 'Holds tea',
  tags: ['kitchen'],
  price: { currencyCode: 'EUR', units: '9007199254740993', nanos: 990_000_000 },
};

/** The mug and 11 untagged items: 12 products, enough for two pages of 10. */
export const sampleProducts: Product[] = [
  mug,
  ...Array.from({ length: 11 }, (_, i) => ({ ...mug, id: `item-${i}`, tags: [] })),
];
