import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
  DeadlineExceededError,
} from './business-errors.ts';
import { fromGrpcError, toGrpcError } from './grpc-error-mapper.ts';

describe('toGrpcError', () => {
  it('sends gRPC status codes, never HTTP statuses', () => {
    const error = toGrpcError(new NotFoundError('no such product'));

    expect(error.code).toBe(status.NOT_FOUND);
    expect(error.code).toBe(5);
    expect(error.details).toBe('no such product');
  });

  it.each([
    [new InvalidArgumentError('x'), status.INVALID_ARGUMENT],
    [new UnavailableError('x'), status.UNAVAILABLE],
    [new DeadlineExceededError('x'), status.DEADLINE_EXCEEDED],
  ])('maps %s to its gRPC code', (error, code) => {
    expect(toGrpcError(error).code).toBe(code);
  });

  it('maps an unexpected error to INTERNAL with a generic message', () => {
    const error = toGrpcError(new Error('db password is hunter2'));

    expect(error.code).toBe(status.INTERNAL);
    expect(error.details).toBe('An internal error occurred.');
  });
});

describe('fromGrpcError', () => {
  it('turns a failed call back into the business error', () => {
    expect(fromGrpcError({ code: status.NOT_FOUND, details: 'gone' })).toBeInstanceOf(
      NotFoundError,
    );
    expect(fromGrpcError({ code: status.INVALID_ARGUMENT, details: 'bad' })).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(fromGrpcError({ code: status.DEADLINE_EXCEEDED, details: '' })).toBeInstanceOf(
      DeadlineExceededError,
    );
  });

  it('treats connection failures and unknown statuses as unavailable, with a readable message', () => {
    const error = fromGrpcError({ code: status.INTERNAL, details: '' });

    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).toBe('the call failed with gRPC status INTERNAL');
  });
});
