// One run of the suite, interleaved: every scenario is started first, then warmed up and measured
// in short slices taken round-robin (A B C … A B C …), and each scenario's measured slices are
// added up. A shared machine's speed drifts by tens of percent over tens of seconds; with
// slices, every scenario sees the same drift, so ratios between scenarios measure the code, not the
// moment it was measured at (ADR 009).
// Each scenario can run as several instances (fresh processes each): a process keeps its own speed
// for its whole life (its JIT's decisions, its memory layout), so two identical processes in one run
// differ by up to 7 %. Pooling the slices of two or more instances averages that out.
import { join } from 'node:path';
import { createLatencyRecorder, type LatencyRecorder } from './latency-recorder.ts';
import { cpuMicros, peakRssBytes } from './proc-stats.ts';
import type { Scenario, ScenarioContext, StartedScenario } from './scenarios.ts';

export interface LoadSettings {
  /** Measured seconds per scenario, over all its slices. */
  durationSeconds: number;
  /** Seconds of load per scenario before measuring (JIT, pools, caches). */
  warmupSeconds: number;
  /** Seconds of one slice. */
  sliceSeconds: number;
  connections: number;
  /** Fresh instances (process sets) per scenario, each warmed up and measured for `durationSeconds`. */
  instances?: number;
}

export interface Measurement {
  scenario: string;
  /** Completed requests in the measured slices. */
  requests: number;
  durationSeconds: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the scenario's server processes (not the load generator) per request. */
  cpuMicrosPerRequest: number;
  /** The same, for each server process, by name. */
  cpuMicrosPerRequestByProcess: Record<string, number>;
  /** Peak RSS of each server process, by name (the highest of its instances). */
  peakRssBytes: Record<string, number>;
  /** CPU µs per request of each instance on its own (frontend + backend). */
  cpuMicrosPerRequestByInstance: number[];
}

/** How a process's CPU time and peak memory are read (from /proc by default). */
export interface ProcReader {
  cpuMicros(pid: number): number;
  peakRssBytes(pid: number): number;
}

interface Tally {
  scenario: Scenario;
  started: StartedScenario;
  latencies: LatencyRecorder;
  requests: number;
  errors: number;
  seconds: number;
  cpu: number[];
}

export async function measureInterleaved(
  scenarios: readonly Scenario[],
  context: ScenarioContext,
  { durationSeconds, warmupSeconds, sliceSeconds, connections, instances = 1 }: LoadSettings,
  proc: ProcReader = { cpuMicros, peakRssBytes },
): Promise<Record<string, Measurement>> {
  const tallies: Tally[] = [];
  // The instances of a scenario record into one latency histogram.
  const latencies = new Map(scenarios.map((scenario) => [scenario, createLatencyRecorder()]));
  try {
    for (let instance = 1; instance <= instances; instance++) {
      const logsDir =
        instances > 1 ? join(context.logsDir, `instance-${instance}`) : context.logsDir;
      for (const scenario of scenarios) {
        const started = await scenario.start({ ...context, logsDir });
        tallies.push({
          scenario,
          started,
          latencies: latencies.get(scenario)!,
          requests: 0,
          errors: 0,
          seconds: 0,
          cpu: started.processes.map(() => 0),
        });
      }
    }
    // The warm-up is interleaved too, so that every process has the same history when measuring
    // starts: warmed up one after the other, the first ones sat idle for minutes while the rest
    // warmed up, and measured 15–35 % dearer than their second instances (docs/performance.md).
    const warmupRounds = Math.max(1, Math.round(warmupSeconds / sliceSeconds));
    for (let round = 0; warmupSeconds > 0 && round < warmupRounds; round++) {
      for (const { started } of tallies) {
        await started.load({
          durationSeconds: warmupSeconds / warmupRounds,
          connections,
          latencies: createLatencyRecorder(),
        });
      }
    }
    const rounds = Math.max(1, Math.round(durationSeconds / sliceSeconds));
    for (let round = 0; round < rounds; round++) {
      for (const tally of tallies) {
        const { processes, load } = tally.started;
        const before = processes.map((p) => proc.cpuMicros(p.pid));
        const slice = await load({
          durationSeconds: durationSeconds / rounds,
          connections,
          latencies: tally.latencies,
        });
        processes.forEach((p, i) => (tally.cpu[i]! += proc.cpuMicros(p.pid) - before[i]!));
        tally.requests += slice.requests;
        tally.errors += slice.errors;
        tally.seconds += slice.durationSeconds;
      }
    }
    return Object.fromEntries(
      scenarios.map((scenario) => [
        scenario.id,
        measurementOf(
          scenario,
          tallies.filter((tally) => tally.scenario === scenario),
          proc,
        ),
      ]),
    );
  } finally {
    await Promise.all(tallies.flatMap(({ started }) => started.processes.map((p) => p.stop())));
  }
}

/** One scenario's figures: the slices of all its instances, pooled. */
function measurementOf(scenario: Scenario, tallies: Tally[], proc: ProcReader): Measurement {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const requests = sum(tallies.map((tally) => tally.requests));
  const seconds = sum(tallies.map((tally) => tally.seconds));
  const perRequest = (micros: number, count = requests) => (count ? micros / count : NaN);
  const { latencies } = tallies[0]!;
  const names = tallies[0]!.started.processes.map((p) => p.name);
  return {
    scenario: scenario.id,
    requests,
    durationSeconds: seconds / tallies.length,
    errors: sum(tallies.map((tally) => tally.errors)),
    requestsPerSecond: requests / seconds,
    p50Ms: latencies.percentileMs(50),
    p99Ms: latencies.percentileMs(99),
    cpuMicrosPerRequest: perRequest(sum(tallies.flatMap((tally) => tally.cpu))),
    cpuMicrosPerRequestByProcess: Object.fromEntries(
      names.map((name, i) => [name, perRequest(sum(tallies.map((tally) => tally.cpu[i]!)))]),
    ),
    peakRssBytes: Object.fromEntries(
      names.map((name, i) => [
        name,
        Math.max(...tallies.map((tally) => proc.peakRssBytes(tally.started.processes[i]!.pid))),
      ]),
    ),
    cpuMicrosPerRequestByInstance: tallies.map((tally) =>
      perRequest(sum(tally.cpu), tally.requests),
    ),
  };
}
