import { pino } from 'pino';
import request from 'supertest';
import { createHealth, createMetrics } from '@sample/server-kit';
import { describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../domain/catalog.ts';
import { createInMemoryProductStore } from '../domain/in-memory-product-store.ts';
import { sampleProducts } from '../test-support/sample-products.ts';
import { createHttpApp } from './http-app.ts';

const log = pino({ level: 'silent' });
const products = sampleProducts;

/** The app, loaded and ready to serve on a port of supertest's choosing. */
async function app(
  catalog: Catalog = createCatalog({ store: createInMemoryProductStore(products) }),
  health = createHealth(),
) {
  const http = createHttpApp({
    catalog,
    health,
    log,
    metrics: createMetrics({ service: 'backend' }),
  });
  await http.ready();
  return http.server;
}

describe('GET /v1/products', () => {
  it('answers a page in the proto3 JSON mapping: camelCase fields, int64 as a string', async () => {
    const response = await request(await app())
      .get('/v1/products?pageSize=1')
      .expect(200)
      .expect('content-type', /json/);

    expect(response.body).toEqual({
      products: [
        {
          id: 'item-0',
          name: 'Mug',
          description: 'Holds tea',
          price: { currencyCode: 'EUR', units: '9007199254740993', nanos: 990000000 },
        },
      ],
      nextPageToken: expect.any(String),
    });
  });

  it('follows nextPageToken to the last page, which has an empty token', async () => {
    const first = await request(await app())
      .get('/v1/products?pageSize=10')
      .expect(200);
    const last = await request(await app())
      .get('/v1/products')
      .query({ pageSize: 10, pageToken: first.body.nextPageToken })
      .expect(200);

    expect(last.body.products).toHaveLength(2);
    expect(last.body.nextPageToken).toBe('');
  });

  it('filters by tag', async () => {
    const response = await request(await app())
      .get('/v1/products?tag=kitchen')
      .expect(200);

    expect(response.body.products.map((p: { id: string }) => p.id)).toEqual(['mug']);
  });

  it.each([
    'pageSize=abc',
    'pageSize=-1',
    'pageSize=101',
    'pageSize=1&pageSize=2',
    'pageToken=%%%',
    'tag=a&tag=b',
    'tag=%00',
  ])('answers 400 INVALID_ARGUMENT for %s', async (query) => {
    const response = await request(await app())
      .get(`/v1/products?${query}`)
      .expect(400);

    expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    expect(response.body.error.message).toEqual(expect.any(String));
  });
});

describe('GET /v1/products/{id}', () => {
  it('answers the product with a strong ETag', async () => {
    const response = await request(await app())
      .get('/v1/products/mug')
      .expect(200);

    expect(response.body).toEqual({
      id: 'mug',
      name: 'Mug',
      description: 'Holds tea',
      tags: ['kitchen'],
      price: { currencyCode: 'EUR', units: '9007199254740993', nanos: 990000000 },
    });
    expect(response.headers['etag']).toMatch(/^"[^"]+"$/);
  });

  it('answers 304 with no body when If-None-Match holds the current ETag', async () => {
    const { headers } = await request(await app())
      .get('/v1/products/mug')
      .expect(200);

    const response = await request(await app())
      .get('/v1/products/mug')
      .set('If-None-Match', headers['etag']!)
      .expect(304);

    expect(response.text).toBe('');
  });

  it('answers 200 again when the ETag does not match', async () => {
    await request(await app())
      .get('/v1/products/mug')
      .set('If-None-Match', '"stale"')
      .expect(200);
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    const response = await request(await app())
      .get('/v1/products/no-such-thing')
      .expect(404);

    expect(response.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'product "no-such-thing" does not exist' },
    });
  });

  it('answers 500 INTERNAL, with no stack trace, when the catalog fails unexpectedly', async () => {
    const broken: Catalog = {
      listProducts: () => Promise.reject(new Error('store exploded at /srv/store.ts:12')),
      getProduct: () => Promise.reject(new Error('store exploded at /srv/store.ts:12')),
      checkReady: () => Promise.reject(new Error('down')),
      revision: () => Promise.resolve('r1'),
    };

    const response = await request(await app(broken))
      .get('/v1/products/mug')
      .expect(500);

    expect(response.body).toEqual({
      error: { code: 'INTERNAL', message: 'An internal error occurred.' },
    });
    expect(response.text).not.toContain('/srv/');
  });
});

describe('operations endpoints', () => {
  it('is ready while its catalog is, and answers 503 on /readyz once shutdown starts', async () => {
    const catalog = createCatalog({ store: createInMemoryProductStore(products) });
    const health = createHealth({ checks: { catalog: () => catalog.checkReady() } });
    const server = await app(catalog, health);

    await request(server).get('/readyz').expect(200);
    health.startShutdown();
    await request(server).get('/readyz').expect(503);
    await request(server).get('/healthz').expect(200);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await request(await app())
      .get('/v2/things')
      .expect(404);

    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const kept = await request(await app())
      .get('/healthz')
      .set('X-Request-Id', 'abc-123')
      .expect(200);
    const replaced = await request(await app())
      .get('/healthz')
      .set('X-Request-Id', 'bad id\twith spaces')
      .expect(200);

    expect(kept.headers['x-request-id']).toBe('abc-123');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
