// The numbers the benchmark is for: ratios between scenarios measured in the same run (absolute
// figures drift with the machine; ratios much less), and the performance budget judged from them.
import type { Measurement } from './measure-interleaved.ts';

export interface Ratio {
  label: string;
  value: number;
  /** For budget ratios: the limit and whether `value` must stay at or below it, or above it. */
  budget?: { limit: number; kind: 'at most' | 'more than' };
}

type Run = Record<string, Measurement>;

const cpu = (run: Run, id: string) => need(run, id).cpuMicrosPerRequest;
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
      value: cpu(run, 'page-http') / cpu(run, 'floor-undici'),
      budget: { limit: 1.25, kind: 'at most' },
    },
    {
      label: 'page over gRPC, CPU/request ÷ bare grpc-js hop',
      value: cpu(run, 'page-grpc') / cpu(run, 'floor-grpc'),
      budget: { limit: 1.25, kind: 'at most' },
    },
    {
      label: 'page over HTTP, req/s ÷ naive fetch() design',
      value: rps(run, 'page-http') / rps(run, 'floor-fetch'),
      budget: { limit: 1, kind: 'more than' },
    },
    {
      label: 'page over HTTP, CPU/request ÷ bare Fastify undici hop (same framework)',
      value: cpu(run, 'page-http') / cpu(run, 'floor-fastify-undici'),
    },
    {
      label: 'backend HTTP API, CPU/request ÷ bare express JSON',
      value: cpu(run, 'backend-http') / cpu(run, 'floor-express-json'),
    },
    {
      label: 'backend HTTP API, CPU/request ÷ bare Fastify JSON',
      value: cpu(run, 'backend-http') / cpu(run, 'floor-fastify-json'),
    },
    {
      label: 'backend gRPC API, CPU/request ÷ bare grpc-js server',
      value: cpu(run, 'backend-grpc') / cpu(run, 'floor-grpc-server'),
    },
    {
      label: 'lesson: HTTP/JSON hop ÷ in-process page (CPU)',
      value: cpu(run, 'floor-undici') / cpu(run, 'floor-in-process'),
    },
    {
      label: 'lesson: gRPC hop ÷ in-process page (CPU)',
      value: cpu(run, 'floor-grpc') / cpu(run, 'floor-in-process'),
    },
    {
      label: 'lesson: gRPC hop ÷ HTTP/JSON hop (CPU)',
      value: cpu(run, 'floor-grpc') / cpu(run, 'floor-undici'),
    },
    {
      label: 'lesson: express ÷ Fastify, the same page over the same hop (CPU)',
      value: cpu(run, 'floor-undici') / cpu(run, 'floor-fastify-undici'),
    },
    {
      label: 'lesson: naive fetch() ÷ undici Pool hop (CPU)',
      value: cpu(run, 'floor-fetch') / cpu(run, 'floor-undici'),
    },
    {
      label: 'lesson: in-process express page ÷ bare node:http (CPU)',
      value: cpu(run, 'floor-in-process') / cpu(run, 'floor-node-http'),
    },
  ];
}

export function withinBudget({ value, budget }: Ratio): boolean | undefined {
  if (!budget) return undefined;
  return budget.kind === 'at most' ? value <= budget.limit : value > budget.limit;
}
