import express, { type Express } from 'express';
import {
  createJsonErrorHandler,
  createOpsRouter,
  createRequestLogger,
  jsonNotFound,
  type Health,
} from '@sample/server-kit';
import type { Logger } from 'pino';
import type { Catalog } from '../domain/catalog.ts';
import { createProductsRouter } from './products-router.ts';

/** The backend's HTTP app (unbound): the catalog JSON API and the operations endpoints. */
export function createHttpApp({
  catalog,
  health,
  log,
}: {
  catalog: Catalog;
  health: Health;
  log: Logger;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.use(createRequestLogger({ log }));
  app.use(createOpsRouter({ health }));
  app.use(createProductsRouter({ catalog }));
  app.use(jsonNotFound());
  app.use(createJsonErrorHandler({ log }));
  return app;
}
