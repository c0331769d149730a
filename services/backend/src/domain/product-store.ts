import type { Product } from './product.ts';

export interface ProductQuery {
  /** Only products carrying this tag, when set. */
  tag?: string;
  /** Only products whose id sorts after this one (keyset pagination), when set. */
  afterId?: string;
  /** At most this many products. */
  limit: number;
}

/**
 * Where products live. The catalog depends on this interface only; the in-memory store is one
 * implementation, a database would be another.
 */
export interface ProductStore {
  /** Products matching the query, ordered by id. */
  list(query: ProductQuery): Promise<Product[]>;
  get(id: string): Promise<Product | undefined>;
  count(): Promise<number>;
  /**
   * A version of everything the store holds: it changes whenever any product changes, and is the
   * same in every replica holding the same products (the ETag of the HTTP API).
   */
  revision(): Promise<string>;
}
