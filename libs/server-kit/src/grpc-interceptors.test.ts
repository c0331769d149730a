import { credentials, Metadata, Server, status, type ServiceError } from '@grpc/grpc-js';
import {
  CatalogServiceClient,
  CatalogServiceService,
  GetProductRequest,
  type CatalogServiceServer,
} from '@sample/catalog-contract';
import { pino } from 'pino';
import { connect } from 'node:http2';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGrpcCallObserver,
  createGrpcClientInterceptor,
  createGrpcServerInterceptor,
} from './grpc-interceptors.ts';
import { listenGrpc, type GrpcListener } from './grpc-listener.ts';
import { createMetrics } from './metrics.ts';

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

const handlers: CatalogServiceServer = {
  getProduct: (call, callback) =>
    call.request.id === 'mug'
      ? callback(null, {
          id: 'mug',
          name: 'Mug',
          description: 'secret-payload',
          tags: [],
          price: undefined,
        })
      : callback({ code: status.NOT_FOUND, details: 'no such product' } as ServiceError, null),
  listProducts: (_call, callback) => callback(null, { products: [], nextPageToken: '' }),
};

/** The catalog's handlers, with a GetProduct that answers after 300 ms. */
const slowGetProduct: CatalogServiceServer = {
  ...handlers,
  getProduct: (call, callback) => setTimeout(() => handlers.getProduct(call, callback), 300),
};

/** Makes one unary gRPC call over plain HTTP/2 and resolves with its `grpc-status`. */
async function rawGrpcCall(
  address: string,
  path: string,
  message: Uint8Array,
  headers: Record<string, string>,
): Promise<number> {
  const session = connect(`http://${address}`);
  try {
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
      ...headers,
    });
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, 5);
    stream.end(frame);
    stream.resume();
    return await new Promise<number>((resolve, reject) => {
      const settle = (fields: Record<string, unknown>) => {
        if (fields['grpc-status'] !== undefined) resolve(Number(fields['grpc-status']));
      };
      stream.on('response', settle); // a trailers-only answer
      stream.on('trailers', settle);
      stream.on('error', reject);
      stream.on('close', () => reject(new Error('the stream closed without a grpc-status')));
    });
  } finally {
    session.close();
  }
}

let listener: GrpcListener | undefined;
afterEach(async () => {
  await listener?.close(100);
  listener = undefined;
});

