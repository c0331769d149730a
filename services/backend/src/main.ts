// The backend's composition root: the only module that reads the environment, touches files and
// binds ports. Everything it wires is created by factories that tests call directly.
import { readFileSync } from 'node:fs';
import { ServerCredentials } from '@grpc/grpc-js';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@sample/config';
import {
  applyHeapGrowingFlag,
  createHealth,
  createLogger,
  createMetrics,
  createTracing,
  handleShutdownSignals,
  listenGrpc,
  listenHttp,
  readTlsFiles,
  runMain,
} from '@sample/server-kit';
import { backendConfigSchema } from './config.ts';
import { createCatalog } from './domain/catalog.ts';
import { createInMemoryProductStore } from './domain/in-memory-product-store.ts';
import { parseSeedProducts } from './domain/seed-products.ts';
import { createGrpcServer } from './grpc/grpc-server.ts';
import { createHttpApp } from './http/http-app.ts';

// src/main.ts here, dist/main.cjs in the image (the build defines import.meta.url for CommonJS).
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

// Not awaited: the bundle is CommonJS (no top-level await); runMain reports a failed start itself.
void runMain(async () => {
  const config = loadConfig(backendConfigSchema, process.env, {
    configDir: `${packageRoot}config`,
  });
  const log = createLogger({ service: 'backend', env: config.appEnv, level: config.logLevel });
  const metrics = createMetrics({ service: 'backend' });
  const tracing = await createTracing({ service: 'backend', env: process.env });

  const products = parseSeedProducts(readFileSync(`${packageRoot}data/products.json`, 'utf8'));
  const catalog = createCatalog({ store: createInMemoryProductStore(products) });
  const health = createHealth({
    checks: { catalog: () => catalog.checkReady() },
    onCheckFailed: (name, err) => log.warn({ check: name, err }, 'readiness check failed'),
  });

  const http = await listenHttp(createHttpApp({ catalog, health, log, metrics }), {
    host: config.host,
    port: config.httpPort,
  });
  const tls = readTlsFiles(config, { prefix: 'GRPC_TLS' });
  const grpc = await listenGrpc(createGrpcServer({ catalog, health, log, metrics }), {
    host: config.host,
    port: config.grpcPort,
    // With TLS files, only clients presenting a certificate signed by the CA may call (mutual TLS).
    ...(tls && {
      credentials: ServerCredentials.createSsl(
        tls.ca,
        [{ cert_chain: tls.cert, private_key: tls.key }],
        true,
      ),
    }),
  });
  handleShutdownSignals({
    log,
    health,
    listeners: [http, grpc],
    cleanup: () => tracing.shutdown(),
    graceMs: config.shutdownGraceMs,
  });
  // After start-up: on node's command line, this V8 flag costs ~40 ms of it (ADR 014).
  applyHeapGrowingFlag();
  log.info(
    {
      httpUrl: http.url,
      grpcAddress: grpc.address,
      tls: Boolean(tls),
      products: products.length,
      startupMs: Math.round(performance.now()),
    },
    'backend ready',
  );
  // Log lines are written in batches; the ready line goes out at once (orchestrators wait for it).
  log.flush();
});
