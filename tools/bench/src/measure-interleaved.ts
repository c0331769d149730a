// One run of the suite, interleaved: every scenario is started and warmed up first, then the
// measured time is cut into short slices taken round-robin (A B C … A B C …), and each scenario's
// slices are added up. A shared machine's speed drifts by tens of percent over tens of seconds; with
// slices, every scenario sees the same drift, so ratios between scenarios measure the code, not the
// moment it was measured at (ADR 009).
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
  /** Peak RSS of each server process, by name. */
  peakRssBytes: Record<string, number>;
}

/** How a process's CPU time and peak memory are read (from /proc by default). */
export interface ProcReader {
  cpuMicros(pid: number): number;
  peakRssBytes(pid: number): number;
}

interface Tally {
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
  { durationSeconds, warmupSeconds, sliceSeconds, connections }: LoadSettings,
  proc: ProcReader = { cpuMicros, peakRssBytes },
): Promise<Record<string, Measurement>> {
  const tallies = new Map<Scenario, Tally>();
  try {
    for (const scenario of scenarios) {
      const started = await scenario.start(context);
      tallies.set(scenario, {
        started,
        latencies: createLatencyRecorder(),
        requests: 0,
        errors: 0,
        seconds: 0,
        cpu: started.processes.map(() => 0),
      });
    }
    for (const { started } of tallies.values()) {
      if (warmupSeconds > 0) {
        await started.load({
          durationSeconds: warmupSeconds,
          connections,
          latencies: createLatencyRecorder(),
        });
      }
    }
    const rounds = Math.max(1, Math.round(durationSeconds / sliceSeconds));
    for (let round = 0; round < rounds; round++) {
      for (const tally of tallies.values()) {
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
      [...tallies].map(([scenario, tally]) => [scenario.id, measurementOf(scenario, tally, proc)]),
    );
  } finally {
    await Promise.all(
      [...tallies.values()].flatMap(({ started }) => started.processes.map((p) => p.stop())),
    );
  }
}

function measurementOf(scenario: Scenario, tally: Tally, proc: ProcReader): Measurement {
  const { processes } = tally.started;
  const perRequest = (micros: number) => (tally.requests ? micros / tally.requests : NaN);
  return {
    scenario: scenario.id,
    requests: tally.requests,
    durationSeconds: tally.seconds,
    errors: tally.errors,
    requestsPerSecond: tally.requests / tally.seconds,
    p50Ms: tally.latencies.percentileMs(50),
    p99Ms: tally.latencies.percentileMs(99),
    cpuMicrosPerRequest: perRequest(tally.cpu.reduce((sum, micros) => sum + micros, 0)),
    cpuMicrosPerRequestByProcess: Object.fromEntries(
      processes.map((p, i) => [p.name, perRequest(tally.cpu[i]!)]),
    ),
    peakRssBytes: Object.fromEntries(processes.map((p) => [p.name, proc.peakRssBytes(p.pid)])),
  };
}
