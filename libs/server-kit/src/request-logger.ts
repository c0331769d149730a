import type { FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Logger } from 'pino';
import { runWithRequestId } from './request-context.ts';

const quietPaths = new Set(['/healthz', '/readyz']);

/**
 * HTTP access logs: one line per request when its response is done (`request completed`, or
 * `request aborted` at warn when the client went away first) with the request id, method, path,
 * status and duration. The request id (see `createFastifyApp`) is echoed in the `X-Request-Id`
 * response header and kept in scope for the whole request (AsyncLocalStorage), so every log line
 * written meanwhile, and every call to another service, carries it.
 * Only method, path and status are logged: never headers, bodies or query values with user data.
 */
export const requestLogger = fastifyPlugin<{ log: Logger }>(
  (app, { log }, done) => {
    app.addHook('onRequest', (request, reply, next) => {
      void reply.header('x-request-id', request.id);
      runWithRequestId(request.id, next);
    });
    app.addHook('onResponse', (request, reply, next) => {
      const path = pathOf(request);
      if (!quietPaths.has(path)) log.info(accessLine(request, reply, path), 'request completed');
      next();
    });
    app.addHook('onRequestAbort', (request, next) => {
      log.warn(accessLine(request, undefined, pathOf(request)), 'request aborted');
      next();
    });
    done();
  },
  { name: '@sample/server-kit/request-logger' },
);

function pathOf(request: FastifyRequest): string {
  const { url } = request;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function accessLine(request: FastifyRequest, reply: FastifyReply | undefined, path: string) {
  return {
    requestId: request.id,
    req: { method: request.method, path },
    res: { statusCode: reply?.statusCode ?? 0 },
    responseTime: Math.round(reply?.elapsedTime ?? 0),
  };
}
