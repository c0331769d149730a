// The interleaved run: every scenario is started before any is measured, slices are taken in turn,
// and each scenario's figures are the sum of its own slices only (CPU, requests, latencies).
import { describe, expect, it } from 'vitest';
import type { BenchProcess } from '../src/bench-process.ts';
import { measureInterleaved, type ProcReader } from '../src/measure-interleaved.ts';
import type { Scenario } from '../src/scenarios.ts';

const context = { workspaceRoot: '/nowhere', logsDir: '/nowhere' };
const settings = { durationSeconds: 6, sliceSeconds: 2, warmupSeconds: 1, connections: 4 };

/**
 * A fake machine: each scenario's process burns `cpuPerRequest` µs per request and answers
 * `requestsPerSlice` requests per slice; everything that happens is written to `events`.
 */
function fakeSuite(
  specs: { id: string; pid: number; cpuPerRequest: number; requestsPerSlice: number }[],
) {
  const events: string[] = [];
  const cpu = new Map<number, number>();
  const stopped: string[] = [];
  const proc: ProcReader = {
    cpuMicros: (pid) => cpu.get(pid) ?? 0,
    peakRssBytes: (pid) => pid * 1000,
  };
  const scenarios: Scenario[] = specs.map(({ id, pid, cpuPerRequest, requestsPerSlice }) => ({
    id,
    title: id,
    kind: 'floor',
    async start() {
      events.push(`start ${id}`);
      const process: BenchProcess = {
        name: id,
        pid,
        ready: {},
        stop: async () => void stopped.push(id),
      };
      return {
        processes: [process],
        async load({ durationSeconds, latencies }) {
          events.push(`load ${id} ${durationSeconds}s`);
          cpu.set(pid, (cpu.get(pid) ?? 0) + cpuPerRequest * requestsPerSlice);
          for (let i = 0; i < requestsPerSlice; i++) latencies.record(cpuPerRequest / 1000);
          return { requests: requestsPerSlice, durationSeconds, errors: id === 'b' ? 1 : 0 };
        },
      };
    },
  }));
  return { scenarios, proc, events, stopped };
}

describe('measureInterleaved', () => {
  const specs = [
    { id: 'a', pid: 11, cpuPerRequest: 100, requestsPerSlice: 50 },
    { id: 'b', pid: 22, cpuPerRequest: 300, requestsPerSlice: 20 },
  ];

  it('starts everything, warms each scenario up, then takes the slices in turn', async () => {
    const { scenarios, proc, events } = fakeSuite(specs);
    await measureInterleaved(scenarios, context, settings, proc);
    expect(events).toEqual([
      'start a',
      'start b',
      'load a 1s',
      'load b 1s',
      ...Array.from({ length: 3 }, () => ['load a 2s', 'load b 2s']).flat(),
    ]);
  });

  it("adds up each scenario's own slices, leaving out the warm-up", async () => {
    const { scenarios, proc } = fakeSuite(specs);
    const results = await measureInterleaved(scenarios, context, settings, proc);

    expect(results['a']).toMatchObject({
      requests: 150,
      durationSeconds: 6,
      requestsPerSecond: 25,
      errors: 0,
      cpuMicrosPerRequest: 100,
      cpuMicrosPerRequestByProcess: { a: 100 },
      peakRssBytes: { a: 11_000 },
    });
    expect(results['b']).toMatchObject({ requests: 60, errors: 3, cpuMicrosPerRequest: 300 });
    expect(results['a']!.p50Ms).toBeCloseTo(0.1, 3);
    expect(results['b']!.p99Ms).toBeCloseTo(0.3, 3);
  });

  it('stops every process it started, also when a later scenario fails to start', async () => {
    const { scenarios, proc, stopped } = fakeSuite(specs);
    const broken: Scenario = {
      id: 'broken',
      title: 'broken',
      kind: 'floor',
      start: () => Promise.reject(new Error('did not start')),
    };
    await expect(
      measureInterleaved([...scenarios, broken], context, settings, proc),
    ).rejects.toThrow('did not start');
    expect(stopped.sort()).toEqual(['a', 'b']);
  });
});
