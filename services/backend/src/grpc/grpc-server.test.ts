import { status } from '@grpc/grpc-js';
import { createHealth, createMetrics, listenGrpc, type GrpcListener } from '@sample/server-kit';
import { createProtoCatalogClient, type ProtoCatalogClient } from '@sample/testing';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../domain/catalog.ts';
import { createInMemoryProductStore } from '../domain/in-memory-product-store.ts';
import type { Product } from '../domain/product.ts';
import { sampleProducts } from '../test-support/sample-products.ts';
import type { ProductStore } from '../domain/product-store.ts';
import { createGrpcServer } from './grpc-server.ts';

const log = pino({ level: 'silent' });
const products = sampleProducts;

let listener: GrpcListener | undefined;
let client: ProtoCatalogClient | undefined;
afterEach(async () => {
  client?.close();
  await listener?.close(100);
  listener = client = undefined;
});

async function start(
  store: ProductStore = createInMemoryProductStore(products),
  health = createHealth(),
) {
  const catalog = createCatalog({ store });
  listener = await listenGrpc(
    createGrpcServer({ catalog, health, log, metrics: createMetrics({ service: 'backend' }) }),
    {
      host: '127.0.0.1',
      port: 0,
    },
  );
  client = createProtoCatalogClient(listener.address);
  return client;
}

describe('catalog.v1.CatalogService over gRPC', () => {
  it('GetProduct answers OK with the product, int64 intact', async () => {
    const grpc = await start();

    expect(await grpc.call('GetProduct', { id: 'mug' })).toEqual({
      id: 'mug',
      name: 'Mug',
      description: 'Holds tea',
      tags: ['kitchen'],
      price: { currencyCode: 'EUR', units: '9007199254740993', nanos: 990000000 },
    });
  });

  it('ListProducts pages through every product with next_page_token', async () => {
    const grpc = await start();
    const first = await grpc.call('ListProducts', { pageSize: 10 });
    const last = await grpc.call('ListProducts', { pageSize: 10, pageToken: first.nextPageToken });

    expect(first.products).toHaveLength(10);
    expect(last.products).toHaveLength(2);
    expect(last.nextPageToken).toBe('');
  });

  it('ListProducts filters by tag', async () => {
    const grpc = await start();

    const page = await grpc.call('ListProducts', { tag: 'kitchen' });

    expect(page.products.map((p: Product) => p.id)).toEqual(['mug']);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const grpc = await start();

    await expect(grpc.call('GetProduct', { id: 'nope' })).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: 'product "nope" does not exist',
    });
  });

  it.each([
    ['GetProduct', { id: '' }],
    ['ListProducts', { pageSize: -5 }],
    ['ListProducts', { pageSize: 1000 }],
    ['ListProducts', { pageToken: 'garbage' }],
  ] as const)('%s answers INVALID_ARGUMENT for %j', async (method, request) => {
    const grpc = await start();

    await expect(grpc.call(method, request)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
  });

  it('answers DEADLINE_EXCEEDED when the call outlives the deadline the client set', async () => {
    const inner = createInMemoryProductStore(products);
    const slowStore: ProductStore = {
      ...inner,
      get: (id) => new Promise((r) => setTimeout(() => r(inner.get(id)), 500)),
    };
    const grpc = await start(slowStore);

    await expect(grpc.call('GetProduct', { id: 'mug' }, 100)).rejects.toMatchObject({
      code: status.DEADLINE_EXCEEDED,
    });
  });

  it('answers INTERNAL with a generic message, never the error itself, when the store fails', async () => {
    const broken: ProductStore = {
      ...createInMemoryProductStore(products),
      get: () => Promise.reject(new Error('password=hunter2')),
    };
    const grpc = await start(broken);

    const error = await grpc.call('GetProduct', { id: 'mug' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: status.INTERNAL, details: 'An internal error occurred.' });
  });

  it('serves grpc.health.v1.Health: SERVING while ready, NOT_SERVING when shutting down', async () => {
    const health = createHealth();
    const grpc = await start(undefined, health);

    expect(await grpc.health('catalog.v1.CatalogService')).toEqual({ status: 'SERVING' });
    health.startShutdown();
    expect(await grpc.health('catalog.v1.CatalogService')).toEqual({ status: 'NOT_SERVING' });
  });
});
