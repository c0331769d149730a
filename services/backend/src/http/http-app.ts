import express, { type Express } from 'express';
import {
  createHttpMetrics,
  createHttpTracing,
  limitRequestBodies,
  createJsonErrorHandler,
  createOpsRouter,
  createRequestLogger,
  jsonNotFound,
  type Health,
  type Metrics,
} from '@sample/server-kit';
import type { Logger } from 'pino';
import type { Catalog } from '../domain/catalog.ts';
import { createProductsRouter } from './products-router.ts';

/** The backend's HTTP app (unbound): the catalog JSON API and the operations endpoints. */
export function createHttpApp({
  catalog,
  health,
  log,
  metrics,
}: {
  catalog: Catalog;
  health: Health;
  log: Logger;
  metrics: Metrics;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.use(createHttpTracing());
  // A read-only API: no request needs a body.
  app.use(limitRequestBodies({ maxBytes: 16 * 1024 }));
  app.use(createHttpMetrics({ metrics }));
  app.use(createRequestLogger({ log }));
  app.use(createOpsRouter({ health, metrics }));
  app.use(createProductsRouter({ catalog }));
  app.use(jsonNotFound());
  app.use(createJsonErrorHandler({ log }));
  return app;
}
