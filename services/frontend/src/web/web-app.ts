import express, { type Express } from 'express';
import {
  createHttpMetrics,
  createHttpTracing,
  limitRequestBodies,
  createOpsRouter,
  createRequestLogger,
  type Health,
  type Metrics,
} from '@sample/server-kit';
import type { Logger } from 'pino';
import type { CatalogClient } from '../catalog-client/catalog-client.ts';
import { createErrorPageHandler, pageNotFound } from './error-page-handler.ts';
import { createPageRenderer, type SiteInfo } from './page-renderer.ts';
import type { FeatureFlags } from '../feature-flags.ts';
import { createPagesRouter } from './pages-router.ts';
import { securityHeaders } from './security-headers.ts';

export interface WebAppDeps {
  catalog: CatalogClient;
  health: Health;
  log: Logger;
  /** Times every request and serves `/metrics`; optional so tests can leave it out. */
  metrics?: Metrics;
  site: SiteInfo;
  /** Feature flags; optional so tests can leave them out (every flag then has its default). */
  flags?: FeatureFlags;
  /** The folder of the page templates. */
  viewsDir: string;
  /** The folder of the static files (stylesheet). */
  publicDir: string;
}

/** The frontend's HTTP app (unbound): the shop pages, static files and operations endpoints. */
export function createWebApp({
  catalog,
  health,
  log,
  site,
  viewsDir,
  publicDir,
  metrics,
  flags,
}: WebAppDeps): Express {
  const render = createPageRenderer({ viewsDir, site });
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(createHttpTracing());
  // The shop only has pages to GET: no request needs a body.
  app.use(limitRequestBodies({ maxBytes: 16 * 1024 }));
  if (metrics) app.use(createHttpMetrics({ metrics }));
  app.use(createRequestLogger({ log }));
  app.use(createOpsRouter({ health, metrics }));
  app.use('/static', express.static(publicDir, { maxAge: '1h', index: false }));
  app.use(createPagesRouter({ catalog, render, flags }));
  app.use(pageNotFound());
  app.use(createErrorPageHandler({ render, log }));
  return app;
}
