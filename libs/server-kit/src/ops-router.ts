import { Router } from 'express';
import type { Health } from './health.ts';
import type { Metrics } from './metrics.ts';

/**
 * The operations endpoints every service serves on its HTTP port: `GET /healthz` (liveness),
 * `GET /readyz` (readiness, 503 when not ready or shutting down) and, given metrics,
 * `GET /metrics` (Prometheus text format).
 */
export function createOpsRouter({
  health,
  metrics,
}: {
  health: Health;
  metrics?: Metrics;
}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const live = health.isLive();
    res.status(live ? 200 : 503).json({ status: live ? 'ok' : 'failing' });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await health.readiness();
    res.set('Cache-Control', 'no-store');
    res
      .status(report.ready ? 200 : 503)
      .json({ status: report.ready ? 'ready' : 'not ready', checks: report.checks });
  });
  if (metrics) {
    router.get('/metrics', async (_req, res) => {
      res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  return router;
}
