import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The metrics of one process: one registry, created in `main` and passed to whoever records. */
export interface Metrics {
  registry: Registry;
  /** Incoming HTTP requests, by method, route template (never the raw path) and status code. */
  httpServerDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Outgoing HTTP calls, by method, route template of the callee and status code. */
  httpClientDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Incoming RPCs, by full method name and gRPC status code name. */
  grpcServerDuration: Histogram<'method' | 'code'>;
  /** Outgoing RPCs, by full method name and gRPC status code name. */
  grpcClientDuration: Histogram<'method' | 'code'>;
}

// Seconds; dense where pages and RPCs live (1–250 ms), then up to the deadlines.
const buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Creates the Prometheus metrics of a service, with Node's process metrics (CPU, memory, event loop
 * lag, GC) and the `service` label on every series.
 * NOTE: every label has a small, fixed set of values (route templates, status codes): a label with
 * user-controlled values (raw paths, ids) would create unbounded series and take Prometheus down.
 *
 * @example
 * const metrics = createMetrics({ service: 'backend' });
 * app.use(createHttpMetrics({ metrics }));
 */
export function createMetrics({ service }: { service: string }): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const histogram = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
  return {
    registry,
    httpServerDuration: histogram(
      'http_server_request_duration_seconds',
      'Duration of HTTP requests served.',
      ['method', 'route', 'status_code'],
    ),
    httpClientDuration: histogram(
      'http_client_request_duration_seconds',
      'Duration of HTTP calls made.',
      ['method', 'route', 'status_code'],
    ),
    grpcServerDuration: histogram('rpc_server_duration_seconds', 'Duration of gRPC calls served.', [
      'method',
      'code',
    ]),
    grpcClientDuration: histogram('rpc_client_duration_seconds', 'Duration of gRPC calls made.', [
      'method',
      'code',
    ]),
  };
}
