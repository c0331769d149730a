import type { Product } from '@sample/catalog-contract';

/**
 * Remembers decoded products by their encoded form (their protobuf bytes, or their JSON text), so
 * a product the backend sends again is decoded once and handed out as the same deep-frozen object,
 * whose page card the views then render once too (views/product-list.ts). A catalog answers the
 * same products again and again: decoding and rendering a dozen of them afresh was ~75 µs of each
 * page's CPU in the benchmark (docs/performance.md). Bounded: past `maxProducts` everything
 * remembered is forgotten, and remembered anew.
 */
export function createProductInterner(maxProducts = 1024) {
  const products = new Map<string, Product>();
  return function intern(encoded: string, decode: () => Product): Product {
    let product = products.get(encoded);
    if (product === undefined) {
      product = deepFreeze(decode());
      if (products.size >= maxProducts) products.clear();
      products.set(encoded, product);
    }
    return product;
  };
}

export type ProductInterner = ReturnType<typeof createProductInterner>;

function deepFreeze(product: Product): Product {
  if (product.price) Object.freeze(product.price);
  Object.freeze(product.tags);
  return Object.freeze(product);
}
