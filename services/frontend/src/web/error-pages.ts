import type { FastifyReply, FastifyRequest } from 'fastify';
import { isBusinessError, NotFoundError } from '@sample/errors';
import { isMalformedRequest } from '@sample/server-kit';
import type { Logger } from 'pino';
import { errorPage, type ErrorView } from './views/error-page.ts';
import type { SiteInfo } from './views/layout.ts';

type ErrorHandler = (error: unknown, request: FastifyRequest, reply: FastifyReply) => FastifyReply;

/**
 * The one place where the frontend turns errors into pages (`app.setErrorHandler`). The backend
 * being down or slow is an expected failure: the user sees a clear 503 page and the process
 * carries on. Unknown paths (`app.setNotFoundHandler`) get the 404 page.
 */
export function createErrorPages({ site, log }: { site: SiteInfo; log: Logger }): {
  onError: ErrorHandler;
  onNotFound: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
} {
  const send = (reply: FastifyReply, page: ErrorView) => {
    if (page.status === 503) void reply.header('retry-after', '5');
    return reply.code(page.status).type('text/html; charset=utf-8').send(errorPage(site, page));
  };
  return {
    onError(error, request, reply) {
      const page = errorPageFor(error);
      if (page.status >= 500) log.warn({ err: error, requestId: request.id }, 'page failed');
      return send(reply, page);
    },
    onNotFound: (_request, reply) => send(reply, errorPageFor(new NotFoundError('no such page'))),
  };
}

function errorPageFor(error: unknown): ErrorView {
  if (isBusinessError(error)) {
    switch (error.code) {
      case 'NOT_FOUND':
        return {
          status: 404,
          title: 'Not found',
          message: 'We could not find what you were looking for. It may have been removed.',
        };
      case 'INVALID_ARGUMENT':
        return {
          status: 400,
          title: 'That link looks wrong',
          message: 'Some part of the address is not valid. Try starting again from the shop.',
        };
      case 'UNAVAILABLE':
      case 'DEADLINE_EXCEEDED':
        return {
          status: 503,
          title: 'The catalog is unavailable',
          message: 'We cannot reach the product catalog right now. Please try again in a moment.',
        };
    }
  }
  if (isMalformedRequest(error)) {
    return { status: 400, title: 'Bad request', message: 'The request could not be understood.' };
  }
  return {
    status: 500,
    title: 'Something went wrong',
    message: 'An unexpected error occurred. Please try again.',
  };
}
