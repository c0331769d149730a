import {
  contractProduct,
  startFakeCatalogBackend,
  type FakeCatalogBackend,
} from '@sample/fake-catalog';
import { createHealth, createMetrics } from '@sample/server-kit';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogTransport } from '../catalog-client/catalog-client.ts';
import { createCatalogResilience } from '../catalog-client/catalog-resilience.ts';
import { createCatalogClient } from '../catalog-client/create-catalog-client.ts';
import { withResilience } from '../catalog-client/resilient-catalog-client.ts';
import { createWebApp } from './web-app.ts';

const log = pino({ level: 'silent' });
const halfOpenAfterMs = 500;
let backend: FakeCatalogBackend;
beforeAll(async () => {
  backend = await startFakeCatalogBackend([contractProduct('mug')]);
});
afterAll(() => backend.stop());
beforeEach(async () => {
  // The deadline test leaves its call sleeping in the fake backend after the page has answered;
  // waking in a later test, it would take that test's failure for itself.
  await vi.waitFor(() => expect(backend.behaviour.inFlight).toBe(0), {
    timeout: 5_000,
    interval: 20,
  });
  Object.assign(backend.behaviour, { delayMs: 0, failure: 'none', failTimes: 0, calls: 0 });
});

async function shop(transport: CatalogTransport) {
  const metrics = createMetrics({ service: 'frontend' });
  const client = await createCatalogClient({
    transport,
    grpcAddress: backend.grpcAddress,
    httpUrl: backend.httpUrl,
    deadlineMs: 1_500,
  });
  const catalog = withResilience(client, createCatalogResilience({ metrics, halfOpenAfterMs }));
  const app = createWebApp({
    catalog,
    health: createHealth(),
    log,
    metrics,
    site: { appEnv: 'test', transport },
    publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  });
  await app.ready();
  return {
    app: app.server,
    metrics: () =>
      request(app.server)
        .get('/metrics')
        .then((r) => r.text),
  };
}

describe.each(['grpc', 'http'] as const)(
  'the shop over %s, with a failing backend',
  (transport) => {
    it('retries a read that hit a transient UNAVAILABLE: the page still answers 200', async () => {
      const { app, metrics } = await shop(transport);
      Object.assign(backend.behaviour, { failure: 'unavailable', failTimes: 1 });

      await request(app).get('/products/mug').expect(200);

      expect(backend.behaviour.calls).toBe(2);
      expect(await metrics()).toContain(
        'client_retries_total{backend="catalog",service="frontend"} 1',
      );
    });

    it('retries a read whose connection was dropped', async () => {
      const { app } = await shop(transport);
      Object.assign(backend.behaviour, { failure: 'drop', failTimes: 1 });

      await request(app).get('/products/mug').expect(200);
      expect(backend.behaviour.calls).toBe(2);
    });

    it('does not retry a read that ran past its deadline', async () => {
      const { app } = await shop(transport);
      backend.behaviour.delayMs = 3_000;

      await request(app).get('/products/mug').expect(503);
      expect(backend.behaviour.calls).toBe(1);
    });

    it('opens the breaker after an error burst, serves the 503 page without calling the backend, and recovers by itself', async () => {
      const { app, metrics } = await shop(transport);
      backend.behaviour.failure = 'unavailable';
      for (let page = 0; page < 3; page++) await request(app).get('/products/mug').expect(503);
      expect(await metrics()).toContain(
        'circuit_breaker_state{backend="catalog",service="frontend"} 1',
      );

      backend.behaviour.failure = 'none';
      const callsWhileOpen = backend.behaviour.calls;
      const open = await request(app).get('/products/mug').expect(503);
      expect(open.text).toContain('We cannot reach the product catalog right now');
      expect(backend.behaviour.calls).toBe(callsWhileOpen);

      await new Promise((resolve) => setTimeout(resolve, halfOpenAfterMs + 100));
      await request(app).get('/products/mug').expect(200);
      expect(await metrics()).toContain(
        'circuit_breaker_state{backend="catalog",service="frontend"} 0',
      );
    });
  },
);
