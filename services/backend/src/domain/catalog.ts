import { InvalidArgumentError, NotFoundError } from '@sample/errors';
import { decodePageToken, encodePageToken } from './page-token.ts';
import type { Product, ProductPage } from './product.ts';
import type { ProductStore } from './product-store.ts';

export const defaultPageSize = 10;
export const maxPageSize = 100;
const maxTextLength = 128;

export interface ListProductsQuery {
  /** 0 (or absent) means the default page size. */
  pageSize?: number;
  pageToken?: string;
  tag?: string;
}

/** The catalog use cases. Transports (gRPC, HTTP) call these and translate the results. */
export interface Catalog {
  listProducts(query: ListProductsQuery): Promise<ProductPage>;
  /** Throws NotFoundError for an unknown id. */
  getProduct(id: string): Promise<Product>;
  /** Resolves when the catalog can serve requests (its store answers and holds products). */
  checkReady(): Promise<void>;
  /** The catalog's version: it changes whenever any product changes (see ProductStore). */
  revision(): Promise<string>;
}

/**
 * Creates the catalog over a product store. Every input is validated here, once, so the gRPC and
 * HTTP adapters give the same answers to the same questions.
 */
export function createCatalog({ store }: { store: ProductStore }): Catalog {
  return {
    async listProducts({ pageSize = 0, pageToken = '', tag = '' }) {
      const limit = validPageSize(pageSize);
      validText('tag', tag, { allowEmpty: true });
      const cursor = pageToken ? decodePageToken(pageToken) : undefined;
      if (cursor && cursor.tag !== tag) {
        throw new InvalidArgumentError(
          'page_token was made for another tag: pass the same tag on every page',
        );
      }
      const found = await store.list({
        limit: limit + 1,
        ...(tag && { tag }),
        ...(cursor && { afterId: cursor.afterId }),
      });
      const products = found.slice(0, limit);
      const last = products.at(-1);
      const nextPageToken =
        found.length > limit && last ? encodePageToken({ afterId: last.id, tag }) : '';
      return { products, nextPageToken };
    },

    async getProduct(id) {
      validText('id', id, { allowEmpty: false });
      const product = await store.get(id);
      if (!product) throw new NotFoundError(`product "${id}" does not exist`);
      return product;
    },

    async checkReady() {
      if ((await store.count()) === 0) throw new Error('the product store is empty');
    },
    revision: () => store.revision(),
  };
}

function validPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > maxPageSize) {
    throw new InvalidArgumentError(
      `page_size must be a whole number from 0 to ${maxPageSize} (0 means ${defaultPageSize})`,
    );
  }
  return pageSize === 0 ? defaultPageSize : pageSize;
}

function validText(field: string, value: string, { allowEmpty }: { allowEmpty: boolean }): void {
  if (!allowEmpty && value.length === 0) throw new InvalidArgumentError(`${field} is required`);
  // eslint-disable-next-line no-control-regex
  if (value.length > maxTextLength || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InvalidArgumentError(
      `${field} must be at most ${maxTextLength} printable characters`,
    );
  }
}
