import express, { type Express } from 'express';
import { createOpsRouter, createRequestLogger, type Health } from '@sample/server-kit';
import type { Logger } from 'pino';
import type { CatalogClient } from '../catalog-client/catalog-client.ts';
import { createErrorPageHandler, pageNotFound } from './error-page-handler.ts';
import { createPageRenderer, type SiteInfo } from './page-renderer.ts';
import { createPagesRouter } from './pages-router.ts';

export interface WebAppDeps {
  catalog: CatalogClient;
  health: Health;
  log: Logger;
  site: SiteInfo;
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
}: WebAppDeps): Express {
  const render = createPageRenderer({ viewsDir, site });
  const app = express();
  app.disable('x-powered-by');
  app.use(createRequestLogger({ log }));
  app.use(createOpsRouter({ health }));
  app.use('/static', express.static(publicDir, { maxAge: '1h', index: false }));
  app.use(createPagesRouter({ catalog, render }));
  app.use(pageNotFound());
  app.use(createErrorPageHandler({ render, log }));
  return app;
}
