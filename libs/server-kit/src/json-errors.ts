import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidArgumentError, NotFoundError, toHttpError } from '@sample/errors';
import type { Logger } from 'pino';

/**
 * The one place where a JSON API maps errors to HTTP responses: business errors to their status,
 * malformed requests (bad JSON, a bad URL, too large) to 400, anything else to a generic 500 that
 * is logged. Clients get `{ "error": { "code", "message" } }`, never a stack trace.
 *
 * @example
 * app.setErrorHandler(jsonErrorHandler({ log }));
 */
export function jsonErrorHandler({
  log,
}: {
  log: Logger;
}): (error: unknown, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (error, request, reply) => {
    const mapped = toHttpError(
      isMalformedRequest(error) ? new InvalidArgumentError('the request is malformed') : error,
    );
    if (mapped.status >= 500) {
      log.error({ err: error, requestId: request.id }, 'request failed');
    }
    return reply.code(mapped.status).send(mapped.body);
  };
}

/** Answers unknown routes with the JSON 404 of the API (`app.setNotFoundHandler(jsonNotFound)`). */
export function jsonNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { body, status } = toHttpError(
    new NotFoundError(`no route for ${request.method} ${request.url.split('?', 1)[0]}`),
  );
  return reply.code(status).send(body);
}

/** A request the client got wrong, as Fastify and its parsers report them (`statusCode` 4xx). */
export function isMalformedRequest(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
