import {
  BusinessError,
  DeadlineExceededError,
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
  type ErrorCode,
} from './business-errors.ts';

/** The JSON body of every HTTP error: `{ "error": { "code": "NOT_FOUND", "message": "…" } }`. */
export interface HttpErrorBody {
  error: { code: ErrorCode; message: string };
}

const statusByCode: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  INTERNAL: 500,
};

/**
 * Maps any thrown value to an HTTP status and JSON body. Business errors keep their message;
 * anything else becomes a 500 with a generic message, so no internals or stack traces leak.
 *
 * @example
 * const { status, body } = toHttpError(new NotFoundError('no such product'));
 * // status === 404, body.error.code === 'NOT_FOUND'
 */
export function toHttpError(error: unknown): { status: number; body: HttpErrorBody } {
  if (error instanceof BusinessError) {
    return {
      status: statusByCode[error.code],
      body: { error: { code: error.code, message: error.message } },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'An internal error occurred.' } },
  };
}

/**
 * The client side of the same mapping: turns an HTTP error response of a service back into the
 * business error it stands for, so callers handle one set of errors whatever the transport.
 */
export function fromHttpError(status: number, body: unknown): BusinessError {
  const message = readMessage(body) ?? `the service answered HTTP ${status}`;
  if (status === 400) return new InvalidArgumentError(message);
  if (status === 404) return new NotFoundError(message);
  if (status === 504) return new DeadlineExceededError(message);
  return new UnavailableError(message);
}

function readMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body as { error: unknown };
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  const { message } = error as { message: unknown };
  return typeof message === 'string' ? message : undefined;
}
