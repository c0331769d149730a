/**
 * The error codes shared by every transport. They are the canonical gRPC code names (Google's error
 * model), which the HTTP API also sends in its JSON error body.
 */
export type ErrorCode =
  'INVALID_ARGUMENT' | 'NOT_FOUND' | 'UNAVAILABLE' | 'DEADLINE_EXCEEDED' | 'INTERNAL';

/**
 * The base of all business errors. Business errors know nothing of transports: each transport
 * maps them in exactly one place (`toHttpError`, `toGrpcError`).
 *
 * @example
 * throw new NotFoundError(`product "${id}" does not exist`);
 */
export abstract class BusinessError extends Error {
  abstract readonly code: ErrorCode;
  /** True when the client caused the error (it is not logged as a server failure). */
  abstract readonly isClientError: boolean;
}

/** The caller sent something invalid: a bad page size, a malformed token, an unknown parameter value. */
export class InvalidArgumentError extends BusinessError {
  override readonly name = 'InvalidArgumentError';
  readonly code = 'INVALID_ARGUMENT';
  readonly isClientError = true;
}

/** The requested resource does not exist. */
export class NotFoundError extends BusinessError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  readonly isClientError = true;
}

/** A dependency cannot be reached or refused the call; trying again later may work. */
export class UnavailableError extends BusinessError {
  override readonly name = 'UnavailableError';
  readonly code = 'UNAVAILABLE';
  readonly isClientError = false;
}

/** A dependency did not answer before the deadline of the call. */
export class DeadlineExceededError extends BusinessError {
  override readonly name = 'DeadlineExceededError';
  readonly code = 'DEADLINE_EXCEEDED';
  readonly isClientError = false;
}

/** True for an error that this library's mappers understand. */
export function isBusinessError(error: unknown): error is BusinessError {
  return error instanceof BusinessError;
}
