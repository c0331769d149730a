import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import {
  createFastifyApp,
  httpMetrics,
  httpTracing,
  opsRoutes,
  requestLogger,
  type Health,
  type Metrics,
} from '@sample/server-kit';
import type { Logger } from 'pino';
import type { CatalogClient } from '../catalog-client/catalog-client.ts';
import type { FeatureFlags } from '../feature-flags.ts';
import { createErrorPages } from './error-pages.ts';
import { pagesRoutes } from './pages-routes.ts';
import { securityHeaders } from './security-headers.ts';
import type { SiteInfo } from './views/layout.ts';

export interface WebAppDeps {
  catalog: CatalogClient;
  health: Health;
  log: Logger;
  /** Times every request and serves `/metrics`; optional so tests can leave it out. */
  metrics?: Metrics;
  site: SiteInfo;
  /** Feature flags; optional so tests can leave them out (every flag then has its default). */
  flags?: FeatureFlags;
  /** The folder of the static files (stylesheet). */
  publicDir: string;
}

/** The frontend's HTTP app (unbound): the shop pages, static files and operations endpoints. */
export function createWebApp({
  catalog,
  health,
  log,
  site,
  publicDir,
  metrics,
  flags,
}: WebAppDeps): FastifyInstance {
  // The shop only has pages to GET: no request needs a body.
  const app = createFastifyApp({ maxBodyBytes: 16 * 1024 });
  // Tracing first, so that the span is active for everything that follows.
  app.register(httpTracing);
  if (metrics) app.register(httpMetrics, { metrics });
  app.register(requestLogger, { log });
  app.register(securityHeaders);
  app.register(opsRoutes, { health, metrics });
  app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/static/',
    maxAge: '1h',
    index: false,
    decorateReply: false,
  });
  app.register(pagesRoutes, { catalog, site, flags });
  const errorPages = createErrorPages({ site, log });
  app.setNotFoundHandler(errorPages.onNotFound);
  app.setErrorHandler(errorPages.onError);
  return app;
}
