import { InvalidArgumentError, NotFoundError } from '@sample/errors';
import { describe, expect, it } from 'vitest';
import { createCatalog } from './catalog.ts';
import { createInMemoryProductStore } from './in-memory-product-store.ts';
import type { Product } from './product.ts';

function product(id: string, tags: string[] = []): Product {
  return {
    id,
    name: `Name of ${id}`,
    description: '',
    tags,
    price: { currencyCode: 'EUR', units: '1', nanos: 0 },
  };
}

const products = Array.from({ length: 25 }, (_, i) =>
  product(`p-${String(i).padStart(2, '0')}`, i % 3 === 0 ? ['three'] : []),
);
const catalog = createCatalog({ store: createInMemoryProductStore(products) });

async function listAll(pageSize: number, tag = ''): Promise<string[]> {
  const ids: string[] = [];
  let pageToken = '';
  do {
    const page = await catalog.listProducts({ pageSize, pageToken, tag });
    ids.push(...page.products.map((p) => p.id));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return ids;
}

describe('listProducts', () => {
  it('returns 10 products by default, ordered by id, with a token for the next page', async () => {
    const page = await catalog.listProducts({});

    expect(page.products.map((p) => p.id)).toEqual(products.slice(0, 10).map((p) => p.id));
    expect(page.nextPageToken).not.toBe('');
  });

  it.each([1, 7, 25, 100])(
    'visits every product exactly once with pages of %i',
    async (pageSize) => {
      expect(await listAll(pageSize)).toEqual(products.map((p) => p.id));
    },
  );

  it('returns an empty next page token on the last page', async () => {
    const page = await catalog.listProducts({ pageSize: 25 });

    expect(page.products).toHaveLength(25);
    expect(page.nextPageToken).toBe('');
  });

  it('filters by tag across pages', async () => {
    expect(await listAll(2, 'three')).toEqual([
      'p-00',
      'p-03',
      'p-06',
      'p-09',
      'p-12',
      'p-15',
      'p-18',
      'p-21',
      'p-24',
    ]);
  });

  it('returns no products for a tag nobody carries', async () => {
    expect(await catalog.listProducts({ tag: 'none' })).toEqual({
      products: [],
      nextPageToken: '',
    });
  });

  it.each([-1, 101, 2.5, Number.NaN])('rejects page size %s', async (pageSize) => {
    await expect(catalog.listProducts({ pageSize })).rejects.toThrow(InvalidArgumentError);
  });

  it.each([
    'not-a-token',
    'eyJ2IjoyfQ',
    Buffer.from('{"v":1,"a":"","t":""}').toString('base64url'),
  ])('rejects the malformed page token %s', async (pageToken) => {
    await expect(catalog.listProducts({ pageToken })).rejects.toThrow(/page_token is invalid/);
  });

  it('rejects a page token used with another tag', async () => {
    const { nextPageToken } = await catalog.listProducts({ pageSize: 1, tag: 'three' });

    await expect(catalog.listProducts({ pageToken: nextPageToken, tag: '' })).rejects.toThrow(
      /another tag/,
    );
  });

  it('rejects a tag with control characters or too long', async () => {
    await expect(catalog.listProducts({ tag: 'a\u0000b' })).rejects.toThrow(InvalidArgumentError);
    await expect(catalog.listProducts({ tag: 'x'.repeat(129) })).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});

describe('getProduct', () => {
  it('returns the product with that id', async () => {
    expect(await catalog.getProduct('p-07')).toEqual(product('p-07'));
  });

  it('throws NotFoundError for an unknown id', async () => {
    await expect(catalog.getProduct('nope')).rejects.toThrow(NotFoundError);
  });

  it('throws InvalidArgumentError for an empty id', async () => {
    await expect(catalog.getProduct('')).rejects.toThrow(InvalidArgumentError);
  });

  it('hands out read-only products, so callers cannot change the store', async () => {
    const first = (await catalog.getProduct('p-01')) as unknown as {
      name: string;
      tags: string[];
      price: { units: string };
    };
    expect(() => (first.name = 'changed')).toThrow(TypeError);
    expect(() => first.tags.push('x')).toThrow(TypeError);
    expect(() => (first.price.units = '0')).toThrow(TypeError);

    expect(await catalog.getProduct('p-01')).toEqual(product('p-01'));
  });
});

describe('checkReady', () => {
  it('fails when the store holds no products', async () => {
    await expect(
      createCatalog({ store: createInMemoryProductStore([]) }).checkReady(),
    ).rejects.toThrow(/empty/);
  });
});

describe('revision', () => {
  const revisionOf = (list: Product[]) =>
    createCatalog({ store: createInMemoryProductStore(list) }).revision();

  it('is the same for the same products, whatever their order, in every replica', async () => {
    expect(await revisionOf([...products].reverse())).toBe(await catalog.revision());
  });

  it('changes when any product changes', async () => {
    const changed = products.map((p, i) =>
      i === 7 ? { ...p, price: { ...p.price, units: '2' } } : p,
    );

    expect(await revisionOf(changed)).not.toBe(await catalog.revision());
    expect(await revisionOf(products.slice(1))).not.toBe(await catalog.revision());
  });
});
