import { context, propagation, type Span } from '@opentelemetry/api';
import fastifyPlugin from 'fastify-plugin';
import { routeOf } from './http-metrics.ts';
import { endSpan, headerGetter, SpanKind, startSpan } from './tracing.ts';

const spans = new WeakMap<object, Span>();

/**
 * One server span per HTTP request, continuing the caller's trace (W3C `traceparent`), named after
 * the route template (`GET /products/:id`), and active while the request is handled, so outgoing
 * calls and log lines belong to it. Register it first, so everything after runs inside the span.
 */
export const httpTracing = fastifyPlugin(
  (app, _options, done) => {
    app.addHook('onRequest', (request, _reply, next) => {
      const parent = propagation.extract(context.active(), request.headers, headerGetter);
      const started = startSpan(request.method, SpanKind.SERVER, parent);
      if (!started) return next();
      spans.set(request, started.span);
      context.with(started.context, next);
    });
    app.addHook('onResponse', (request, reply, next) => {
      const span = spans.get(request);
      if (span) {
        const route = routeOf(request);
        span.updateName(`${request.method} ${route}`);
        endSpan(span, reply.statusCode >= 500, {
          'http.request.method': request.method,
          'http.route': route,
          'http.response.status_code': reply.statusCode,
        });
      }
      next();
    });
    app.addHook('onRequestAbort', (request, next) => {
      const span = spans.get(request);
      if (span) endSpan(span, true, { 'http.request.method': request.method });
      next();
    });
    done();
  },
  { name: '@sample/server-kit/http-tracing' },
);
