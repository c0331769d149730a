import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  BusinessError,
  DeadlineExceededError,
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
  type ErrorCode,
} from './business-errors.ts';

const grpcStatusByCode: Record<ErrorCode, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  INTERNAL: status.INTERNAL,
};

/**
 * Maps any thrown value to the error object a grpc-js handler passes to its callback. Business
 * errors keep their message; anything else becomes INTERNAL with a generic message.
 * NOTE: the status is a gRPC code (grpc.status.NOT_FOUND === 5), never an HTTP status like 404.
 *
 * @example
 * callback(toGrpcError(new NotFoundError('no such product')), null);
 */
export function toGrpcError(error: unknown): Partial<ServiceError> {
  if (error instanceof BusinessError) {
    return { code: grpcStatusByCode[error.code], details: error.message, metadata: new Metadata() };
  }
  return {
    code: status.INTERNAL,
    details: 'An internal error occurred.',
    metadata: new Metadata(),
  };
}

/** The client side: turns a failed call's ServiceError back into a business error. */
export function fromGrpcError(error: Pick<ServiceError, 'code' | 'details'>): BusinessError {
  const message = error.details || `the call failed with gRPC status ${status[error.code]}`;
  switch (error.code) {
    case status.INVALID_ARGUMENT:
      return new InvalidArgumentError(message);
    case status.NOT_FOUND:
      return new NotFoundError(message);
    case status.DEADLINE_EXCEEDED:
      return new DeadlineExceededError(message);
    default:
      return new UnavailableError(message);
  }
}
