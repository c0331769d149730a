import { describe, expect, it } from 'vitest';
import {
  DeadlineExceededError,
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
} from './business-errors.ts';
import { fromHttpError, toHttpError } from './http-error-mapper.ts';

describe('toHttpError', () => {
  it.each([
    [new InvalidArgumentError('bad page size'), 400, 'INVALID_ARGUMENT'],
    [new NotFoundError('no such product'), 404, 'NOT_FOUND'],
    [new UnavailableError('backend down'), 503, 'UNAVAILABLE'],
    [new DeadlineExceededError('too slow'), 504, 'DEADLINE_EXCEEDED'],
  ])('maps %s to its status and code, keeping the message', (error, status, code) => {
    expect(toHttpError(error)).toEqual({
      status,
      body: { error: { code, message: error.message } },
    });
  });

  it('hides the message and stack of an unexpected error behind a generic 500', () => {
    const mapped = toHttpError(new TypeError('secret internals at /srv/app.js:12'));

    expect(mapped.status).toBe(500);
    expect(mapped.body).toEqual({
      error: { code: 'INTERNAL', message: 'An internal error occurred.' },
    });
    expect(JSON.stringify(mapped.body)).not.toContain('internals');
  });
});

describe('fromHttpError', () => {
  it('turns error responses back into the business error they stand for', () => {
    const notFound = fromHttpError(404, {
      error: { code: 'NOT_FOUND', message: 'no such product' },
    });

    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toBe('no such product');
    expect(fromHttpError(400, {})).toBeInstanceOf(InvalidArgumentError);
    expect(fromHttpError(504, undefined)).toBeInstanceOf(DeadlineExceededError);
  });

  it('treats any other failure, even without a JSON body, as the service being unavailable', () => {
    const error = fromHttpError(502, '<html>Bad gateway</html>');

    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).toBe('the service answered HTTP 502');
  });
});
