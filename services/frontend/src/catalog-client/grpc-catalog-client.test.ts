import { Server, status, type ServiceError } from '@grpc/grpc-js';
import { CatalogServiceService, type CatalogServiceServer } from '@sample/catalog-contract';
import { NotFoundError } from '@sample/errors';
import { contractProduct } from '@sample/fake-catalog';
import { createMetrics, listenGrpc, runWithRequestId, type GrpcListener } from '@sample/server-kit';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogClient } from './catalog-client.ts';
import { createGrpcCatalogClient } from './grpc-catalog-client.ts';

const mug = contractProduct('mug');
const receivedRequestIds: unknown[] = [];
const handlers: CatalogServiceServer = {
  getProduct: (call, callback) => {
    receivedRequestIds.push(call.metadata.get('x-request-id')[0]);
    if (call.request.id === mug.id) callback(null, mug);
    else callback({ code: status.NOT_FOUND, details: 'no such product' } as ServiceError, null);
  },
  listProducts: (_call, callback) => callback(null, { products: [mug], nextPageToken: '' }),
};

let listener: GrpcListener | undefined;
let client: CatalogClient | undefined;
afterEach(async () => {
  client?.close();
  await listener?.close(100);
  listener = client = undefined;
  receivedRequestIds.length = 0;
});

async function start() {
  const server = new Server();
  server.addService(CatalogServiceService, handlers);
  listener = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
  const metrics = createMetrics({ service: 'frontend' });
  client = createGrpcCatalogClient({
    address: listener.address,
    deadlineMs: 1_500,
    observability: { log: pino({ level: 'silent' }), metrics },
  });
  return { client, metrics };
}

describe('the gRPC catalog client, observed', () => {
  it('passes the id of the request being served to the backend, and none outside a request', async () => {
    const { client } = await start();

    await runWithRequestId('page-42', () => client.getProduct(mug.id));
    await client.getProduct(mug.id);

    expect(receivedRequestIds).toEqual(['page-42', undefined]);
  });

  it('times every catalog call by method and status code, failed ones included', async () => {
    const { client, metrics } = await start();

    await client.listProducts({ pageSize: 1 });
    await expect(client.getProduct('nope')).rejects.toBeInstanceOf(NotFoundError);
    const text = await metrics.registry.metrics();

    expect(text).toContain(
      'rpc_client_duration_seconds_count{service="frontend",method="/catalog.v1.CatalogService/ListProducts",code="OK"} 1',
    );
    expect(text).toContain(
      'rpc_client_duration_seconds_count{service="frontend",method="/catalog.v1.CatalogService/GetProduct",code="NOT_FOUND"} 1',
    );
  });
});
