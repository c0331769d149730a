import {
  DeadlineExceededError,
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
} from '@sample/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contractProduct,
  startFakeCatalogBackend,
  type FakeCatalogBackend,
} from '@sample/fake-catalog';
import type { CatalogClient } from './catalog-client.ts';
import { createGrpcCatalogClient } from './grpc-catalog-client.ts';
import { createHttpCatalogClient } from './http-catalog-client.ts';

const products = [
  contractProduct('a', {
    tags: ['x'],
    price: { currencyCode: 'JPY', units: '9223372036854775807', nanos: 0 },
  }),
  contractProduct('b', { name: 'Ünïcødé ☕ <b>', tags: [] }),
  contractProduct('c', {
    description: '',
    price: { currencyCode: 'EUR', units: '-3', nanos: -250_000_000 },
  }),
];

let backend: FakeCatalogBackend;
let clients: CatalogClient[];
beforeAll(async () => {
  backend = await startFakeCatalogBackend(products);
  clients = [
    createGrpcCatalogClient({ address: backend.grpcAddress, deadlineMs: 1_500 }),
    createHttpCatalogClient({ baseUrl: backend.httpUrl, deadlineMs: 1_500 }),
  ];
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await backend.stop();
});
beforeEach(() =>
  Object.assign(backend.behaviour, { products, delayMs: 0, failure: 'none', ready: true }),
);

async function both<T>(call: (client: CatalogClient) => Promise<T>): Promise<[T, T]> {
  const [grpc, http] = await Promise.all(clients.map(call));
  return [grpc!, http!];
}

async function bothFail(call: (client: CatalogClient) => Promise<unknown>): Promise<unknown[]> {
  return Promise.all(
    clients.map((client) =>
      call(client).then(
        () => 'no error',
        (error: unknown) => error,
      ),
    ),
  );
}

describe('the gRPC and HTTP catalog clients', () => {
  it('return the same pages, including int64 extremes, negative amounts and unicode', async () => {
    const [grpc, http] = await both((client) => client.listProducts({ pageSize: 2 }));
    const [grpcNext, httpNext] = await both((client) =>
      client.listProducts({ pageSize: 2, pageToken: grpc.nextPageToken }),
    );

    expect(http).toEqual(grpc);
    expect(grpc.products).toEqual(products.slice(0, 2));
    expect(httpNext).toEqual(grpcNext);
    expect(grpcNext).toEqual({ products: [products[2]], nextPageToken: '' });
  });

  it('return the same product and the same tag filter results', async () => {
    const [grpc, http] = await both((client) => client.getProduct('c'));
    const [grpcTagged, httpTagged] = await both((client) => client.listProducts({ tag: 'x' }));

    expect(http).toEqual(grpc);
    expect(grpc).toEqual(products[2]);
    expect(httpTagged).toEqual(grpcTagged);
    expect(grpcTagged.products.map((p) => p.id)).toEqual(['a']);
  });

  it('throw the same business errors', async () => {
    expect(await bothFail((client) => client.getProduct('zzz'))).toEqual([
      expect.any(NotFoundError),
      expect.any(NotFoundError),
    ]);

    backend.behaviour.failure = 'invalid-argument';
    expect(await bothFail((client) => client.listProducts({}))).toEqual([
      expect.any(InvalidArgumentError),
      expect.any(InvalidArgumentError),
    ]);

    backend.behaviour.failure = 'unavailable';
    expect(await bothFail((client) => client.listProducts({}))).toEqual([
      expect.any(UnavailableError),
      expect.any(UnavailableError),
    ]);

    backend.behaviour.failure = 'none';
    backend.behaviour.delayMs = 6_000;
    expect(await bothFail((client) => client.getProduct('a'))).toEqual([
      expect.any(DeadlineExceededError),
      expect.any(DeadlineExceededError),
    ]);
  });

  it('agree on readiness', async () => {
    await Promise.all(clients.map((client) => client.checkReady(AbortSignal.timeout(1_000))));

    backend.behaviour.ready = false;

    expect(await bothFail((client) => client.checkReady(AbortSignal.timeout(1_000)))).toEqual([
      expect.any(UnavailableError),
      expect.any(UnavailableError),
    ]);
  });
});
