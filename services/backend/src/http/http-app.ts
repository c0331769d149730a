import type { FastifyInstance } from 'fastify';
import {
  createFastifyApp,
  httpMetrics,
  httpTracing,
  jsonErrorHandler,
  jsonNotFound,
  opsRoutes,
  requestLogger,
  type Health,
  type Metrics,
} from '@sample/server-kit';
import type { Logger } from 'pino';
import type { Catalog } from '../domain/catalog.ts';
import { productsRoutes } from './products-routes.ts';

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
}): FastifyInstance {
  // A read-only API: no request needs a body.
  const app = createFastifyApp({ maxBodyBytes: 16 * 1024 });
  // Tracing first, so that the span is active for everything that follows.
  app.register(httpTracing);
  app.register(httpMetrics, { metrics });
  app.register(requestLogger, { log });
  app.register(opsRoutes, { health, metrics });
  app.register(productsRoutes, { catalog });
  app.setNotFoundHandler(jsonNotFound);
  app.setErrorHandler(jsonErrorHandler({ log }));
  return app;
}
