// Floor backend over HTTP: bare express, `GET /v1/products` answers the first page as JSON.
import express from 'express';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import { firstPage, loadFloorProducts } from './floor-data.ts';

// `node:http` from the CommonJS side, as the services do: its ESM facade loads Node's undici.
const { createServer } = process.getBuiltinModule('node:http');

const products = loadFloorProducts();
const app = express();
app.get('/v1/products', (_req, res) => {
  res.json(firstPage(products));
});
announceReady({ url: await listenOnLoopback(createServer(app)) });
exitOnSigterm();
