import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { runWithRequestId } from './request-context.ts';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id (incoming `X-Request-Id` or a new one), set by `createRequestLogger`. */
    id: string;
    /** The process logger; its lines written while serving this request carry `requestId`. */
    log: Logger;
  }
}

const validRequestId = /^[\w.:-]{1,128}$/;
const quietPaths = new Set(['/healthz', '/readyz']);

/**
 * HTTP access logs: one line per request when its response is done (`request completed`, or
 * `request aborted` when the client went away first) with method, path, status and duration.
 * An incoming `X-Request-Id` is kept when well-formed (so one id follows a request across
 * services); otherwise a new one is made. The id is echoed in the response header and kept in
 * scope for the whole request (AsyncLocalStorage), so every log line written meanwhile, and every
 * call to another service, carries it.
 * Only method, path and status are logged: never headers, bodies or query values with user data.
 * NOTE: this replaces pino-http, whose child logger per request was a tenth of a service's CPU per
 * request in the benchmark (docs/performance.md); the line format is the same.
 */
export function createRequestLogger({
  log,
  newId = randomUUID,
}: {
  log: Logger;
  newId?: () => string;
}): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && validRequestId.test(incoming) ? incoming : newId();
    res.setHeader('X-Request-Id', id);
    req.id = id;
    req.log = log;
    const path = req.url.split('?', 1)[0] ?? req.url;
    if (!quietPaths.has(path)) {
      const started = performance.now();
      res.once('close', () => {
        const line = {
          requestId: id,
          req: { method: req.method, path },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        };
        if (res.writableFinished) log.info(line, 'request completed');
        else log.warn(line, 'request aborted');
      });
    }
    runWithRequestId(id, next);
  };
}
