// Floor: the page over HTTP/JSON done bare. Express page → undici Pool (keep-alive) → the express
// floor backend; parse the JSON, render the page. No logging, metrics, tracing or resilience.
import express from 'express';
import { Pool } from 'undici';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import type { FloorPage } from './floor-data.ts';
import { renderFloorPage } from './render-floor-page.ts';

// `node:http` from the CommonJS side, as the services do: its ESM facade loads Node's undici.
const { createServer } = process.getBuiltinModule('node:http');

const backend = new Pool(process.env['BACKEND_URL']!, { connections: 128 });
const app = express();
app.get('/', async (_req, res, next) => {
  try {
    const { statusCode, body } = await backend.request({
      method: 'GET',
      path: '/v1/products?pageSize=12',
    });
    if (statusCode !== 200) throw new Error(`backend answered ${statusCode}`);
    res.send(renderFloorPage((await body.json()) as FloorPage, 'HTTP'));
  } catch (err) {
    next(err);
  }
});
announceReady({ url: await listenOnLoopback(createServer(app)) });
exitOnSigterm();
