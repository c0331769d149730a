// Floor: the page without a network hop. Express page reading the products in-process (what a
// monolith does); render the page.
import express from 'express';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import { firstPage, loadFloorProducts } from './floor-data.ts';
import { renderFloorPage } from './render-floor-page.ts';

// `node:http` from the CommonJS side, as the services do: its ESM facade loads Node's undici.
const { createServer } = process.getBuiltinModule('node:http');

const products = loadFloorProducts();
const app = express();
app.get('/', (_req, res) => {
  res.send(renderFloorPage(firstPage(products), 'in-process'));
});
announceReady({ url: await listenOnLoopback(createServer(app)) });
exitOnSigterm();
