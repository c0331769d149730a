import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { runWithRequestId } from './request-context.ts';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's child logger (carries `requestId`), set by `createRequestLogger`. */
    log: Logger;
  }
}

const validRequestId = /^[\w.:-]{1,128}$/;

/**
 * HTTP access logs and a child logger per request (`req.log`) carrying the request id.
 * An incoming `X-Request-Id` is kept when well-formed (so one id follows a request across
 * services); otherwise a new one is made. The id is echoed in the response header.
 * Only method, path and status are logged: never headers, bodies or query values with user data.
 */
export function createRequestLogger({
  log,
  newId = randomUUID,
}: {
  log: Logger;
  newId?: () => string;
}): RequestHandler {
  const logRequests = pinoHttp({
    logger: log,
    genReqId(req: IncomingMessage, res) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && validRequestId.test(incoming) ? incoming : newId();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  }) as unknown as RequestHandler;
  // The request id is also kept in scope for the whole request, for calls to other services.
  return (req, res, next) => logRequests(req, res, () => runWithRequestId(String(req.id), next));
}
