/** An amount of money: whole `units` (a decimal string, so int64 values never lose precision) and `nanos`. */
export interface Money {
  currencyCode: string;
  units: string;
  nanos: number;
}

/** A product of the catalog, as the domain knows it (no transport types here). */
export interface Product {
  id: string;
  name: string;
  description: string;
  tags: string[];
  price: Money;
}

/** One page of a product listing. `nextPageToken` is empty on the last page. */
export interface ProductPage {
  products: Product[];
  nextPageToken: string;
}
