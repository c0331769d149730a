import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastifyApp } from './fastify-app.ts';
import { httpTracing } from './http-tracing.ts';
import { createLogger } from './logger.ts';
import { createTracing, startHttpClientSpan, type Tracing } from './tracing.ts';

// Tracing as production runs it when no exporter is configured: nothing recorded, context passed on.
let tracing: Tracing;
const logLines: Record<string, unknown>[] = [];
let outgoing: Record<string, string> = {};
let app: Server;

beforeAll(async () => {
  tracing = await createTracing({ service: 'test', env: {} });
  const log = createLogger(
    { service: 'test', env: 'test', level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const fastify = createFastifyApp({ maxBodyBytes: 0 });
  fastify.register(httpTracing);
  fastify.get('/page', (_req, reply) => {
    const call = startHttpClientSpan('GET backend');
    outgoing = call.headers;
    call.end(200);
    log.info('page rendered');
    return reply.send('ok');
  });
  await fastify.ready();
  app = fastify.server;
});

afterAll(() => tracing.shutdown());

describe('tracing without an exporter', () => {
  it('is off', () => {
    expect(tracing.enabled).toBe(false);
  });

  it("passes the caller's trace on to outgoing calls and onto log lines", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

    await request(app)
      .get('/page')
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .expect(200);

    expect(outgoing['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(logLines.at(-1)).toMatchObject({ msg: 'page rendered', traceId });
  });

  it('puts no made-up trace id on log lines when the caller sent none', async () => {
    await request(app).get('/page').expect(200);

    expect(logLines.at(-1)).toMatchObject({ msg: 'page rendered' });
    expect(logLines.at(-1)).not.toHaveProperty('traceId');
    expect(outgoing['traceparent']).toBeUndefined();
  });
});
