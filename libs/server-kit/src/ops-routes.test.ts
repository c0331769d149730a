import { pino } from 'pino';
import request from 'supertest';
import { InvalidArgumentError, NotFoundError } from '@sample/errors';
import { describe, expect, it } from 'vitest';
import { createFastifyApp } from './fastify-app.ts';
import { createHealth } from './health.ts';
import { jsonErrorHandler, jsonNotFound } from './json-errors.ts';
import { opsRoutes } from './ops-routes.ts';

const log = pino({ level: 'silent' });

async function appWith(health = createHealth(), route?: () => unknown) {
  const app = createFastifyApp({ maxBodyBytes: 1024 });
  app.register(opsRoutes, { health });
  if (route) app.all('/thing', route);
  app.setNotFoundHandler(jsonNotFound);
  app.setErrorHandler(jsonErrorHandler({ log }));
  await app.ready();
  return app.server;
}

describe('ops endpoints', () => {
  it('answers /healthz and /readyz with 200 while ready, never cached', async () => {
    const server = await appWith();

    const healthz = await request(server).get('/healthz').expect(200, { status: 'ok' });
    await request(server).get('/readyz').expect(200, { status: 'ready', checks: {} });

    expect(healthz.headers['cache-control']).toBe('no-store');
  });

  it('answers /readyz with 503 and the failing check while a dependency is down', async () => {
    const server = await appWith(
      createHealth({ checks: { backend: () => Promise.reject(new Error('down')) } }),
    );

    await request(server)
      .get('/readyz')
      .expect(503, { status: 'not ready', checks: { backend: 'failing' } });
  });

  it('answers /readyz with 503 while shutting down', async () => {
    const health = createHealth();
    const server = await appWith(health);

    health.startShutdown();

    await request(server)
      .get('/readyz')
      .expect(503, { status: 'not ready', checks: { shutdown: 'draining' } });
  });
});

describe('JSON error handling', () => {
  it('maps business errors to their status and JSON body', async () => {
    const server = await appWith(undefined, () => {
      throw new NotFoundError('no such thing');
    });

    await request(server)
      .get('/thing')
      .expect(404, { error: { code: 'NOT_FOUND', message: 'no such thing' } });
  });

  it('answers unknown routes with a JSON 404, without the query string', async () => {
    await request(await appWith())
      .get('/nope?token=abc')
      .expect(404, { error: { code: 'NOT_FOUND', message: 'no route for GET /nope' } });
  });

  it('answers malformed and oversized JSON bodies with 400, not 500', async () => {
    const server = await appWith(undefined, () => ({}));

    await request(server)
      .post('/thing')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    await request(server)
      .post('/thing')
      .set('content-type', 'application/xml')
      .send('<a/>')
      .expect(400);
  });

  it('never sends a stack trace for an unexpected error', async () => {
    const server = await appWith(undefined, () => {
      throw new Error('connection string postgres://admin:secret@db');
    });

    const response = await request(server).get('/thing').expect(500);

    expect(response.body).toEqual({
      error: { code: 'INTERNAL', message: 'An internal error occurred.' },
    });
    expect(response.text).not.toMatch(/secret|at .*\.ts/);
  });

  it('keeps the message of a client error', async () => {
    const server = await appWith(undefined, () => {
      throw new InvalidArgumentError('page_size must be a whole number');
    });

    await request(server)
      .get('/thing')
      .expect(400, {
        error: { code: 'INVALID_ARGUMENT', message: 'page_size must be a whole number' },
      });
  });
});
