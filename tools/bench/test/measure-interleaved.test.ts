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
 * `requestsPerSlice` requests per slice; everything that happens is written to `events`. Each start
 * makes a new process (pid + 1000 per earlier start), whose cost can differ: `cpuPerRequest` may
 * list one figure per instance.
 */
function fakeSuite(
  specs: {
    id: string;
    pid: number;
    cpuPerRequest: number | number[];
    requestsPerSlice: number | number[];
  }[],
) {
  const events: string[] = [];
  const cpu = new Map<number, number>();
  const stopped: string[] = [];
  const proc: ProcReader = {
    cpuMicros: (pid) => cpu.get(pid) ?? 0,
    peakRssBytes: (pid) => pid * 1000,
  };
  const scenarios: Scenario[] = specs.map((spec) => {
    let starts = 0;
    return {
      id: spec.id,
      title: spec.id,
      kind: 'floor',
      async start({ logsDir }) {
        const { id } = spec;
        const instance = starts++;
        const pid = spec.pid + 1000 * instance;
        const cpuPerRequest = [spec.cpuPerRequest].flat()[instance]!;
        const requestsPerSlice = [spec.requestsPerSlice].flat()[instance]!;
        const where = logsDir === context.logsDir ? '' : ` in ${logsDir}`;
        events.push(`start ${id}${instance ? `#${instance + 1}` : ''}${where}`);
        const process: BenchProcess = {
          name: id,
          pid,
          ready: {},
          stop: async () => void stopped.push(`${id}${instance ? `#${instance + 1}` : ''}`),
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
    };
  });
  return { scenarios, proc, events, stopped };
}

describe('measureInterleaved', () => {
  const specs = [
    { id: 'a', pid: 11, cpuPerRequest: 100, requestsPerSlice: 50 },
    { id: 'b', pid: 22, cpuPerRequest: 300, requestsPerSlice: 20 },
  ];

  it('starts everything, then warms up and measures in slices taken in turn', async () => {
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

  it('cuts a long warm-up into slices taken in turn too, so no process idles longer', async () => {
    const { scenarios, proc, events } = fakeSuite(specs);
    await measureInterleaved(scenarios, context, { ...settings, warmupSeconds: 4 }, proc);
    expect(events.slice(2, 6)).toEqual(['load a 2s', 'load b 2s', 'load a 2s', 'load b 2s']);
    expect(events).toHaveLength(2 + 4 + 6);
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

  it("pools the slices of a scenario's instances, each a fresh process", async () => {
    const { scenarios, proc, events, stopped } = fakeSuite([
      // The second process of `a` is slower and answers fewer requests per slice.
      { id: 'a', pid: 11, cpuPerRequest: [100, 130], requestsPerSlice: [60, 40] },
    ]);
    const results = await measureInterleaved(
      scenarios,
      { ...context, logsDir: '/logs' },
      { ...settings, instances: 2 },
      proc,
    );
    expect(events).toEqual([
      'start a in /logs/instance-1',
      'start a#2 in /logs/instance-2',
      'load a 1s',
      'load a 1s',
      ...Array.from({ length: 3 }, () => ['load a 2s', 'load a 2s']).flat(),
    ]);
    // 3 slices each: 180 requests at 100 µs and 120 at 130 µs, pooled.
    expect(results['a']).toMatchObject({
      requests: 300,
      durationSeconds: 6,
      requestsPerSecond: 25,
      cpuMicrosPerRequest: (180 * 100 + 120 * 130) / 300,
      cpuMicrosPerRequestByProcess: { a: (180 * 100 + 120 * 130) / 300 },
      cpuMicrosPerRequestByInstance: [100, 130],
      peakRssBytes: { a: 1_011_000 },
    });
    expect(stopped.sort()).toEqual(['a', 'a#2']);
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
