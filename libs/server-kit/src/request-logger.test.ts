import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createFastifyApp } from './fastify-app.ts';
import { createLogger } from './logger.ts';
import { currentRequestId } from './request-context.ts';
import { requestLogger } from './request-logger.ts';

async function loggedApp() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(
    { service: 'test', env: 'test', level: 'info' },
    new Writable({
      write: (chunk, _encoding, done) => void (lines.push(JSON.parse(String(chunk))), done()),
    }),
  );
  let ids = 0;
  const app = createFastifyApp({ maxBodyBytes: 0, newId: () => `id-${++ids}` });
  app.register(requestLogger, { log });
  app.get('/healthz', (_req, reply) => reply.send('ok'));
  app.get('/items/:id', async (_req, reply) => {
    await sleep(1);
    log.info('inside the request');
    return reply.send({ requestId: currentRequestId() });
  });
  app.get('/slow', async (_req, reply) => {
    await sleep(2_000);
    return reply.send('late');
  });
  await app.ready();
  return { server: app.server, lines };
}

describe('requestLogger', () => {
  it('writes one access line per request with id, method, path without query, status and duration', async () => {
    const { server, lines } = await loggedApp();

    const response = await request(server).get('/items/1?token=abc').expect(200);

    expect(response.headers['x-request-id']).toBe('id-1');
    await vi.waitFor(() => expect(lines.map((line) => line['msg'])).toContain('request completed'));
    expect(lines.find((line) => line['msg'] === 'request completed')).toMatchObject({
      level: 30,
      requestId: 'id-1',
      req: { method: 'GET', path: '/items/1' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(JSON.stringify(lines)).not.toContain('abc');
  });

  it('keeps the request id in scope for everything the request does', async () => {
    const { server, lines } = await loggedApp();

    const response = await request(server).get('/items/2').set('x-request-id', 'abc-123');

    expect(response.body).toEqual({ requestId: 'abc-123' });
    expect(lines.find((line) => line['msg'] === 'inside the request')).toMatchObject({
      requestId: 'abc-123',
    });
  });

  it('replaces a malformed incoming request id with a new one', async () => {
    const { server } = await loggedApp();

    const response = await request(server).get('/items/3').set('x-request-id', 'bad id\u00e9');

    expect(response.body).toEqual({ requestId: 'id-1' });
  });

  it('does not log health probes', async () => {
    const { server, lines } = await loggedApp();

    await request(server).get('/healthz').expect(200);
    await request(server).get('/items/4').expect(200);

    await vi.waitFor(() => expect(lines.length).toBeGreaterThan(1));
    expect(lines.some((line) => (line['req'] as { path?: string })?.path === '/healthz')).toBe(
      false,
    );
  });

  it('logs a request the client gave up on as aborted, at warn', async () => {
    const { server, lines } = await loggedApp();

    await request(server)
      .get('/slow')
      .timeout(100)
      .catch(() => undefined);

    await vi.waitFor(() =>
      expect(lines.find((line) => line['msg'] === 'request aborted')).toMatchObject({
        level: 40,
        req: { method: 'GET', path: '/slow' },
      }),
    );
  });
});
