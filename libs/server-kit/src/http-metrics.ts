import type { RequestHandler } from 'express';
import type { Metrics } from './metrics.ts';

/**
 * Observes every HTTP request's duration, labelled with the matched route template
 * (`/v1/products/:id`), or `unmatched` for paths no route handled, never the raw path.
 */
export function createHttpMetrics({ metrics }: { metrics: Metrics }): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpServerDuration.startTimer({ method: req.method });
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      stop({ route, status_code: String(res.statusCode) });
    });
    next();
  };
}
