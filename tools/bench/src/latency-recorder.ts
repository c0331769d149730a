// Latencies of one load run, in microseconds, kept in an HDR histogram (exact percentiles at any
// load, constant memory).
import { build, type Histogram } from 'hdr-histogram-js';

export interface LatencyRecorder {
  record(milliseconds: number): void;
  /** The `percentile` (0–100) in milliseconds. */
  percentileMs(percentile: number): number;
}

export function createLatencyRecorder(): LatencyRecorder {
  const histogram: Histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  return {
    record: (milliseconds) => histogram.recordValue(Math.max(1, Math.round(milliseconds * 1000))),
    percentileMs: (percentile) => histogram.getValueAtPercentile(percentile) / 1000,
  };
}
