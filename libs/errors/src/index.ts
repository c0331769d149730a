export {
  BusinessError,
  DeadlineExceededError,
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
  isBusinessError,
  type ErrorCode,
} from './business-errors.ts';
export { fromHttpError, toHttpError, type HttpErrorBody } from './http-error-mapper.ts';
export { fromGrpcError, toGrpcError } from './grpc-error-mapper.ts';
