import { ListProductsResponse, Product } from '@sample/catalog-contract';
import { createProductInterner, type ProductInterner } from './product-interner.ts';

/** Field 1 (products) and field 2 (next_page_token) of ListProductsResponse, length-delimited. */
const productsTag = (1 << 3) | 2;
const nextPageTokenTag = (2 << 3) | 2;

/**
 * Decodes ListProductsResponse bytes as the generated decoder does, but each distinct product once
 * (`intern`, keyed by the product's bytes). Anything but the two known fields (a newer contract's
 * field, say) goes to the generated decoder.
 */
export function createListProductsResponseDecoder(
  intern: ProductInterner = createProductInterner(),
) {
  return function decode(bytes: Buffer): ListProductsResponse {
    const response: ListProductsResponse = { products: [], nextPageToken: '' };
    let offset = 0;
    while (offset < bytes.length) {
      const tag = bytes[offset++];
      if (tag !== productsTag && tag !== nextPageTokenTag)
        return ListProductsResponse.decode(bytes);
      let length = 0;
      for (let shift = 0; ; shift += 7) {
        if (shift > 28 || offset >= bytes.length) return ListProductsResponse.decode(bytes);
        const byte = bytes[offset++]!;
        length += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
      }
      const start = offset;
      offset += length;
      if (offset > bytes.length) return ListProductsResponse.decode(bytes);
      if (tag === nextPageTokenTag) response.nextPageToken = bytes.toString('utf8', start, offset);
      else
        response.products.push(
          intern(bytes.toString('latin1', start, offset), () =>
            Product.decode(bytes.subarray(start, offset)),
          ),
        );
    }
    return response;
  };
}

/**
 * Reads a ListProductsResponse from its JSON form as the generated `fromJSON` does, but each
 * distinct product once (`intern`, keyed by the product's JSON text).
 */
export function createListProductsResponseFromJson(
  intern: ProductInterner = createProductInterner(),
) {
  return function fromJson(json: unknown): ListProductsResponse {
    const products = (json as { products?: unknown } | null)?.products;
    if (!Array.isArray(products)) return ListProductsResponse.fromJSON(json);
    const { nextPageToken } = ListProductsResponse.fromJSON({ ...json!, products: [] });
    return {
      products: products.map((product: unknown) =>
        intern(JSON.stringify(product), () => Product.fromJSON(product)),
      ),
      nextPageToken,
    };
  };
}
