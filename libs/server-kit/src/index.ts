export {
  createHealth,
  type Health,
  type HealthDeps,
  type ReadinessCheck,
  type ReadinessReport,
} from './health.ts';
export { createFastifyApp, requestIdOf, type FastifyAppOptions } from './fastify-app.ts';
export { opsRoutes } from './ops-routes.ts';
export { requestLogger } from './request-logger.ts';
export { isMalformedRequest, jsonErrorHandler, jsonNotFound } from './json-errors.ts';
export { listenHttp, type HttpListener } from './http-listener.ts';
export { listenGrpc, type GrpcListener } from './grpc-listener.ts';
export { handleShutdownSignals, type Closable, type ShutdownDeps } from './graceful-shutdown.ts';
export { runMain } from './run-main.ts';
export { grpcUnary } from './grpc-unary.ts';
export { addGrpcHealthService } from './grpc-health.ts';
export { createMetrics, type Metrics } from './metrics.ts';
export { httpMetrics, routeOf } from './http-metrics.ts';
export {
  createGrpcCallObserver,
  createGrpcClientInterceptor,
  createGrpcServerInterceptor,
  type GrpcCallObserver,
  type GrpcClientObservability,
} from './grpc-interceptors.ts';
export { currentRequestId, runWithRequestId } from './request-context.ts';
export { createLogger } from './logger.ts';
export { redactedKeys, redactSecrets } from './redact-secrets.ts';
export { readTlsFiles, type TlsFiles } from './tls-files.ts';
export { activeTraceIds, createTracing, startHttpClientSpan, type Tracing } from './tracing.ts';
export { httpTracing } from './http-tracing.ts';
export { limitRequestBodies } from './request-limits.ts';
export { parseQuery, singleQueryValue } from './parse-query.ts';
export { replyWithETag } from './conditional-get.ts';
export { applyHeapGrowingFlag, heapGrowingFlag } from './heap-growth.ts';
