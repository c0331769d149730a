// HTTP load with autocannon: `connections` keep-alive connections, one request in flight on each,
// for a fixed time. Latencies are recorded at microsecond resolution from autocannon's events.
import autocannon from 'autocannon';
import { createLatencyRecorder } from './latency-recorder.ts';
import type { LoadGenerator } from './load-result.ts';

export function httpLoad(url: string): LoadGenerator {
  return async ({ durationSeconds, connections }) => {
    const latencies = createLatencyRecorder();
    const run = autocannon({ url, connections, duration: durationSeconds, pipelining: 1 });
    run.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 400) latencies.record(responseTime);
    });
    const result = await run;
    return {
      requests: result.requests.total,
      durationSeconds: result.duration,
      p50Ms: latencies.percentileMs(50),
      p99Ms: latencies.percentileMs(99),
      errors: result.errors + result.timeouts + result.non2xx,
    };
  };
}
