import { createHealth } from '@sample/server-kit';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contractProduct,
  startFakeCatalogBackend,
  type FakeCatalogBackend,
} from '@sample/fake-catalog';
import type { CatalogClient, CatalogTransport } from '../catalog-client/catalog-client.ts';
import { createCatalogClient } from '../catalog-client/create-catalog-client.ts';
import { createWebApp } from './web-app.ts';

const log = pino({ level: 'silent' });
const publicDir = fileURLToPath(new URL('../../public', import.meta.url));
const products = Array.from({ length: 15 }, (_, i) =>
  contractProduct(`item-${String(i).padStart(2, '0')}`),
);
// Generous enough for a loaded 2-core CI machine; the slow-backend cases delay well past it.
const deadlineMs = 1_500;

let backend: FakeCatalogBackend;
beforeAll(async () => {
  backend = await startFakeCatalogBackend(products);
});
afterAll(() => backend.stop());
beforeEach(() =>
  Object.assign(backend.behaviour, { products, delayMs: 0, failure: 'none', ready: true }),
);

/** The app, loaded and ready to serve on a port of supertest's choosing. */
async function appFor(
  transport: CatalogTransport,
  overrides: { grpcAddress?: string; httpUrl?: string } = {},
) {
  const catalog: CatalogClient = await createCatalogClient({
    transport,
    grpcAddress: overrides.grpcAddress ?? backend.grpcAddress,
    httpUrl: overrides.httpUrl ?? backend.httpUrl,
    deadlineMs,
  });
  const health = createHealth({ checks: { backend: (signal) => catalog.checkReady(signal) } });
  const site = { appEnv: 'stage', transport: transport === 'grpc' ? 'gRPC' : 'HTTP' };
  const app = createWebApp({ catalog, health, log, site, publicDir });
  await app.ready();
  return app.server;
}

describe.each(['grpc', 'http'] as const)('the shop over %s', (transport) => {
  it('lists products with name and price, and shows the environment and transport', async () => {
    const response = await request(await appFor(transport))
      .get('/')
      .expect(200)
      .expect('content-type', /html/);

    expect(response.text).toContain('Product item-00');
    expect(response.text).toContain('&#x20ac;12.50');
    expect(response.text).toContain('data-testid="app-env">stage<');
    expect(response.text).toContain(`via ${transport === 'grpc' ? 'gRPC' : 'HTTP'}`);
    expect(response.text.match(/data-testid="product"/g)).toHaveLength(12);
  });

  it('links to the next page, which holds the remaining products', async () => {
    const app = await appFor(transport);
    const first = await request(app).get('/').expect(200);
    const next = /rel="next" href="([^"]+)"/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');

    const second = await request(app).get(next!).expect(200);

    expect(second.text.match(/data-testid="product"/g)).toHaveLength(3);
    expect(second.text).toContain('Product item-14');
    expect(second.text).not.toContain('rel="next"');
  });

  it('shows one product on its own page', async () => {
    const response = await request(await appFor(transport))
      .get('/products/item-03')
      .expect(200);

    expect(response.text).toContain('<h1>Product item-03</h1>');
    expect(response.text).toContain('About item-03');
  });

  it('answers 404 with a page for an unknown product', async () => {
    const response = await request(await appFor(transport))
      .get('/products/nope')
      .expect(404);

    expect(response.text).toContain('We could not find what you were looking for');
  });

  it('escapes every piece of backend data in the HTML', async () => {
    backend.behaviour.products = [
      contractProduct('evil', {
        name: '<script>alert("name")</script>',
        description: '<img src=x onerror="alert(1)">',
        tags: ['"><script>alert(3)</script>'],
        price: { currencyCode: '<b>', units: '1', nanos: 0 },
      }),
    ];
    const app = await appFor(transport);

    const list = await request(app).get('/').expect(200);
    const detail = await request(app).get('/products/evil').expect(200);

    for (const html of [list.text, detail.text]) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    }
    expect(detail.text).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('answers 503 with a clear message when the backend fails', async () => {
    backend.behaviour.failure = 'unavailable';

    const response = await request(await appFor(transport))
      .get('/')
      .expect(503);

    expect(response.text).toContain('We cannot reach the product catalog right now');
    expect(response.headers['retry-after']).toBe('5');
  });

  it('answers 503 when the backend fails unexpectedly', async () => {
    backend.behaviour.failure = 'internal';

    await request(await appFor(transport))
      .get('/products/item-01')
      .expect(503);
  });

  it('answers 503 when the backend is slower than the deadline', async () => {
    backend.behaviour.delayMs = deadlineMs * 4;

    const started = Date.now();
    const response = await request(await appFor(transport))
      .get('/products/item-01')
      .expect(503);

    expect(response.text).toContain('We cannot reach the product catalog right now');
    expect(Date.now() - started).toBeLessThan(deadlineMs * 3);
  });

  it('answers 503 when nothing listens at the backend address, and keeps serving', async () => {
    const dead = await appFor(transport, {
      grpcAddress: '127.0.0.1:1',
      httpUrl: 'http://127.0.0.1:1',
    });

    await request(dead).get('/').expect(503);
    await request(dead).get('/products/item-01').expect(503);
    await request(dead).get('/healthz').expect(200);
    await request(dead).get('/readyz').expect(503);
  });

  it('answers 400 with a page for an invalid page token', async () => {
    backend.behaviour.failure = 'invalid-argument';

    const response = await request(await appFor(transport))
      .get('/?page=forged')
      .expect(400);

    expect(response.text).toContain('That link looks wrong');
  });

  it('rejects oversized or repeated query parameters before calling the backend', async () => {
    const app = await appFor(transport);

    await request(app)
      .get(`/?page=${'x'.repeat(600)}`)
      .expect(400);
    await request(app).get('/?tag=a&tag=b').expect(400);
  });

  it('is ready only while the backend is ready', async () => {
    const app = await appFor(transport);

    await request(app).get('/readyz').expect(200);
    backend.behaviour.ready = false;
    await request(app).get('/readyz').expect(503);
  });
});

describe('static files and unknown pages', () => {
  it('serves the stylesheet', async () => {
    await request(await appFor('grpc'))
      .get('/static/styles.css')
      .expect(200)
      .expect('content-type', /css/);
  });

  it('answers unknown paths with the 404 page', async () => {
    const response = await request(await appFor('grpc'))
      .get('/no/such/page')
      .expect(404);

    expect(response.text).toContain('Not found');
  });
});

describe('security headers', () => {
  it('send a strict Content-Security-Policy that allows no script at all', async () => {
    const response = await request(await appFor('grpc'))
      .get('/')
      .expect(200);
    const policy = response.headers['content-security-policy'] as string;

    expect(policy).toContain("script-src 'none'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('still lets the page load its stylesheet (same origin)', async () => {
    const page = await request(await appFor('grpc'))
      .get('/')
      .expect(200);

    expect(page.text).toContain('<link rel="stylesheet" href="/static/styles.css">');
    expect(page.text).not.toMatch(/<script|style="/);
  });
});
