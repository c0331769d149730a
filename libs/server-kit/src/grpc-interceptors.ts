import {
  InterceptingCall,
  type Metadata,
  ServerInterceptingCall,
  status,
  type Interceptor,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { context, isValidTraceId, propagation, type Span } from '@opentelemetry/api';
import type { Metrics } from './metrics.ts';
import { endSpan, SpanKind, startSpan } from './tracing.ts';

const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * Logs every RPC a server receives when it ends, `rpc finished` at info (method, peer, status,
 * duration: never the payload; `rpc started` too at debug), and records its duration. The request
 * id of the caller (metadata `x-request-id`) is kept, so one id follows a page request through
 * both services.
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
    let fields: { rpc: { method: string; peer: string }; traceId?: string; requestId?: string } = {
      rpc: { method, peer: call.getPeer() },
    };
    let span: Span | undefined;
    return new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, nextMetadata) {
            const incoming = metadata.get('x-request-id')[0];
            const requestId =
              typeof incoming === 'string' && requestIdPattern.test(incoming)
                ? incoming
                : undefined;
            // The caller's trace continues here (W3C traceparent in the metadata).
            const parent = propagation.extract(context.active(), metadata, metadataGetter);
            span = startSpan(method.slice(1), SpanKind.SERVER, parent)?.span;
            const traceId = span?.spanContext().traceId;
            fields = {
              ...fields,
              ...(traceId && isValidTraceId(traceId) && { traceId }),
              ...(requestId && { requestId }),
            };
            if (log.isLevelEnabled('debug')) log.debug(fields, 'rpc started');
            nextMetadata(metadata);
          },
        });
      },
      sendStatus(statusObject, next) {
        const code = status[statusObject.code];
        const durationMs = performance.now() - started;
        metrics.grpcServerDuration.observe({ method, code }, durationMs / 1000);
        log.info({ ...fields, code, durationMs: Math.round(durationMs * 10) / 10 }, 'rpc finished');
        if (span)
          endSpan(span, statusObject.code !== status.OK, {
            'rpc.grpc.status_code': statusObject.code,
          });
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
    const fields = { rpc: { method }, ...(id && { requestId: id }) };
    return new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        if (id) metadata.set('x-request-id', id);
        // A client span, child of the active one; its context travels in the metadata (traceparent).
        const traced = startSpan(method.slice(1), SpanKind.CLIENT);
        if (traced) propagation.inject(traced.context, metadata, metadataSetter);
        if (log.isLevelEnabled('debug')) log.debug(fields, 'rpc call started');
        next(metadata, {
          onReceiveStatus(statusObject, nextStatus) {
            const code = status[statusObject.code];
            const durationMs = performance.now() - started;
            metrics.grpcClientDuration.observe({ method, code }, durationMs / 1000);
            const level = statusObject.code === status.OK ? 'debug' : 'warn';
            if (log.isLevelEnabled(level))
              log[level](
                { ...fields, code, durationMs: Math.round(durationMs * 10) / 10 },
                'rpc call finished',
              );
            if (traced)
              endSpan(traced.span, statusObject.code !== status.OK, {
                'rpc.grpc.status_code': statusObject.code,
              });
            nextStatus(statusObject);
          },
        });
      },
    });
  };
}

const metadataGetter = {
  keys: (metadata: Metadata) => Object.keys(metadata.getMap()),
  get: (metadata: Metadata, key: string) => {
    const [value] = metadata.get(key);
    return value === undefined ? undefined : String(value);
  },
};

const metadataSetter = {
  set: (metadata: Metadata, key: string, value: string) => void metadata.set(key, value),
};
