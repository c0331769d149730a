import type { FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Metrics } from './metrics.ts';

/**
 * Observes every HTTP request's duration, labelled with the matched route template
 * (`/v1/products/:id`), or `unmatched` for paths no route handled, never the raw path.
 */
export const httpMetrics = fastifyPlugin<{ metrics: Metrics }>(
  (app, { metrics }, done) => {
    app.addHook('onResponse', (request, reply, next) => {
      metrics.httpServerDuration.observe(
        { method: request.method, route: routeOf(request), status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      next();
    });
    done();
  },
  { name: '@sample/server-kit/http-metrics' },
);

/** The route template that handled `request`, or `unmatched` (404s). */
export function routeOf(request: FastifyRequest): string {
  return request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
}
