import type { LatencyRecorder } from './latency-recorder.ts';

/** What one slice of load measured, from the load generator's side. */
export interface LoadSlice {
  /** Completed requests (any status). */
  requests: number;
  durationSeconds: number;
  /** Failed requests: connection errors, timeouts and non-2xx answers (or non-OK gRPC codes). */
  errors: number;
}

/**
 * What drives load at a target for a fixed time with a fixed number of concurrent requests, and
 * records the latency of every successful request into `latencies` (shared across slices, so a
 * scenario measured in several slices has one set of percentiles).
 */
export type LoadGenerator = (options: {
  durationSeconds: number;
  connections: number;
  latencies: LatencyRecorder;
}) => Promise<LoadSlice>;
