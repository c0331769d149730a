import { Server, status, type ServiceError } from '@grpc/grpc-js';
import { createProtoCatalogClient, type ProtoCatalogClient } from '@sample/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { CatalogServiceService, type CatalogServiceServer } from '@sample/catalog-contract';
import { afterEach, describe, expect, it } from 'vitest';
import { addGrpcHealthService } from './grpc-health.ts';
import { listenGrpc, type GrpcListener } from './grpc-listener.ts';
import { createHealth } from './health.ts';

let listener: GrpcListener | undefined;
let client: ProtoCatalogClient | undefined;
afterEach(async () => {
  client?.close();
  await listener?.close(100);
  listener = client = undefined;
});

/** A catalog server whose ListProducts answers after `delayMs`; `received` resolves once a call arrived. */
function catalogServer(delayMs: number): Server & { received: Promise<void> } {
  let arrived: () => void;
  const received = new Promise<void>((resolve) => (arrived = resolve));
  const server = new Server();
  const handlers: CatalogServiceServer = {
    listProducts: (_call, callback) => {
      arrived();
      void sleep(delayMs).then(() => callback(null, { products: [], nextPageToken: '' }));
    },
    getProduct: (call, callback) =>
      callback({ code: status.NOT_FOUND, details: call.request.id } as ServiceError, null),
  };
  server.addService(CatalogServiceService, handlers);
  return Object.assign(server, { received });
}

describe('listenGrpc', () => {
  it('lets in-flight calls finish after close and then refuses new calls', async () => {
    const server = catalogServer(300);
    listener = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
    client = createProtoCatalogClient(listener.address);
    const inFlight = client.call('ListProducts', {});
    await server.received;

    const closing = listener.close(5_000);

    expect(await inFlight).toEqual({ products: [], nextPageToken: '' });
    expect(await closing).toBe(true);
    const late = createProtoCatalogClient(listener.address);
    await expect(late.call('ListProducts', {}, 1_000)).rejects.toMatchObject({
      code: status.UNAVAILABLE,
    });
    late.close();
    listener = undefined;
  });

  it('cancels calls that outlive the grace period and reports that it could not drain', async () => {
    const server = catalogServer(10_000);
    listener = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
    client = createProtoCatalogClient(listener.address);
    const inFlight = client.call('ListProducts', {}, 20_000).catch((error: ServiceError) => error);
    await server.received;

    expect(await listener.close(100)).toBe(false);
    expect(await inFlight).toMatchObject({ code: expect.any(Number) });
    listener = undefined;
  });
});

describe('addGrpcHealthService', () => {
  it('reports SERVING from real readiness and NOT_SERVING once shutdown starts', async () => {
    const health = createHealth({ checks: { store: async () => {} } });
    const server = catalogServer(0);
    addGrpcHealthService(server, { health, serviceNames: ['catalog.v1.CatalogService'] });
    listener = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
    client = createProtoCatalogClient(listener.address);

    expect(await client.health('catalog.v1.CatalogService')).toEqual({ status: 'SERVING' });
    expect(await client.health('')).toEqual({ status: 'SERVING' });
    health.startShutdown();
    expect(await client.health('catalog.v1.CatalogService')).toEqual({ status: 'NOT_SERVING' });
  });

  it('reports NOT_SERVING while a readiness check fails', async () => {
    const health = createHealth({
      checks: { store: async () => Promise.reject(new Error('empty')) },
    });
    const server = catalogServer(0);
    addGrpcHealthService(server, { health, serviceNames: ['catalog.v1.CatalogService'] });
    listener = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
    client = createProtoCatalogClient(listener.address);

    expect(await client.health('catalog.v1.CatalogService')).toEqual({ status: 'NOT_SERVING' });
  });

  it('answers NOT_FOUND for a service it does not serve', async () => {
    const server = catalogServer(0);
    addGrpcHealthService(server, {
      health: createHealth(),
      serviceNames: ['catalog.v1.CatalogService'],
    });
    listener = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
    client = createProtoCatalogClient(listener.address);

    await expect(client.health('payments.v1.PaymentService')).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});
