// HTTP load with autocannon: `connections` keep-alive connections, one request in flight on each,
// for a fixed time. Latencies are recorded at microsecond resolution from autocannon's events.
import autocannon from 'autocannon';
import type { LoadGenerator } from './load-result.ts';

export function httpLoad(url: string): LoadGenerator {
  return async ({ durationSeconds, connections, latencies }) => {
    const run = autocannon({ url, connections, duration: durationSeconds, pipelining: 1 });
    run.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 400) latencies.record(responseTime);
    });
    const result = await run;
    return {
      requests: result.requests.total,
      durationSeconds: result.duration,
      errors: result.errors + result.timeouts + result.non2xx,
    };
  };
}
