import { Server, status, type ServiceError } from '@grpc/grpc-js';
import {
  CatalogServiceService,
  ListProductsResponse,
  Product,
  type CatalogServiceServer,
} from '@sample/catalog-contract';
import { addGrpcHealthService, createHealth, listenGrpc, listenHttp } from '@sample/server-kit';
import { setTimeout as sleep } from 'node:timers/promises';

/** `drop` closes the connection without an answer (HTTP), or answers UNAVAILABLE (gRPC). */
export type FakeFailure = 'none' | 'unavailable' | 'internal' | 'invalid-argument' | 'drop';

/** How the fake behaves; tests change these fields while it runs. */
export interface FakeBehaviour {
  products: Product[];
  /** Added before every answer, to simulate a slow backend. */
  delayMs: number;
  failure: FakeFailure;
  ready: boolean;
  /** How many calls (either transport) are being answered right now. */
  inFlight: number;
  /** How many calls arrived so far (either transport). */
  calls: number;
  /** Fails only the next N calls with `failure`, then answers normally again (0: `failure` applies always). */
  failTimes: number;
}

export interface FakeCatalogBackend {
  behaviour: FakeBehaviour;
  grpcAddress: string;
  httpUrl: string;
  stop(): Promise<void>;
}

/**
 * A stand-in for the catalog backend that speaks the same contract (real gRPC and HTTP/JSON servers
 * on port 0) but lets a test choose the data, the latency and the failures: hostile product names,
 * a backend that hangs, errors, or readiness turning false.
 */
export async function startFakeCatalogBackend(products: Product[]): Promise<FakeCatalogBackend> {
  const behaviour: FakeBehaviour = {
    products,
    delayMs: 0,
    failure: 'none',
    ready: true,
    inFlight: 0,
    calls: 0,
    failTimes: 0,
  };
  const answer = async <T>(produce: () => T): Promise<T> => {
    behaviour.inFlight += 1;
    behaviour.calls += 1;
    try {
      await sleep(behaviour.delayMs);
      if (behaviour.failure !== 'none' && behaviour.failTimes >= 0) {
        const failure = behaviour.failure;
        if (behaviour.failTimes > 0 && --behaviour.failTimes === 0) behaviour.failure = 'none';
        throw failure;
      }
      return produce();
    } finally {
      behaviour.inFlight -= 1;
    }
  };
  const page = (pageSize: number, pageToken: string, tag: string): ListProductsResponse => {
    const offset = Number(pageToken || '0');
    const matching = behaviour.products.filter((p) => !tag || p.tags.includes(tag));
    const size = pageSize || 10;
    const end = offset + size;
    return {
      products: matching.slice(offset, end),
      nextPageToken: end < matching.length ? String(end) : '',
    };
  };
  const find = (id: string): Product | undefined => behaviour.products.find((p) => p.id === id);

  const grpcCodes: Record<Exclude<FakeFailure, 'none'>, status> = {
    unavailable: status.UNAVAILABLE,
    drop: status.UNAVAILABLE,
    internal: status.INTERNAL,
    'invalid-argument': status.INVALID_ARGUMENT,
  };
  const grpcError = (failure: unknown): ServiceError =>
    (typeof failure === 'string'
      ? { code: grpcCodes[failure as Exclude<FakeFailure, 'none'>], details: failure }
      : failure) as ServiceError;
  const handlers: CatalogServiceServer = {
    listProducts: (call, callback) =>
      void answer(() => page(call.request.pageSize, call.request.pageToken, call.request.tag)).then(
        (response) => callback(null, response),
        (failure) => callback(grpcError(failure), null),
      ),
    getProduct: (call, callback) =>
      void answer(() => find(call.request.id)).then(
        (product) =>
          product
            ? callback(null, product)
            : callback(
                { code: status.NOT_FOUND, details: 'no such product' } as ServiceError,
                null,
              ),
        (failure) => callback(grpcError(failure), null),
      ),
  };
  const grpcServer = new Server();
  grpcServer.addService(CatalogServiceService, handlers);
  const health = createHealth({
    checks: {
      fake: async () => {
        if (!behaviour.ready) throw new Error('not ready');
      },
    },
  });
  addGrpcHealthService(grpcServer, { health, serviceNames: ['catalog.v1.CatalogService'] });
  const grpc = await listenGrpc(grpcServer, { host: '127.0.0.1', port: 0 });

  const httpStatus: Record<Exclude<FakeFailure, 'none'>, [number, string]> = {
    unavailable: [503, 'UNAVAILABLE'],
    drop: [503, 'UNAVAILABLE'],
    internal: [500, 'INTERNAL'],
    'invalid-argument': [400, 'INVALID_ARGUMENT'],
  };
  const http = await listenHttp(
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      const fail = (failure: unknown) => {
        if (failure === 'drop') return void req.socket.destroy();
        const [code, name] = httpStatus[failure as Exclude<FakeFailure, 'none'>];
        send(code, { error: { code: name, message: String(failure) } });
      };
      if (url.pathname === '/readyz') return send(behaviour.ready ? 200 : 503, {});
      if (url.pathname === '/v1/products') {
        const query = url.searchParams;
        return void answer(() =>
          page(
            Number(query.get('pageSize') ?? 0),
            query.get('pageToken') ?? '',
            query.get('tag') ?? '',
          ),
        ).then((response) => send(200, ListProductsResponse.toJSON(response)), fail);
      }
      const match = /^\/v1\/products\/([^/]+)$/.exec(url.pathname);
      if (match) {
        return void answer(() => find(decodeURIComponent(match[1]!))).then(
          (product) =>
            product
              ? send(200, Product.toJSON(product))
              : send(404, { error: { code: 'NOT_FOUND', message: 'no such product' } }),
          fail,
        );
      }
      send(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
    },
    { host: '127.0.0.1', port: 0 },
  );

  return {
    behaviour,
    grpcAddress: grpc.address,
    httpUrl: http.url,
    async stop() {
      await Promise.all([grpc.close(200), http.close(200)]);
    },
  };
}

/** A product of the contract, with sensible defaults. */
export function contractProduct(id: string, overrides: Partial<Product> = {}): Product {
  return Product.fromPartial({
    id,
    name: `Product ${id}`,
    description: `About ${id}`,
    tags: ['all'],
    price: { currencyCode: 'EUR', units: '12', nanos: 500_000_000 },
    ...overrides,
  });
}