describe('the gRPC interceptors', () => {
  it('log every RPC on entry and exit, on both sides, with method, status, duration and the request id, never the payload', async () => {
    const server = capturedLogger();
    const client = capturedLogger();
    const serverMetrics = createMetrics({ service: 'server' });
    const clientMetrics = createMetrics({ service: 'client' });
    const grpcServer = new Server({
      interceptors: [createGrpcServerInterceptor({ log: server.log, metrics: serverMetrics })],
    });
    grpcServer.addService(CatalogServiceService, handlers);
    listener = await listenGrpc(grpcServer, { host: '127.0.0.1', port: 0 });
    const catalog = new CatalogServiceClient(listener.address, credentials.createInsecure(), {
      interceptors: [
        createGrpcClientInterceptor({
          log: client.log,
          metrics: clientMetrics,
          requestId: () => 'req-42',
        }),
      ],
    });
    const call = (id: string) =>
      new Promise<number>((resolve) =>
        catalog.getProduct({ id }, new Metadata(), (error) => resolve(error?.code ?? status.OK)),
      );

    expect(await call('mug')).toBe(status.OK);
    expect(await call('nope')).toBe(status.NOT_FOUND);
    catalog.close();

    const method = '/catalog.v1.CatalogService/GetProduct';
    expect(server.lines.filter((l) => l['msg'] === 'rpc started')).toEqual([
      expect.objectContaining({
        requestId: 'req-42',
        rpc: { method, peer: expect.stringMatching(/^127\.0\.0\.1:\d+$/) },
      }),
      expect.objectContaining({ requestId: 'req-42' }),
    ]);
    expect(server.lines.filter((l) => l['msg'] === 'rpc finished')).toEqual([
      expect.objectContaining({
        code: 'OK',
        requestId: 'req-42',
        rpc: expect.objectContaining({ method }),
      }),
      expect.objectContaining({ code: 'NOT_FOUND', requestId: 'req-42' }),
    ]);
    expect(
      server.lines.every((l) => l['msg'] !== 'rpc finished' || typeof l['durationMs'] === 'number'),
    ).toBe(true);
    expect(
      client.lines
        .filter((l) => l['msg'] === 'rpc call finished')
        .map((l) => [l['code'], l['level']]),
    ).toEqual([
      ['OK', 20],
      ['NOT_FOUND', 40],
    ]);
    expect(JSON.stringify([...server.lines, ...client.lines])).not.toContain('secret-payload');

    const serverText = await serverMetrics.registry.metrics();
    const clientText = await clientMetrics.registry.metrics();
    expect(serverText).toContain(
      `rpc_server_duration_seconds_count{service="server",method="${method}",code="NOT_FOUND"} 1`,
    );
    expect(clientText).toContain(
      `rpc_client_duration_seconds_count{service="client",method="${method}",code="OK"} 1`,
    );
  });

  it('ignores a malformed incoming request id', async () => {
    const server = capturedLogger();
    const grpcServer = new Server({
      interceptors: [
        createGrpcServerInterceptor({ log: server.log, metrics: createMetrics({ service: 's' }) }),
      ],
    });
    grpcServer.addService(CatalogServiceService, handlers);
    listener = await listenGrpc(grpcServer, { host: '127.0.0.1', port: 0 });
    const catalog = new CatalogServiceClient(listener.address, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('x-request-id', 'bad id with spaces');

    await new Promise((resolve) => catalog.getProduct({ id: 'mug' }, metadata, resolve));
    catalog.close();

    expect(server.lines.find((l) => l['msg'] === 'rpc finished')).not.toHaveProperty('requestId');
  });

  it('logs a call that outlived its deadline as DEADLINE_EXCEEDED, once, not with the late answer', async () => {
    const server = capturedLogger();
    const metrics = createMetrics({ service: 's' });
    const grpcServer = new Server({
      interceptors: [createGrpcServerInterceptor({ log: server.log, metrics })],
    });
    grpcServer.addService(CatalogServiceService, slowGetProduct);
    listener = await listenGrpc(grpcServer, { host: '127.0.0.1', port: 0 });

    // A raw HTTP/2 call that states a 50 ms deadline and never cancels: only the server's deadline
    // ends it. (A grpc-js client would also cancel at its own deadline, and whichever reached the
    // server first would decide its status.)
    const code = await rawGrpcCall(
      listener.address,
      '/catalog.v1.CatalogService/GetProduct',
      GetProductRequest.encode({ id: 'mug' }).finish(),
      { 'grpc-timeout': '50m' },
    );
    await new Promise((resolve) => setTimeout(resolve, 400)); // the handler answers, too late

    expect(code).toBe(status.DEADLINE_EXCEEDED);
    const finished = server.lines.filter((l) => l['msg'] === 'rpc finished');
    expect(finished).toEqual([expect.objectContaining({ code: 'DEADLINE_EXCEEDED', level: 30 })]);
    // Timed to when grpc-js gave up on it, not to the handler's answer 300 ms in.
    expect(finished[0]!['durationMs']).toBeGreaterThan(0);
    expect(finished[0]!['durationMs']).toBeLessThan(300);
    expect(await metrics.registry.metrics()).toContain(
      `rpc_server_duration_seconds_count{service="s",method="/catalog.v1.CatalogService/GetProduct",code="DEADLINE_EXCEEDED"} 1`,
    );
  });

  it('logs a call its client cancelled before the deadline as CANCELLED, once', async () => {
    const server = capturedLogger();
    const grpcServer = new Server({
      interceptors: [
        createGrpcServerInterceptor({ log: server.log, metrics: createMetrics({ service: 's' }) }),
      ],
    });
    let handlerStarted = () => {};
    const inHandler = new Promise<void>((resolve) => (handlerStarted = resolve));
    const serving: CatalogServiceServer = {
      ...slowGetProduct,
      getProduct: (call, callback) => {
        handlerStarted();
        slowGetProduct.getProduct(call, callback);
      },
    };
    grpcServer.addService(CatalogServiceService, serving);
    listener = await listenGrpc(grpcServer, { host: '127.0.0.1', port: 0 });
    const catalog = new CatalogServiceClient(listener.address, credentials.createInsecure());

    const code = await new Promise((resolve) => {
      const call = catalog.getProduct(
        { id: 'mug' },
        new Metadata(),
        { deadline: Date.now() + 60_000 },
        (error) => resolve(error?.code),
      );
      // Cancelled once the server is serving it, long before its deadline.
      void inHandler.then(() => call.cancel());
    });
    await new Promise((resolve) => setTimeout(resolve, 400)); // the handler answers, too late
    catalog.close();

    expect(code).toBe(status.CANCELLED);
    const finished = server.lines.filter((l) => l['msg'] === 'rpc finished');
    expect(finished).toEqual([expect.objectContaining({ code: 'CANCELLED', level: 30 })]);
  });
});

describe('createGrpcCallObserver', () => {
  const method = '/catalog.v1.CatalogService/GetProduct';

  it('passes the request id on in the metadata, times the call and keeps a success at debug', async () => {
    const client = capturedLogger();
    const metrics = createMetrics({ service: 'client' });
    const observe = createGrpcCallObserver({ log: client.log, metrics, requestId: () => 'req-7' });
    const metadata = new Metadata();

    observe(method, metadata)(status.OK);

    expect(metadata.get('x-request-id')).toEqual(['req-7']);
    expect(client.lines.map((l) => [l['level'], l['msg'], l['code'], l['requestId']])).toEqual([
      [20, 'rpc call started', undefined, 'req-7'],
      [20, 'rpc call finished', 'OK', 'req-7'],
    ]);
    expect(await metrics.registry.metrics()).toContain(
      `rpc_client_duration_seconds_count{service="client",method="${method}",code="OK"} 1`,
    );
  });

  it('logs a failed call at warn, and adds no request id when none is being served', async () => {
    const client = capturedLogger();
    client.log.level = 'info';
    const metrics = createMetrics({ service: 'client' });
    const observe = createGrpcCallObserver({ log: client.log, metrics });
    const metadata = new Metadata();

    observe(method, metadata)(status.UNAVAILABLE);

    expect(metadata.get('x-request-id')).toEqual([]);
    expect(client.lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'rpc call finished',
        code: 'UNAVAILABLE',
        rpc: { method },
      }),
    ]);
    expect(client.lines[0]).not.toHaveProperty('requestId');
    expect(await metrics.registry.metrics()).toContain(
      `rpc_client_duration_seconds_count{service="client",method="${method}",code="UNAVAILABLE"} 1`,
    );
  });
});
