// Floor backend over HTTP on the shop's web framework: bare Fastify, `GET /v1/products` answers the
// first page as JSON.
import Fastify from 'fastify';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';
import { firstPage, loadFloorProducts } from './floor-data.ts';

const products = loadFloorProducts();
const app = Fastify();
app.get('/v1/products', () => firstPage(products));
await app.ready();
announceReady({ url: await listenOnLoopback(app.server) });
exitOnSigterm();
