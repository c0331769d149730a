// Floor: the naive design. Express page → the global `fetch()` per request (no client of our own,
// no pool settings) → the express floor backend; render the page.
import express from 'express';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import type { FloorPage } from './floor-data.ts';
import { renderFloorPage } from './render-floor-page.ts';

// `node:http` from the CommonJS side, as the services do: its ESM facade loads Node's undici.
const { createServer } = process.getBuiltinModule('node:http');

const backendUrl = process.env['BACKEND_URL']!;
const app = express();
app.get('/', async (_req, res, next) => {
  try {
    const response = await fetch(`${backendUrl}/v1/products?pageSize=12`);
    if (!response.ok) throw new Error(`backend answered ${response.status}`);
    res.send(renderFloorPage((await response.json()) as FloorPage, 'HTTP'));
  } catch (err) {
    next(err);
  }
});
announceReady({ url: await listenOnLoopback(createServer(app)) });
exitOnSigterm();
