import {
  InterceptingCall,
  ServerInterceptingCall,
  status,
  type Interceptor,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * Logs every RPC a server receives, on entry and on exit (method, peer, status, duration: never the
 * payload), and records its duration. The request id of the caller (metadata `x-request-id`) is kept,
 * so one id follows a page request through both services.
 */
export function createGrpcServerInterceptor({
  log,
  metrics,
}: {
  log: Logger;
  metrics: Metrics;
}): ServerInterceptor {
  return (methodDescriptor, call) => {
    const method = methodDescriptor.path;
    const started = performance.now();
    let rpcLog = log;
    return new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, nextMetadata) {
            const incoming = metadata.get('x-request-id')[0];
            const requestId =
              typeof incoming === 'string' && requestIdPattern.test(incoming)
                ? incoming
                : undefined;
            rpcLog = log.child({
              rpc: { method, peer: call.getPeer() },
              ...(requestId && { requestId }),
            });
            rpcLog.info('rpc started');
            nextMetadata(metadata);
          },
        });
      },
      sendStatus(statusObject, next) {
        const code = status[statusObject.code];
        const durationMs = performance.now() - started;
        metrics.grpcServerDuration.observe({ method, code }, durationMs / 1000);
        rpcLog.info({ code, durationMs: Math.round(durationMs * 10) / 10 }, 'rpc finished');
        next(statusObject);
      },
    });
  };
}

/**
 * Logs every RPC a client makes, on entry and on exit (method, target, status, duration), records
 * its duration, and passes the caller's request id on as metadata `x-request-id`.
 */
export function createGrpcClientInterceptor({
  log,
  metrics,
  requestId,
}: {
  log: Logger;
  metrics: Metrics;
  /** Returns the id of the request being served, if any (e.g. from AsyncLocalStorage). */
  requestId?: () => string | undefined;
}): Interceptor {
  return (options, nextCall) => {
    const method = options.method_definition.path;
    const started = performance.now();
    const id = requestId?.();
    const callLog = log.child({ rpc: { method }, ...(id && { requestId: id }) });
    return new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        if (id) metadata.set('x-request-id', id);
        callLog.debug('rpc call started');
        next(metadata, {
          onReceiveStatus(statusObject, nextStatus) {
            const code = status[statusObject.code];
            const durationMs = performance.now() - started;
            metrics.grpcClientDuration.observe({ method, code }, durationMs / 1000);
            const level = statusObject.code === status.OK ? 'debug' : 'warn';
            callLog[level](
              { code, durationMs: Math.round(durationMs * 10) / 10 },
              'rpc call finished',
            );
            nextStatus(statusObject);
          },
        });
      },
    });
  };
}
