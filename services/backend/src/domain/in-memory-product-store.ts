import { createHash } from 'node:crypto';
import type { Product } from './product.ts';
import type { ProductQuery, ProductStore } from './product-store.ts';

/**
 * A ProductStore over a fixed list of products, kept sorted by id. It keeps deep-frozen copies and
 * hands those out: no caller can change the store, and no request pays for a copy (a structured
 * clone per product was a sixth of the backend's CPU per request; docs/performance.md).
 */
export function createInMemoryProductStore(products: readonly Product[]): ProductStore {
  const sorted = products
    .map((product) => deepFreeze(structuredClone(product)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(sorted.map((product) => [product.id, product]));
  // The products never change, so one hash of all of them, made once, is their version.
  const revision = createHash('sha256')
    .update(JSON.stringify(sorted))
    .digest('base64url')
    .slice(0, 22);
  return {
    async list({ tag, afterId, limit }: ProductQuery) {
      const matches = sorted.filter(
        (product) =>
          (afterId === undefined || product.id > afterId) &&
          (tag === undefined || product.tags.includes(tag)),
      );
      return matches.slice(0, limit);
    },
    async get(id) {
      const product = byId.get(id);
      return product;
    },
    async count() {
      return sorted.length;
    },
    async revision() {
      return revision;
    },
  };
}

function deepFreeze<T extends Product>(product: T): T {
  Object.freeze(product.tags);
  Object.freeze(product.price);
  return Object.freeze(product);
}
