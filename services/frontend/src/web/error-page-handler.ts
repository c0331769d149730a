import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isBusinessError, NotFoundError } from '@sample/errors';
import type { Logger } from 'pino';
import type { RenderPage } from './page-renderer.ts';

interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

/**
 * The one place where the frontend turns errors into pages. The backend being down or slow is an
 * expected failure: the user sees a clear 503 page and the process carries on.
 */
export function createErrorPageHandler({
  render,
  log,
}: {
  render: RenderPage;
  log: Logger;
}): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const page = errorPageFor(error);
    if (page.status >= 500) (req.log ?? log).warn({ err: error }, 'page failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (page.status === 503) res.set('Retry-After', '5');
    res.status(page.status).send(render('error', { ...page }));
  };
}

/** Answers unknown paths with the 404 page. */
export function pageNotFound(): RequestHandler {
  return (_req, _res, next) => next(new NotFoundError('no such page'));
}

function errorPageFor(error: unknown): ErrorPage {
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

function isMalformedRequest(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
