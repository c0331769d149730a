// One measurement of one scenario: start it fresh, warm it up (JIT, connection pools), then load it
// for the measured window while reading its processes' CPU time before and after.
import { cpuMicros, peakRssBytes } from './proc-stats.ts';
import type { LoadResult } from './load-result.ts';
import type { Scenario, ScenarioContext } from './scenarios.ts';

export interface LoadSettings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface Measurement extends LoadResult {
  scenario: string;
  requestsPerSecond: number;
  /** CPU time of the scenario's server processes (not the load generator) per request. */
  cpuMicrosPerRequest: number;
  /** The same, for each server process, by name. */
  cpuMicrosPerRequestByProcess: Record<string, number>;
  /** Peak RSS of each server process, by name. */
  peakRssBytes: Record<string, number>;
}

export async function measureScenario(
  scenario: Scenario,
  context: ScenarioContext,
  { durationSeconds, warmupSeconds, connections }: LoadSettings,
): Promise<Measurement> {
  const { processes, load } = await scenario.start(context);
  try {
    await load({ durationSeconds: warmupSeconds, connections });
    const cpuBefore = processes.map((p) => cpuMicros(p.pid));
    const result = await load({ durationSeconds, connections });
    const cpuUsed = processes.map((p, i) => cpuMicros(p.pid) - cpuBefore[i]!);
    const perRequest = (micros: number) => (result.requests ? micros / result.requests : NaN);
    return {
      scenario: scenario.id,
      ...result,
      requestsPerSecond: result.requests / result.durationSeconds,
      cpuMicrosPerRequest: perRequest(cpuUsed.reduce((sum, micros) => sum + micros, 0)),
      cpuMicrosPerRequestByProcess: Object.fromEntries(
        processes.map((p, i) => [p.name, perRequest(cpuUsed[i]!)]),
      ),
      peakRssBytes: Object.fromEntries(processes.map((p) => [p.name, peakRssBytes(p.pid)])),
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}
