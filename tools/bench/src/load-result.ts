/** What one load run measured, from the load generator's side. */
export interface LoadResult {
  /** Completed requests (any status). */
  requests: number;
  durationSeconds: number;
  p50Ms: number;
  p99Ms: number;
  /** Failed requests: connection errors, timeouts and non-2xx answers (or non-OK gRPC codes). */
  errors: number;
}

/** What drives load at a target for a fixed time with a fixed number of concurrent requests. */
export type LoadGenerator = (options: {
  durationSeconds: number;
  connections: number;
}) => Promise<LoadResult>;
