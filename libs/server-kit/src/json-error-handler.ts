import type { ErrorRequestHandler, RequestHandler } from 'express';
import { InvalidArgumentError, NotFoundError, toHttpError } from '@sample/errors';
import type { Logger } from 'pino';

/**
 * The one place where a JSON API maps errors to HTTP responses: business errors to their status,
 * malformed requests (bad JSON, too large) to 400, anything else to a generic 500 that is logged.
 * Clients get `{ "error": { "code", "message" } }`, never a stack trace.
 */
export function createJsonErrorHandler({ log }: { log: Logger }): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const mapped = toHttpError(
      isMalformedRequest(error) ? new InvalidArgumentError('the request is malformed') : error,
    );
    if (mapped.status >= 500) {
      (req.log ?? log).error({ err: error }, 'request failed');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(mapped.status).json(mapped.body);
  };
}

/** Answers unknown routes with the JSON 404 of the API. */
export function jsonNotFound(): RequestHandler {
  return (req, _res, next) => next(new NotFoundError(`no route for ${req.method} ${req.path}`));
}

function isMalformedRequest(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
