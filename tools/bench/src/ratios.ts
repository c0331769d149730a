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

/** One ratio the bench prints: scenario `of` ÷ scenario `to`, by CPU per request unless said. */
interface RatioSpec {
  label: string;
  of: string;
  to: string;
  measure?: 'req/s';
  budget?: Ratio['budget'];
}

const atMost125 = { limit: 1.25, kind: 'at most' } as const;

const ratioSpecs: RatioSpec[] = [
  {
    label: 'page over HTTP, CPU/request ÷ bare undici hop',
    of: 'page-http',
    to: 'floor-undici',
    budget: atMost125,
  },
  {
    label: 'page over gRPC, CPU/request ÷ bare grpc-js hop',
    of: 'page-grpc',
    to: 'floor-grpc',
    budget: atMost125,
  },
  {
    label: 'page over HTTP, req/s ÷ naive fetch() design',
    of: 'page-http',
    to: 'floor-fetch',
    measure: 'req/s',
    budget: { limit: 1, kind: 'more than' },
  },
  {
    label: 'page over HTTP, CPU/request ÷ bare Fastify undici hop (same framework)',
    of: 'page-http',
    to: 'floor-fastify-undici',
  },
  {
    label: 'backend HTTP API, CPU/request ÷ bare express JSON',
    of: 'backend-http',
    to: 'floor-express-json',
  },
  {
    label: 'backend HTTP API, CPU/request ÷ bare Fastify JSON',
    of: 'backend-http',
    to: 'floor-fastify-json',
  },
  {
    label: 'backend gRPC API, CPU/request ÷ bare grpc-js server',
    of: 'backend-grpc',
    to: 'floor-grpc-server',
  },
  {
    label: "heap settings: bare undici hop with the services' ÷ with Node's defaults (CPU)",
    of: 'floor-undici',
    to: 'floor-undici-node-defaults',
  },
  {
    label: "heap settings: bare grpc-js hop with the services' ÷ with Node's defaults (CPU)",
    of: 'floor-grpc',
    to: 'floor-grpc-node-defaults',
  },
  // What a harness of one's own that runs the floors as plain `node script` compares (ADR 016): the
  // shop as shipped against those floors, and the shop run as plain node against them. Not budget
  // lines: on Node's default heap a process's cost varies more from run to run.
  {
    label: "page over HTTP as shipped ÷ bare undici hop on Node's defaults (CPU)",
    of: 'page-http',
    to: 'floor-undici-node-defaults',
  },
  {
    label: "page over gRPC as shipped ÷ bare grpc-js hop on Node's defaults (CPU)",
    of: 'page-grpc',
    to: 'floor-grpc-node-defaults',
  },
  {
    label: "both on Node's defaults: page over HTTP ÷ bare undici hop (CPU)",
    of: 'page-http-node-defaults',
    to: 'floor-undici-node-defaults',
  },
  {
    label: "both on Node's defaults: page over gRPC ÷ bare grpc-js hop (CPU)",
    of: 'page-grpc-node-defaults',
    to: 'floor-grpc-node-defaults',
  },
  {
    label: 'lesson: HTTP/JSON hop ÷ in-process page (CPU)',
    of: 'floor-undici',
    to: 'floor-in-process',
  },
  { label: 'lesson: gRPC hop ÷ in-process page (CPU)', of: 'floor-grpc', to: 'floor-in-process' },
  { label: 'lesson: gRPC hop ÷ HTTP/JSON hop (CPU)', of: 'floor-grpc', to: 'floor-undici' },
  {
    label: 'lesson: express ÷ Fastify, the same page over the same hop (CPU)',
    of: 'floor-undici',
    to: 'floor-fastify-undici',
  },
  { label: 'lesson: naive fetch() ÷ undici Pool hop (CPU)', of: 'floor-fetch', to: 'floor-undici' },
  {
    label: 'lesson: in-process express page ÷ bare node:http (CPU)',
    of: 'floor-in-process',
    to: 'floor-node-http',
  },
];

/**
 * The ratios of a run, in the order printed. Each needs both its scenarios: a missing one throws,
 * unless `measuredOnly`, which leaves out the ratios of scenarios the run did not measure (`--only`).
 */
export function ratiosOf(run: Run, { measuredOnly = false } = {}): Ratio[] {
  return ratioSpecs
    .filter(({ of, to }) => !measuredOnly || (of in run && to in run))
    .map(({ label, of, to, measure, budget }) => ({
      label,
      ...(measure === 'req/s' ? { value: rps(run, of) / rps(run, to) } : cpuRatio(run, of, to)),
      ...(budget && { budget }),
    }));
}

export function withinBudget({ value, budget }: Ratio): boolean | undefined {
  if (!budget) return undefined;
  return budget.kind === 'at most' ? value <= budget.limit : value > budget.limit;
}

/** `1.18–1.39`: the ratio's range over pairs of single instances; empty when there is none. */
export function instanceRange({ byInstance }: Ratio): string {
  return byInstance ? `${byInstance.min.toFixed(2)}–${byInstance.max.toFixed(2)}` : '';
}
