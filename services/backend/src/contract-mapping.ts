import { ListProductsResponse, Product as ProductMessage } from '@sample/catalog-contract';
import type { Product, ProductPage } from './domain/product.ts';

/** Domain product → catalog.v1.Product message. Both transports use this one mapping. */
export function toProductMessage(product: Product): ProductMessage {
  return ProductMessage.fromPartial(product);
}

/** Domain page → catalog.v1.ListProductsResponse message. */
export function toListProductsResponse(page: ProductPage): ListProductsResponse {
  return ListProductsResponse.fromPartial({
    products: page.products.map(toProductMessage),
    nextPageToken: page.nextPageToken,
  });
}
