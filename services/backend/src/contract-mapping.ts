import type { ListProductsResponse, Product as ProductMessage } from '@sample/catalog-contract';
import type { Product, ProductPage } from './domain/product.ts';

// Domain products never change (the store deep-freezes them), so each is mapped to its message once.
// Weak keys: a product the store no longer holds takes its message with it.
const messages = new WeakMap<Product, ProductMessage>();
const made = new WeakSet<ProductMessage>();

/**
 * Domain product → catalog.v1.Product message, shared by both transports. The message is frozen and
 * made once per product: only encoders read it.
 * NOTE: a fresh copy per product per call was ~2 KB of garbage per ListProducts in the benchmark,
 * a tenth of what the backend allocates per call (docs/performance.md).
 */
export function toProductMessage(product: Product): ProductMessage {
  let message = messages.get(product);
  if (!message) {
    const { id, name, description, tags, price } = product;
    message = Object.freeze({
      id,
      name,
      description,
      tags: Object.freeze([...tags]) as string[],
      price: Object.freeze({ ...price }),
    });
    messages.set(product, message);
    made.add(message);
  }
  return message;
}

/**
 * Remembers what `encode` makes of each message that `toProductMessage` made (those never change),
 * so that a product is encoded once, not once per response; any other message is encoded every time.
 */
export function oncePerMessage<T>(
  encode: (message: ProductMessage) => T,
): (message: ProductMessage) => T {
  const encoded = new WeakMap<ProductMessage, T>();
  return (message) => {
    if (!made.has(message)) return encode(message);
    let result = encoded.get(message);
    if (result === undefined) {
      result = encode(message);
      encoded.set(message, result);
    }
    return result;
  };
}

/** Domain page → catalog.v1.ListProductsResponse message. */
export function toListProductsResponse(page: ProductPage): ListProductsResponse {
  return { products: page.products.map(toProductMessage), nextPageToken: page.nextPageToken };
}
