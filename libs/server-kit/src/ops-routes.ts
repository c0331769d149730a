import type { FastifyPluginCallback } from 'fastify';
import type { Health } from './health.ts';
import type { Metrics } from './metrics.ts';

/**
 * The operations endpoints every service serves on its HTTP port: `GET /healthz` (liveness),
 * `GET /readyz` (readiness, 503 when not ready or shutting down) and, given metrics,
 * `GET /metrics` (Prometheus text format).
 *
 * @example
 * app.register(opsRoutes, { health, metrics });
 */
export const opsRoutes: FastifyPluginCallback<{ health: Health; metrics?: Metrics | undefined }> = (
  app,
  { health, metrics },
  done,
) => {
  app.get('/healthz', (_request, reply) => {
    const live = health.isLive();
    return reply
      .header('cache-control', 'no-store')
      .code(live ? 200 : 503)
      .send({ status: live ? 'ok' : 'failing' });
  });
  app.get('/readyz', async (_request, reply) => {
    const report = await health.readiness();
    return reply
      .header('cache-control', 'no-store')
      .code(report.ready ? 200 : 503)
      .send({ status: report.ready ? 'ready' : 'not ready', checks: report.checks });
  });
  if (metrics) {
    app.get('/metrics', async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
    );
  }
  done();
};
