import {
  context,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  propagation,
  trace,
  SpanKind,
  SpanStatusCode,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  /** Whether spans are exported anywhere. */
  enabled: boolean;
  /** Flushes and stops the exporter; call it on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * Sets up OpenTelemetry tracing for the process: W3C trace context (`traceparent`) propagation and
 * a tracer provider whose exporter is configured by the standard variables. Off by default: spans
 * are exported only when `OTEL_TRACES_EXPORTER=otlp` or `OTEL_EXPORTER_OTLP_ENDPOINT` /
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set (the OTLP/HTTP exporter reads the rest, e.g. headers).
 * Even when off, incoming trace context is passed on, so a trace is never broken at this service,
 * and log lines carry the caller's trace id; but no span is recorded: without an exporter, the
 * SDK's tracer provider is not installed and the API's non-recording spans cost next to nothing
 * (recording spans that nobody exports was a tenth of the services' CPU per request in the
 * benchmark; docs/performance.md). The SDK and the exporter are loaded only when spans are
 * recorded: a quarter of the bundle that a service without an exporter never runs (start-up time).
 * NOTE: OpenTelemetry's API is process-global by design; only `main.ts` (or a test) calls this.
 *
 * @example
 * const tracing = await createTracing({ service: 'backend', env: process.env });
 */
export async function createTracing({
  service,
  env,
  spanProcessors,
}: {
  service: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Replaces the exporter chosen from the environment (tests pass an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}): Promise<Tracing> {
  const exportWanted =
    env['OTEL_SDK_DISABLED'] !== 'true' &&
    (env['OTEL_TRACES_EXPORTER'] === 'otlp' ||
      Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']));
  const processors = spanProcessors ?? (exportWanted ? [await otlpExportProcessor()] : []);
  const provider =
    processors.length > 0 ? await tracerProvider(service, env, processors) : undefined;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (provider) trace.setGlobalTracerProvider(provider);
  recording = provider !== undefined;
  return {
    enabled: recording,
    async shutdown() {
      recording = false;
      await provider?.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

async function otlpExportProcessor(): Promise<SpanProcessor> {
  const [{ OTLPTraceExporter }, { BatchSpanProcessor }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
  return new BatchSpanProcessor(new OTLPTraceExporter());
}

async function tracerProvider(
  service: string,
  env: Readonly<Record<string, string | undefined>>,
  spanProcessors: SpanProcessor[],
) {
  const [{ resourceFromAttributes }, { BasicTracerProvider }] = await Promise.all([
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env['OTEL_SERVICE_NAME'] ?? service }),
    spanProcessors,
  });
}

const tracer = () => trace.getTracer('@sample/server-kit');
// Whether a tracer provider records spans: set by createTracing, which owns OpenTelemetry's
// process-global state.
let recording = false;

export const headerGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

export const headerSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => void (carrier[key] = value),
};

/**
 * Starts a span as a child of `parent`; returns it with the context that holds it. Returns
 * `undefined` when the span would be invisible: nothing records spans and `parent` continues no
 * trace, so there is no context to pass on either.
 * NOTE: that shortcut is most requests in a service without an exporter: it skips a span object, a
 * context copy and an AsyncLocalStorage scope per request and per call.
 */
export function startSpan(
  name: string,
  kind: SpanKind,
  parent: Context = context.active(),
): { span: Span; context: Context } | undefined {
  if (!recording && !isSpanContextValid(trace.getSpanContext(parent) ?? INVALID_SPAN_CONTEXT)) {
    return undefined;
  }
  const span = tracer().startSpan(name, { kind }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Ends a span, marking it failed when `failed`. */
export function endSpan(
  span: Span,
  failed: boolean,
  attributes: Record<string, string | number> = {},
): void {
  span.setAttributes(attributes);
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** The trace and span ids of the active span, for log lines. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

export { SpanKind };

/**
 * Starts a client span for an outgoing HTTP call and returns the headers that carry its context
 * (`traceparent`); call `end` with the response status (0 when no response came).
 */
export function startHttpClientSpan(name: string): {
  headers: Record<string, string>;
  end(statusCode: number): void;
} {
  const started = startSpan(name, SpanKind.CLIENT);
  if (!started) return untraced;
  const headers: Record<string, string> = {};
  propagation.inject(started.context, headers, headerSetter);
  return {
    headers,
    end: (statusCode) =>
      endSpan(started.span, statusCode === 0 || statusCode >= 500, {
        'http.response.status_code': statusCode,
      }),
  };
}

const untraced = Object.freeze({ headers: Object.freeze({}), end: () => undefined });
