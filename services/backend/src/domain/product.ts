/** An amount of money: whole `units` (a decimal string, so int64 values never lose precision) and `nanos`. */
export interface Money {
  readonly currencyCode: string;
  readonly units: string;
  readonly nanos: number;
}

/**
 * A product of the catalog, as the domain knows it (no transport types here). Read-only: the store
 * hands out its own frozen objects, so nobody can change the catalog through them.
 */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly price: Money;
}

/** One page of a product listing. `nextPageToken` is empty on the last page. */
export interface ProductPage {
  products: readonly Product[];
  nextPageToken: string;
}
