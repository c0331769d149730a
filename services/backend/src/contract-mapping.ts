import type { ListProductsResponse, Product as ProductMessage } from '@sample/catalog-contract';
import type { Product, ProductPage } from './domain/product.ts';

/** Domain product → catalog.v1.Product message (a fresh, mutable object). Both transports use it. */
export function toProductMessage({ id, name, description, tags, price }: Product): ProductMessage {
  return { id, name, description, tags: [...tags], price: { ...price } };
}

/** Domain page → catalog.v1.ListProductsResponse message. */
export function toListProductsResponse(page: ProductPage): ListProductsResponse {
  return { products: page.products.map(toProductMessage), nextPageToken: page.nextPageToken };
}
