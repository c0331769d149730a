import type { sendUnaryData, ServerUnaryCall, ServiceError } from '@grpc/grpc-js';
import { isBusinessError, toGrpcError } from '@sample/errors';
import type { Logger } from 'pino';

/**
 * Adapts an async function to a grpc-js unary handler. This wrapper is the one place where a gRPC
 * service maps errors: business errors to their gRPC status, anything else to INTERNAL (logged,
 * never sent to the client with its stack).
 *
 * @example
 * getProduct: grpcUnary(log, async (call) => toProductMessage(await catalog.getProduct(call.request.id))),
 */
export function grpcUnary<Req, Res>(
  log: Logger,
  handler: (call: ServerUnaryCall<Req, Res>) => Promise<Res>,
): (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void {
  return (call, callback) => {
    handler(call).then(
      (response) => callback(null, response),
      (error: unknown) => {
        if (!isBusinessError(error) || !error.isClientError) {
          log.error({ err: error, method: call.getPath() }, 'rpc failed');
        }
        callback(toGrpcError(error) as ServiceError, null);
      },
    );
  };
}
