import type { Product } from './product.ts';
import type { ProductQuery, ProductStore } from './product-store.ts';

/** A ProductStore over a fixed list of products, kept sorted by id. Returns copies, never its own objects. */
export function createInMemoryProductStore(products: readonly Product[]): ProductStore {
  const sorted = [...products].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(sorted.map((product) => [product.id, product]));
  return {
    async list({ tag, afterId, limit }: ProductQuery) {
      const matches = sorted.filter(
        (product) =>
          (afterId === undefined || product.id > afterId) &&
          (tag === undefined || product.tags.includes(tag)),
      );
      return matches.slice(0, limit).map((product) => structuredClone(product));
    },
    async get(id) {
      const product = byId.get(id);
      return product && structuredClone(product);
    },
    async count() {
      return sorted.length;
    },
  };
}
