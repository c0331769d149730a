// Floor: the page over gRPC done bare. Express page → one grpc-js channel (generated client) → the
// gRPC floor backend; render the page. No interceptors, logging, metrics, tracing or resilience.
import { credentials, Metadata } from '@grpc/grpc-js';
import { CatalogServiceClient, type ListProductsResponse } from '@sample/catalog-contract';
import express from 'express';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import type { FloorProduct } from './floor-data.ts';
import { renderFloorPage } from './render-floor-page.ts';

// `node:http` from the CommonJS side, as the services do: its ESM facade loads Node's undici.
const { createServer } = process.getBuiltinModule('node:http');

const backend = new CatalogServiceClient(
  process.env['BACKEND_GRPC_ADDRESS']!,
  credentials.createInsecure(),
);
const listProducts = () =>
  new Promise<ListProductsResponse>((resolve, reject) =>
    backend.listProducts(
      { pageSize: 12, pageToken: '', tag: '' },
      new Metadata(),
      { deadline: Date.now() + 1000 },
      (err, page) => (err ? reject(err) : resolve(page)),
    ),
  );
const app = express();
app.get('/', async (_req, res, next) => {
  try {
    const page = await listProducts();
    res.send(renderFloorPage(page as { products: FloorProduct[]; nextPageToken: string }, 'gRPC'));
  } catch (err) {
    next(err);
  }
});
announceReady({ url: await listenOnLoopback(createServer(app)) });
exitOnSigterm();
