// The numbers the benchmark is for: ratios between scenarios measured in the same run (absolute
// figures drift with the machine; ratios much less), and the performance budget judged from them.
import type { Measurement } from './measure-interleaved.ts';

export interface Ratio {
  label: string;
  value: number;
  /**
   * For CPU ratios of scenarios measured as several instances: the lowest and the highest ratio of
   * one instance of the scenario to one instance of the other. Each process keeps its own speed for
   * life, so this is how far the choice of processes alone moves the ratio.
   */
  byInstance?: { min: number; max: number };
  /** For budget ratios: the limit and whether `value` must stay at or below it, or above it. */
  budget?: { limit: number; kind: 'at most' | 'more than' };
}

type Run = Record<string, Measurement>;

/** `id`'s CPU per request ÷ `floorId`'s, with its range over pairs of single instances. */
function cpuRatio(run: Run, id: string, floorId: string): Pick<Ratio, 'value' | 'byInstance'> {
  const scenario = need(run, id);
  const floor = need(run, floorId);
  const pairs = scenario.cpuMicrosPerRequestByInstance.flatMap((mine) =>
    floor.cpuMicrosPerRequestByInstance.map((theirs) => mine / theirs),
  );
  return {
    value: scenario.cpuMicrosPerRequest / floor.cpuMicrosPerRequest,
    ...(pairs.length > 1 && { byInstance: { min: Math.min(...pairs), max: Math.max(...pairs) } }),
  };
}
const rps = (run: Run, id: string) => need(run, id).requestsPerSecond;

function need(run: Run, id: string): Measurement {
  const measurement = run[id];
  if (!measurement) throw new Error(`scenario ${id} was not measured in this run`);
  return measurement;
}

export function ratiosOf(run: Run): Ratio[] {
  return [
    {
      label: 'page over HTTP, CPU/request ÷ bare undici hop',
      ...cpuRatio(run, 'page-http', 'floor-undici'),
      budget: { limit: 1.25, kind: 'at most' },
    },
    {
      label: 'page over gRPC, CPU/request ÷ bare grpc-js hop',
      ...cpuRatio(run, 'page-grpc', 'floor-grpc'),
      budget: { limit: 1.25, kind: 'at most' },
    },
    {
      label: 'page over HTTP, req/s ÷ naive fetch() design',
      value: rps(run, 'page-http') / rps(run, 'floor-fetch'),
      budget: { limit: 1, kind: 'more than' },
    },
    {
      label: 'page over HTTP, CPU/request ÷ bare Fastify undici hop (same framework)',
      ...cpuRatio(run, 'page-http', 'floor-fastify-undici'),
    },
    {
      label: 'backend HTTP API, CPU/request ÷ bare express JSON',
      ...cpuRatio(run, 'backend-http', 'floor-express-json'),
    },
    {
      label: 'backend HTTP API, CPU/request ÷ bare Fastify JSON',
      ...cpuRatio(run, 'backend-http', 'floor-fastify-json'),
    },
    {
      label: 'backend gRPC API, CPU/request ÷ bare grpc-js server',
      ...cpuRatio(run, 'backend-grpc', 'floor-grpc-server'),
    },
    {
      label: "heap settings: bare undici hop with the services' ÷ with Node's defaults (CPU)",
      ...cpuRatio(run, 'floor-undici', 'floor-undici-node-defaults'),
    },
    {
      label: "heap settings: bare grpc-js hop with the services' ÷ with Node's defaults (CPU)",
      ...cpuRatio(run, 'floor-grpc', 'floor-grpc-node-defaults'),
    },
    {
      label: 'lesson: HTTP/JSON hop ÷ in-process page (CPU)',
      ...cpuRatio(run, 'floor-undici', 'floor-in-process'),
    },
    {
      label: 'lesson: gRPC hop ÷ in-process page (CPU)',
      ...cpuRatio(run, 'floor-grpc', 'floor-in-process'),
    },
    {
      label: 'lesson: gRPC hop ÷ HTTP/JSON hop (CPU)',
      ...cpuRatio(run, 'floor-grpc', 'floor-undici'),
    },
    {
      label: 'lesson: express ÷ Fastify, the same page over the same hop (CPU)',
      ...cpuRatio(run, 'floor-undici', 'floor-fastify-undici'),
    },
    {
      label: 'lesson: naive fetch() ÷ undici Pool hop (CPU)',
      ...cpuRatio(run, 'floor-fetch', 'floor-undici'),
    },
    {
      label: 'lesson: in-process express page ÷ bare node:http (CPU)',
      ...cpuRatio(run, 'floor-in-process', 'floor-node-http'),
    },
  ];
}

export function withinBudget({ value, budget }: Ratio): boolean | undefined {
  if (!budget) return undefined;
  return budget.kind === 'at most' ? value <= budget.limit : value > budget.limit;
}

/** `1.18–1.39`: the ratio's range over pairs of single instances; empty when there is none. */
export function instanceRange({ byInstance }: Ratio): string {
  return byInstance ? `${byInstance.min.toFixed(2)}–${byInstance.max.toFixed(2)}` : '';
}
