// The reference floors are only a fair yardstick if they do the shop's work: the same page (the
// same products, in the same order, at the same prices) from the same data. These tests start the
// floors as the bench does and the real shop from its sources, and compare what they serve.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess, workspaceRoot, type ServiceProcess } from '@sample/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchProcess, type BenchProcess } from '../src/bench-process.ts';

interface Card {
  href: string;
  name: string;
  price: string;
}

interface Page {
  cards: Card[];
  transportBadge: string | undefined;
  nextPageHref: string | undefined;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#34;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': '\u00a0',
};
const decode = (html: string) =>
  html.replace(/&(?:amp|lt|gt|quot|nbsp|#34|#39|#x27|#x[0-9a-f]+);/gi, (e) =>
    e.startsWith('&#x') && e !== '&#x27;'
      ? String.fromCodePoint(parseInt(e.slice(3, -1), 16))
      : entities[e]!,
  );

/** The product cards of a product-list page, as a shopper sees them. */
function parsePage(html: string): Page {
  const cards = html
    .split('data-testid="product"')
    .slice(1)
    .map((card) => {
      const link = /class="product-name" href="([^"]*)"[^>]*>([^<]*)<\/a>/.exec(card);
      const price = /data-testid="price">([^<]*)</.exec(card);
      return {
        href: decode(link?.[1] ?? ''),
        name: decode(link?.[2] ?? ''),
        price: decode(price?.[1] ?? ''),
      };
    });
  return {
    cards,
    transportBadge: />via ([^<]+)</.exec(html)?.[1],
    nextPageHref: decode(/rel="next" href="([^"]*)"/.exec(html)?.[1] ?? '') || undefined,
  };
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

const logsDir = mkdtempSync(join(tmpdir(), 'bench-floors-'));

interface Stoppable {
  stop(): Promise<unknown>;
}
const started: Stoppable[] = [];

/**
 * Starts all of `starts` and keeps every process that started, even when another failed, so that
 * afterAll stops them all.
 */
async function startAll<T extends readonly Promise<Stoppable>[]>(
  ...starts: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(starts);
  for (const s of settled) if (s.status === 'fulfilled') started.push(s.value);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<Stoppable>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}

let logCount = 0;

/** Starts a floor as the bench does (`--conditions=@sample/source`, NODE_ENV=production). */
function startFloor(script: string, env: Record<string, string> = {}): Promise<BenchProcess> {
  return startBenchProcess({
    name: script,
    args: [
      '--conditions=@sample/source',
      join(workspaceRoot, 'tools/bench/src/floors', `${script}.ts`),
    ],
    env: { ...env, NODE_ENV: 'production' },
    readyMessage: /^floor ready$/,
    logFile: join(logsDir, `${script}.${++logCount}.log`),
  });
}

// The bench runs the shop with production settings (so no spring discount); logs at info for the
// ready line.
const shopEnv = { APP_ENV: 'production', LOG_LEVEL: 'info', HTTP_PORT: '0' };

function startShopBackend(): Promise<ServiceProcess> {
  return startServiceProcess({
    entry: join(workspaceRoot, 'services/backend/src/main.ts'),
    env: { ...shopEnv, GRPC_PORT: '0' },
    readyMessage: 'backend ready',
    timeoutMs: 30_000,
  });
}

function startShopFrontend(
  backend: ServiceProcess,
  transport: 'grpc' | 'http',
): Promise<ServiceProcess> {
  return startServiceProcess({
    entry: join(workspaceRoot, 'services/frontend/src/main.ts'),
    env: {
      ...shopEnv,
      CATALOG_TRANSPORT: transport,
      CATALOG_GRPC_ADDRESS: String(backend.ready['grpcAddress']),
      CATALOG_HTTP_URL: String(backend.ready['httpUrl']),
    },
    readyMessage: 'frontend ready',
    timeoutMs: 30_000,
  });
}

const url = (process: BenchProcess | ServiceProcess) =>
  String(process.ready['url'] ?? process.ready['httpUrl']);

type PageFloor =
  'page-undici' | 'fastify-page-undici' | 'page-grpc' | 'page-fetch' | 'page-in-process';
let shopBackend: ServiceProcess;
let shop: Record<'grpc' | 'http', ServiceProcess>;
let expressBackend: BenchProcess;
let fastifyBackend: BenchProcess;
let nodeHttp: BenchProcess;
let pageFloors: Record<PageFloor, BenchProcess>;

