import { status, type Deadline, type Metadata } from '@grpc/grpc-js';
import { context, isValidTraceId, propagation, type Context } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';
import { endSpan, SpanKind, startSpan } from './tracing.ts';

const requestIdPattern = /^[\w.:-]{1,128}$/;

/** One RPC a server is serving, as its observer sees it. */
export interface ObservedServerCall {
  /** The trace context of the call's server span, to run its handler in; none when not traced. */
  context: Context | undefined;
  /** Ends the call with its status: logs, records, ends the span. Only the first end counts. */
  end(code: status): void;
  /**
   * Ends a call that grpc-js ended without its handler's answer: DEADLINE_EXCEEDED once its deadline
   * has passed, CANCELLED otherwise. (grpc-js sends those statuses itself; neither an interceptor's
   * `sendStatus` nor the handler's callback sees them.)
   */
  cancelled(): void;
}

/** Observes one incoming RPC from its start: see `createGrpcServerCallObserver`. */
export type GrpcServerCallObserver = (
  method: string,
  metadata: Metadata,
  peer: string,
  deadline: Deadline,
) => ObservedServerCall;

/**
 * Creates the observer of the RPCs a server receives: when a call ends it logs `rpc finished` at info
 * (method, peer, status, duration: never the payload; `rpc started` too at debug) and records its
 * duration. The request id of the caller (metadata `x-request-id`) is kept, so one id follows a page
 * request through both services, and the caller's trace is continued.
 */
export function createGrpcServerCallObserver({
  log,
  metrics,
}: {
  log: Logger;
  metrics: Metrics;
}): GrpcServerCallObserver {
  return (method, metadata, peer, deadline) => {
    const started = performance.now();
    const line: RpcLogFields = { rpc: { method, peer } };
    const requestId = metadata.get('x-request-id')[0];
    if (typeof requestId === 'string' && requestIdPattern.test(requestId))
      line.requestId = requestId;
    const parent = propagation.extract(context.active(), metadata, metadataGetter);
    const traced = startSpan(method.slice(1), SpanKind.SERVER, parent);
    const traceId = traced?.span.spanContext().traceId;
    if (traceId && isValidTraceId(traceId)) line.traceId = traceId;
    if (log.isLevelEnabled('debug')) log.debug(line, 'rpc started');
    let ended = false;
    const end = (code: status) => {
      if (ended) return;
      ended = true;
      const durationMs = performance.now() - started;
      const codeName = status[code];
      metrics.grpcServerDuration.observe({ method, code: codeName }, durationMs / 1000);
      line.code = codeName;
      line.durationMs = Math.round(durationMs * 10) / 10;
      log.info(line, 'rpc finished');
      if (traced) endSpan(traced.span, code !== status.OK, { 'rpc.grpc.status_code': code });
    };
    return {
      context: traced?.context,
      end,
      cancelled: () => end(deadlinePassed(deadline) ? status.DEADLINE_EXCEEDED : status.CANCELLED),
    };
  };
}

interface RpcLogFields {
  rpc: { method: string; peer: string };
  requestId?: string;
  traceId?: string;
  code?: string;
  durationMs?: number;
}

function deadlinePassed(deadline: Deadline): boolean {
  return Date.now() >= (deadline instanceof Date ? deadline.getTime() : deadline);
}

const metadataGetter = {
  keys: (metadata: Metadata) => Object.keys(metadata.getMap()),
  get: (metadata: Metadata, key: string) => {
    const [value] = metadata.get(key);
    return value === undefined ? undefined : String(value);
  },
};
