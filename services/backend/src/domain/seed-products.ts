import { z } from 'zod';
import type { Product } from './product.ts';

const moneySchema = z
  .object({
    currencyCode: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR'),
    units: z.string().regex(/^-?\d{1,18}$/, 'expected whole units as a decimal string'),
    nanos: z.number().int().min(-999_999_999).max(999_999_999),
  })
  .refine(
    (money) =>
      money.nanos === 0 ||
      Math.sign(money.nanos) === Math.sign(Number(money.units)) ||
      money.units === '0',
    {
      message: 'units and nanos must have the same sign',
    },
  );

const productSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a lowercase, URL-safe id'),
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  tags: z.array(z.string().regex(/^[a-z0-9-]{1,32}$/)).max(10),
  price: moneySchema,
});

const seedSchema = z
  .array(productSchema)
  .min(1)
  .refine((products) => new Set(products.map((p) => p.id)).size === products.length, {
    message: 'ids must be unique',
  });

/**
 * Parses and validates the seed products (the JSON text of `data/products.json`).
 * A bad seed stops the start-up with a message naming the bad entry.
 */
export function parseSeedProducts(json: string): Product[] {
  const result = seedSchema.safeParse(JSON.parse(json));
  if (!result.success) {
    throw new Error(`invalid seed products: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
