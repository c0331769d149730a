import { credentials, Metadata, Server, status, type ServiceError } from '@grpc/grpc-js';
import { trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import {
  CatalogServiceClient,
  CatalogServiceService,
  type CatalogServiceServer,
} from '@sample/catalog-contract';
import type { Server as HttpServer } from 'node:http';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGrpcClientInterceptor, createGrpcServerInterceptor } from './grpc-interceptors.ts';
import { listenGrpc, type GrpcListener } from './grpc-listener.ts';
import { listenHttp, type HttpListener } from './http-listener.ts';
import { createFastifyApp } from './fastify-app.ts';
import { httpTracing } from './http-tracing.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createTracing, startHttpClientSpan, type Tracing } from './tracing.ts';

const exporter = new InMemorySpanExporter();
const silent = pino({ level: 'silent' });
let tracing: Tracing;
let grpcBackend: GrpcListener;
let httpBackend: HttpListener;
let frontend: HttpServer;
const logLines: Record<string, unknown>[] = [];
let spanIdInHandler: string | undefined;

beforeAll(async () => {
  tracing = await createTracing({
    service: 'test',
    env: {},
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const handlers: CatalogServiceServer = {
    getProduct: (call, callback) => {
      spanIdInHandler = trace.getActiveSpan()?.spanContext().spanId;
      if (call.request.id === 'mug')
        callback(null, { id: 'mug', name: 'Mug', description: '', tags: [], price: undefined });
      else callback({ code: status.NOT_FOUND, details: 'no' } as ServiceError, null);
    },
    listProducts: (_call, callback) => callback(null, { products: [], nextPageToken: '' }),
  };
  const server = new Server({
    interceptors: [
      createGrpcServerInterceptor({ log: silent, metrics: createMetrics({ service: 'b' }) }),
    ],
  });
  server.addService(CatalogServiceService, handlers);
  grpcBackend = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
  const backendApp = createFastifyApp({ maxBodyBytes: 0 });
  backendApp.register(httpTracing);
  backendApp.get('/v1/products/:id', (_req, reply) => reply.send({}));
  httpBackend = await listenHttp(backendApp, { host: '127.0.0.1', port: 0 });

  const client = new CatalogServiceClient(grpcBackend.address, credentials.createInsecure(), {
    interceptors: [
      createGrpcClientInterceptor({ log: silent, metrics: createMetrics({ service: 'f' }) }),
    ],
  });
  const log = createLogger(
    { service: 'frontend', env: 'test', level: 'info' },
    new Writable({
      write: (chunk, _e, done) => void (logLines.push(JSON.parse(String(chunk))), done()),
    }),
  );
  const frontendApp = createFastifyApp({ maxBodyBytes: 0 });
  frontendApp.register(httpTracing);
  frontendApp.get<{ Params: { id: string } }>('/products/:id', async (req, reply) => {
    await new Promise((resolve) =>
      client.getProduct({ id: req.params.id }, new Metadata(), resolve),
    );
    const traced = startHttpClientSpan('GET /v1/products/{id}');
    const response = await fetch(`${httpBackend.url}/v1/products/${req.params.id}`, {
      headers: traced.headers,
    });
    traced.end(response.status);
    log.info('page rendered');
    return reply.send('ok');
  });
  await frontendApp.ready();
  frontend = frontendApp.server;
});
afterAll(async () => {
  await Promise.all([grpcBackend?.close(100), httpBackend?.close(100)]);
  await tracing?.shutdown();
});
beforeEach(() => exporter.reset());

const byName = (spans: ReadableSpan[], name: string) => spans.find((span) => span.name === name)!;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('tracing', () => {
  it('makes one page request one trace across the gRPC and the HTTP hop', async () => {
    await request(frontend).get('/products/mug').expect(200);

    const spans = exporter.getFinishedSpans();
    const page = byName(spans, 'GET /products/:id');
    const grpcClient = spans.find(
      (s) => s.name === 'catalog.v1.CatalogService/GetProduct' && s.kind === 2,
    )!;
    const grpcServer = spans.find(
      (s) => s.name === 'catalog.v1.CatalogService/GetProduct' && s.kind === 1,
    )!;
    const httpClient = byName(spans, 'GET /v1/products/{id}');
    const httpServer = byName(spans, 'GET /v1/products/:id');

    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(parentOf(page)).toBeUndefined();
    expect(parentOf(grpcClient)).toBe(page.spanContext().spanId);
    expect(parentOf(grpcServer)).toBe(grpcClient.spanContext().spanId);
    expect(spanIdInHandler).toBe(grpcServer.spanContext().spanId);
    expect(parentOf(httpClient)).toBe(page.spanContext().spanId);
    expect(parentOf(httpServer)).toBe(httpClient.spanContext().spanId);
    expect(page.attributes).toMatchObject({
      'http.route': '/products/:id',
      'http.response.status_code': 200,
    });
  });

  it("continues the caller's trace from an incoming traceparent", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

    await request(frontend)
      .get('/products/mug')
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .expect(200);

    expect(
      exporter.getFinishedSpans().every((span) => span.spanContext().traceId === traceId),
    ).toBe(true);
  });

  it('puts the trace id on log lines written during the request', async () => {
    await request(frontend).get('/products/mug').expect(200);

    const traceId = byName(exporter.getFinishedSpans(), 'GET /products/:id').spanContext().traceId;
    expect(logLines.at(-1)).toMatchObject({ msg: 'page rendered', traceId });
  });

  it('marks failed RPCs as errors', async () => {
    await request(frontend).get('/products/nope').expect(200);

    const grpcServer = exporter
      .getFinishedSpans()
      .find((s) => s.name === 'catalog.v1.CatalogService/GetProduct' && s.kind === 1)!;
    expect(grpcServer.status.code).toBe(2);
    expect(grpcServer.attributes['rpc.grpc.status_code']).toBe(status.NOT_FOUND);
  });
});
