// The frontend's composition root: the only module that reads the environment, touches files and
// binds ports. Everything it wires is created by factories that tests call directly.
import { resolve } from 'node:path';
import { credentials } from '@grpc/grpc-js';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@sample/config';
import {
  applyHeapGrowingFlag,
  createHealth,
  createLogger,
  createMetrics,
  createTracing,
  handleShutdownSignals,
  listenHttp,
  readTlsFiles,
  runMain,
} from '@sample/server-kit';
import { createCatalogResilience } from './catalog-client/catalog-resilience.ts';
import { createCatalogClient } from './catalog-client/create-catalog-client.ts';
import { withResilience } from './catalog-client/resilient-catalog-client.ts';
import { frontendConfigSchema } from './config.ts';
import { createFeatureFlags } from './feature-flags.ts';
import { createWebApp } from './web/web-app.ts';

// src/main.ts here, dist/main.cjs in the image (the build defines import.meta.url for CommonJS).
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

// Not awaited: the bundle is CommonJS (no top-level await); runMain reports a failed start itself.
void runMain(async () => {
  const config = loadConfig(frontendConfigSchema, process.env, {
    configDir: `${packageRoot}config`,
  });
  const log = createLogger({ service: 'frontend', env: config.appEnv, level: config.logLevel });
  const metrics = createMetrics({ service: 'frontend' });
  const tracing = await createTracing({ service: 'frontend', env: process.env });

  const tls = readTlsFiles(config, { prefix: 'CATALOG_GRPC_TLS' });
  const catalog = withResilience(
    await createCatalogClient({
      transport: config.catalogTransport,
      grpcAddress: config.catalogGrpcAddress,
      httpUrl: config.catalogHttpUrl,
      deadlineMs: config.catalogDeadlineMs,
      observability: { log, metrics },
      ...(tls && { grpcCredentials: credentials.createSsl(tls.ca, tls.key, tls.cert) }),
    }),
    createCatalogResilience({ metrics }),
  );
  const health = createHealth({
    checks: { backend: (signal) => catalog.checkReady(signal) },
    onCheckFailed: (name, err) => log.warn({ check: name, err }, 'readiness check failed'),
  });
  const flags = await createFeatureFlags({ file: resolve(packageRoot, config.featureFlagsFile) });
  const app = createWebApp({
    catalog,
    health,
    log,
    metrics,
    flags,
    site: { appEnv: config.appEnv, transport: catalog.transport === 'grpc' ? 'gRPC' : 'HTTP' },
    publicDir: `${packageRoot}public`,
  });

  const http = await listenHttp(app, { host: config.host, port: config.httpPort });
  handleShutdownSignals({
    log,
    health,
    listeners: [http],
    cleanup: async () => {
      catalog.close();
      await flags.close();
      await tracing.shutdown();
    },
    graceMs: config.shutdownGraceMs,
  });
  // After start-up: on node's command line, this V8 flag costs ~40 ms of it (ADR 014).
  applyHeapGrowingFlag();
  log.info(
    { httpUrl: http.url, transport: catalog.transport, startupMs: Math.round(performance.now()) },
    'frontend ready',
  );
  // Log lines are written in batches; the ready line goes out at once (orchestrators wait for it).
  log.flush();
});