beforeAll(async () => {
  // Backends first (the shop's and the floors'), then the pages that call them.
  const [[backend], [express, fastify, grpcBackend, inProcess, bareHttp]] = await Promise.all([
    startAll(startShopBackend()),
    startAll(
      startFloor('express-backend'),
      startFloor('fastify-backend'),
      startFloor('grpc-backend'),
      startFloor('page-in-process'),
      startFloor('node-http'),
    ),
  ]);
  shopBackend = backend;
  expressBackend = express;
  fastifyBackend = fastify;
  nodeHttp = bareHttp;
  const floorBackendUrl = String(express.ready['url']);
  const [[shopGrpc, shopHttp], [undici, fastifyUndici, grpc, naiveFetch]] = await Promise.all([
    startAll(startShopFrontend(backend, 'grpc'), startShopFrontend(backend, 'http')),
    startAll(
      startFloor('page-undici', { BACKEND_URL: floorBackendUrl }),
      startFloor('fastify-page-undici', { BACKEND_URL: String(fastify.ready['url']) }),
      startFloor('page-grpc', { BACKEND_GRPC_ADDRESS: String(grpcBackend.ready['grpcAddress']) }),
      startFloor('page-fetch', { BACKEND_URL: floorBackendUrl }),
    ),
  ]);
  shop = { grpc: shopGrpc, http: shopHttp };
  pageFloors = {
    'page-undici': undici,
    'fastify-page-undici': fastifyUndici,
    'page-grpc': grpc,
    'page-fetch': naiveFetch,
    'page-in-process': inProcess,
  };
}, 90_000);

afterAll(async () => {
  try {
    await Promise.allSettled(started.map((process) => process.stop()));
  } finally {
    rmSync(logsDir, { recursive: true, force: true });
  }
});

describe.each([
  { floor: 'page-undici', shopTransport: 'http' },
  { floor: 'fastify-page-undici', shopTransport: 'http' },
  { floor: 'page-grpc', shopTransport: 'grpc' },
  { floor: 'page-fetch', shopTransport: 'http' },
  { floor: 'page-in-process', shopTransport: 'http' },
] as const)('the $floor floor page', ({ floor, shopTransport }) => {
  let floorPage: { status: number; body: string };
  let shopPage: { status: number; body: string };
  beforeAll(async () => {
    [floorPage, shopPage] = await Promise.all([
      get(`${url(pageFloors[floor])}/`),
      get(`${url(shop[shopTransport])}/`),
    ]);
    expect(shopPage.status, 'the shop serves its home page').toBe(200);
  });

  it('answers GET / with 200', () => {
    expect(floorPage.status).toBe(200);
  });

  it('lists the same products as the shop, in the same order', () => {
    const names = (html: string) => parsePage(html).cards.map((card) => card.name);
    expect(names(shopPage.body)).toHaveLength(12);
    expect(names(floorPage.body)).toEqual(names(shopPage.body));
  });

  it('shows the same prices as the shop', () => {
    const prices = (html: string) => parsePage(html).cards.map((card) => card.price);
    expect(prices(shopPage.body).every((price) => /\d/.test(price))).toBe(true);
    expect(prices(floorPage.body)).toEqual(prices(shopPage.body));
  });

  it('links the same product pages as the shop', () => {
    const hrefs = (html: string) => parsePage(html).cards.map((card) => card.href);
    expect(hrefs(floorPage.body)).toEqual(hrefs(shopPage.body));
  });

  // The backend's page token is opaque (its own encoding); the floor's need not be the same bytes,
  // only be there when the shop's is.
  it('offers a next page when the shop does', () => {
    const next = (html: string) => parsePage(html).nextPageHref;
    expect(next(floorPage.body) === undefined).toBe(next(shopPage.body) === undefined);
  });

  it('names its transport as the shop does (the in-process page has none to name)', () => {
    const expected =
      floor === 'page-in-process' ? 'in-process' : parsePage(shopPage.body).transportBadge;
    expect(parsePage(floorPage.body).transportBadge).toBe(expected);
  });
});

describe.each([
  { name: 'express-backend', floor: () => expressBackend },
  { name: 'fastify-backend', floor: () => fastifyBackend },
])('the $name floor', ({ floor }) => {
  interface ProductsJson {
    products: { id: string }[];
    nextPageToken: string;
  }
  async function getProducts(base: string): Promise<{ status: number; body: ProductsJson }> {
    const response = await fetch(`${base}/v1/products?pageSize=12`);
    return { status: response.status, body: (await response.json()) as ProductsJson };
  }

  it('answers GET /v1/products with the first 12 products, as the shop backend does', async () => {
    const bare = await getProducts(url(floor()));
    const real = await getProducts(url(shopBackend));

    expect(bare.status).toBe(200);
    expect(bare.body.products).toHaveLength(12);
    expect(bare.body.products.map((p) => p.id)).toEqual(real.body.products.map((p) => p.id));
    expect(Boolean(bare.body.nextPageToken)).toBe(Boolean(real.body.nextPageToken));
  });
});

describe('the node-http floor', () => {
  it("answers 200 'ok'", async () => {
    const response = await get(`${url(nodeHttp)}/`);
    expect(response).toEqual({ status: 200, body: 'ok' });
  });
});
