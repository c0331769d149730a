import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { InvalidArgumentError, NotFoundError } from '@sample/errors';
import { describe, expect, it } from 'vitest';
import { createHealth } from './health.ts';
import { createJsonErrorHandler, jsonNotFound } from './json-error-handler.ts';
import { createOpsRouter } from './ops-router.ts';

const log = pino({ level: 'silent' });

function appWith(health = createHealth(), route?: express.RequestHandler) {
  const app = express();
  app.use(express.json({ limit: '1kb' }));
  app.use(createOpsRouter({ health }));
  if (route) app.all('/thing', route);
  app.use(jsonNotFound());
  app.use(createJsonErrorHandler({ log }));
  return app;
}

describe('ops endpoints', () => {
  it('answers /healthz and /readyz with 200 while ready', async () => {
    const app = appWith();

    await request(app).get('/healthz').expect(200, { status: 'ok' });
    await request(app).get('/readyz').expect(200, { status: 'ready', checks: {} });
  });

  it('answers /readyz with 503 and the failing check while a dependency is down', async () => {
    const app = appWith(
      createHealth({ checks: { backend: () => Promise.reject(new Error('down')) } }),
    );

    await request(app)
      .get('/readyz')
      .expect(503, { status: 'not ready', checks: { backend: 'failing' } });
  });
});

describe('JSON error handling', () => {
  it('maps business errors to their status and JSON body', async () => {
    const app = appWith(undefined, () => {
      throw new NotFoundError('no such thing');
    });

    await request(app)
      .get('/thing')
      .expect(404, { error: { code: 'NOT_FOUND', message: 'no such thing' } });
  });

  it('answers unknown routes with a JSON 404', async () => {
    await request(appWith())
      .get('/nope')
      .expect(404, { error: { code: 'NOT_FOUND', message: 'no route for GET /nope' } });
  });

  it('answers malformed and oversized JSON bodies with 400, not 500', async () => {
    const app = appWith(undefined, (_req, res) => void res.json({}));

    await request(app)
      .post('/thing')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    await request(app)
      .post('/thing')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ a: 'x'.repeat(5000) }))
      .expect(400);
  });

  it('never sends a stack trace for an unexpected error', async () => {
    const app = appWith(undefined, () => {
      throw new Error('connection string postgres://admin:secret@db');
    });

    const response = await request(app).get('/thing').expect(500);

    expect(response.body).toEqual({
      error: { code: 'INTERNAL', message: 'An internal error occurred.' },
    });
    expect(response.text).not.toMatch(/secret|at .*\.ts/);
  });

  it('keeps the message of a client error', async () => {
    const app = appWith(undefined, () => {
      throw new InvalidArgumentError('page_size must be a whole number');
    });

    await request(app)
      .get('/thing')
      .expect(400, {
        error: { code: 'INVALID_ARGUMENT', message: 'page_size must be a whole number' },
      });
  });
});
