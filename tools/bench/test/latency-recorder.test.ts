import { describe, expect, it } from 'vitest';
import { createLatencyRecorder } from '../src/latency-recorder.ts';

describe('createLatencyRecorder', () => {
  it('reports the percentiles of the recorded latencies in milliseconds', () => {
    const recorder = createLatencyRecorder();
    for (let ms = 1; ms <= 100; ms++) recorder.record(ms);

    expect(recorder.percentileMs(50)).toBeGreaterThanOrEqual(50 * 0.99);
    expect(recorder.percentileMs(50)).toBeLessThanOrEqual(50 * 1.01);
    expect(recorder.percentileMs(99)).toBeGreaterThanOrEqual(99 * 0.99);
    expect(recorder.percentileMs(99)).toBeLessThanOrEqual(99 * 1.01);
    expect(recorder.percentileMs(100)).toBeGreaterThanOrEqual(100 * 0.99);
    expect(recorder.percentileMs(100)).toBeLessThanOrEqual(100 * 1.01);
  });

  it('keeps sub-millisecond latencies (microsecond resolution)', () => {
    const recorder = createLatencyRecorder();
    for (let i = 0; i < 10; i++) recorder.record(0.25);
    for (let i = 0; i < 10; i++) recorder.record(0.75);

    expect(recorder.percentileMs(25)).toBeCloseTo(0.25, 3);
    expect(recorder.percentileMs(90)).toBeCloseTo(0.75, 3);
  });

  it('weighs each recorded value once: a slow tail shows only in the high percentiles', () => {
    const recorder = createLatencyRecorder();
    for (let i = 0; i < 990; i++) recorder.record(2);
    for (let i = 0; i < 10; i++) recorder.record(500);

    expect(recorder.percentileMs(50)).toBeCloseTo(2, 2);
    expect(recorder.percentileMs(99)).toBeCloseTo(2, 2);
    expect(recorder.percentileMs(99.9)).toBeGreaterThanOrEqual(500 * 0.99);
    expect(recorder.percentileMs(99.9)).toBeLessThanOrEqual(500 * 1.01);
  });
});
