// Floor: the page over HTTP/JSON done bare on the shop's web framework. Fastify page → undici Pool
// (keep-alive) → the Fastify floor backend; parse the JSON, render the page. No logging, metrics,
// tracing or resilience: what the shop's page costs before it adds anything of its own.
import Fastify from 'fastify';
import { Pool } from 'undici';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import type { FloorPage } from './floor-data.ts';
import { renderFloorPage } from './render-floor-page.ts';

const backend = new Pool(process.env['BACKEND_URL']!, { connections: 128 });
const app = Fastify();
app.get('/', async (_request, reply) => {
  const { statusCode, body } = await backend.request({
    method: 'GET',
    path: '/v1/products?pageSize=12',
  });
  if (statusCode !== 200) throw new Error(`backend answered ${statusCode}`);
  const page = renderFloorPage((await body.json()) as FloorPage, 'HTTP');
  return reply.type('text/html; charset=utf-8').send(page);
});
await app.ready();
announceReady({ url: await listenOnLoopback(app.server) });
exitOnSigterm();
