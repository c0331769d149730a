import { context, propagation } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { endSpan, headerGetter, SpanKind, startSpan } from './tracing.ts';

/**
 * One server span per HTTP request, continuing the caller's trace (W3C `traceparent`), named after
 * the route template (`GET /products/:id`), and active while the request is handled, so outgoing
 * calls and log lines belong to it.
 */
export function createHttpTracing(): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers, headerGetter);
    const { span, context: active } = startSpan(`${req.method}`, SpanKind.SERVER, parent);
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      span.updateName(`${req.method} ${route}`);
      endSpan(span, res.statusCode >= 500, {
        'http.request.method': req.method,
        'http.route': route,
        'http.response.status_code': res.statusCode,
      });
    });
    context.with(active, next);
  };
}
