// Floor backend over HTTP: bare express, `GET /v1/products` answers the first page as JSON.
import { createServer } from 'node:http';
import express from 'express';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import { firstPage, loadFloorProducts } from './floor-data.ts';

const products = loadFloorProducts();
const app = express();
app.get('/v1/products', (_req, res) => {
  res.json(firstPage(products));
});
announceReady({ url: await listenOnLoopback(createServer(app)) });
exitOnSigterm();
