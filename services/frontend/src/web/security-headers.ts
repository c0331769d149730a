import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyPlugin from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers on every response, as helmet makes them. The Content-Security-Policy is strict
 * because the pages need nothing else: no scripts at all, styles and images only from this origin,
 * no frames, no plugins, forms only to this origin.
 * NOTE: escaping every value in the views is the first defence against injected HTML; this CSP is
 * the second: even markup that slipped through could not run a script.
 * NOTE: the headers are the same for every response, so helmet runs once, at start-up, and each
 * reply gets the finished set. Running helmet per request (as `@fastify/helmet` does, rebuilding it
 * each time) cost a twelfth of a page's CPU: Node validates every header set on a raw response
 * (docs/performance.md).
 */
export const securityHeaders = fastifyPlugin(
  (app, _options, done) => {
    const headers = helmetHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          scriptSrc: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      // Served over plain HTTP in development; HSTS belongs on the TLS-terminating edge.
      strictTransportSecurity: false,
    });
    app.addHook('onRequest', (_request, reply, next) => {
      void reply.headers(headers);
      next();
    });
    done();
  },
  { name: 'security-headers' },
);

/** The headers helmet sets with `options`, recorded from one run of its middleware. */
export function helmetHeaders(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let finished = false;
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
      finished = true;
    },
  );
  if (!finished) throw new Error('helmet did not set its headers synchronously');
  return headers;
}
