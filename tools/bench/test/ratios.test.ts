import { describe, expect, it } from 'vitest';
import type { Measurement } from '../src/measure-interleaved.ts';
import { instanceRange, ratiosOf, withinBudget, type Ratio } from '../src/ratios.ts';

/** A measurement where only the two figures the ratios read matter; the rest is deliberately off. */
function measurement(
  scenario: string,
  cpuMicrosPerRequest: number,
  requestsPerSecond: number,
  cpuMicrosPerRequestByInstance = [cpuMicrosPerRequest, cpuMicrosPerRequest],
) {
  return {
    scenario,
    requests: 1_000_000,
    durationSeconds: 1,
    p50Ms: 1,
    p99Ms: 2,
    errors: 0,
    requestsPerSecond,
    cpuMicrosPerRequest,
    cpuMicrosPerRequestByProcess: { frontend: 1, backend: 1 },
    peakRssBytes: { frontend: 1, backend: 1 },
    cpuMicrosPerRequestByInstance,
  } satisfies Measurement;
}

/** Every scenario the ratios read, each with its own CPU and req/s figures, so a mix-up shows. */
function run(
  overrides: Record<string, { cpu?: number; rps?: number; instances?: number[] }> = {},
): Record<string, Measurement> {
  const base: Record<string, { cpu: number; rps: number }> = {
    'page-http': { cpu: 300, rps: 5000 },
    'page-grpc': { cpu: 330, rps: 4500 },
    'backend-http': { cpu: 120, rps: 9000 },
    'backend-grpc': { cpu: 140, rps: 8000 },
    'floor-undici': { cpu: 250, rps: 6000 },
    'floor-fastify-undici': { cpu: 240, rps: 6200 },
    'floor-grpc': { cpu: 275, rps: 5500 },
    'floor-undici-node-defaults': { cpu: 210, rps: 7000 },
    'floor-grpc-node-defaults': { cpu: 220, rps: 6500 },
    'page-http-node-defaults': { cpu: 265, rps: 5600 },
    'page-grpc-node-defaults': { cpu: 290, rps: 5100 },
    'floor-fetch': { cpu: 400, rps: 4000 },
    'floor-in-process': { cpu: 200, rps: 7000 },
    'floor-express-json': { cpu: 100, rps: 10000 },
    'floor-fastify-json': { cpu: 90, rps: 10500 },
    'floor-grpc-server': { cpu: 70, rps: 11000 },
    'floor-node-http': { cpu: 50, rps: 20000 },
  };
  return Object.fromEntries(
    Object.entries(base).map(([id, figures]) => {
      const { cpu, rps, instances } = { ...figures, ...overrides[id] };
      return [id, measurement(id, cpu, rps, instances)];
    }),
  );
}

function ratio(ratios: Ratio[], label: string): Ratio {
  const found = ratios.find((r) => r.label === label);
  if (!found) throw new Error(`no ratio labelled ${label}`);
  return found;
}

const httpPage = 'page over HTTP, CPU/request ÷ bare undici hop';
const grpcPage = 'page over gRPC, CPU/request ÷ bare grpc-js hop';
const httpThroughput = 'page over HTTP, req/s ÷ naive fetch() design';

describe('ratiosOf', () => {
  it('divides the CPU per request of the HTTP page by that of the bare undici floor', () => {
    expect(ratio(ratiosOf(run()), httpPage).value).toBeCloseTo(300 / 250, 12);
  });

  it('divides the CPU per request of the gRPC page by that of the bare grpc-js floor', () => {
    expect(ratio(ratiosOf(run()), grpcPage).value).toBeCloseTo(330 / 275, 12);
  });

  it('divides the req/s of the HTTP page by that of the naive fetch() floor', () => {
    expect(ratio(ratiosOf(run()), httpThroughput).value).toBeCloseTo(5000 / 4000, 12);
  });

  it('sets the HTTP page and backend against the bare Fastify floors too, without a budget', () => {
    const ratios = ratiosOf(run());
    const page = ratio(
      ratios,
      'page over HTTP, CPU/request ÷ bare Fastify undici hop (same framework)',
    );
    expect(page.value).toBeCloseTo(300 / 240, 12);
    expect(page.budget).toBeUndefined();
    expect(ratio(ratios, 'backend HTTP API, CPU/request ÷ bare Fastify JSON').value).toBeCloseTo(
      120 / 90,
      12,
    );
    expect(
      ratio(ratios, 'lesson: express ÷ Fastify, the same page over the same hop (CPU)').value,
    ).toBeCloseTo(250 / 240, 12);
  });

  it('computes the lessons from the floors alone', () => {
    const ratios = ratiosOf(run());
    expect(ratio(ratios, 'lesson: gRPC hop ÷ HTTP/JSON hop (CPU)').value).toBeCloseTo(275 / 250);
    expect(ratio(ratios, 'lesson: HTTP/JSON hop ÷ in-process page (CPU)').value).toBeCloseTo(
      250 / 200,
    );
    expect(ratio(ratios, 'lesson: in-process express page ÷ bare node:http (CPU)').value).toBe(
      200 / 50,
    );
  });

  it("sets each page's floor against the same floor on Node's default heap, without a budget", () => {
    const ratios = ratiosOf(run());
    const http = ratio(
      ratios,
      "heap settings: bare undici hop with the services' ÷ with Node's defaults (CPU)",
    );
    const grpc = ratio(
      ratios,
      "heap settings: bare grpc-js hop with the services' ÷ with Node's defaults (CPU)",
    );
    expect(http.value).toBeCloseTo(250 / 210, 12);
    expect(grpc.value).toBeCloseTo(275 / 220, 12);
    expect([http.budget, grpc.budget]).toEqual([undefined, undefined]);
  });

  it("sets each page against its floor on Node's defaults, as shipped and on Node's defaults too, without a budget", () => {
    const ratios = ratiosOf(run());
    const values = [
      "page over HTTP as shipped ÷ bare undici hop on Node's defaults (CPU)",
      "page over gRPC as shipped ÷ bare grpc-js hop on Node's defaults (CPU)",
      "both on Node's defaults: page over HTTP ÷ bare undici hop (CPU)",
      "both on Node's defaults: page over gRPC ÷ bare grpc-js hop (CPU)",
    ].map((label) => ratio(ratios, label));
    expect(values.map((r) => r.value)).toEqual([300 / 210, 330 / 220, 265 / 210, 290 / 220]);
    expect(values.map((r) => r.budget)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('puts a budget on the two page CPU ratios and the HTTP page throughput only', () => {
    const budgets = Object.fromEntries(ratiosOf(run()).map((r) => [r.label, r.budget]));
    expect(budgets[httpPage]).toEqual({ limit: 1.25, kind: 'at most' });
    expect(budgets[grpcPage]).toEqual({ limit: 1.25, kind: 'at most' });
    expect(budgets[httpThroughput]).toEqual({ limit: 1, kind: 'more than' });
    expect(Object.values(budgets).filter(Boolean)).toHaveLength(3);
  });

  it("ranges a CPU ratio over every pair of the two scenarios' single instances", () => {
    const ratios = ratiosOf(
      run({
        'page-grpc': { cpu: 330, instances: [320, 340] },
        'floor-grpc': { cpu: 275, instances: [260, 290] },
      }),
    );
    const page = ratio(ratios, grpcPage);
    expect(page.value).toBeCloseTo(330 / 275, 12);
    expect(page.byInstance!.min).toBeCloseTo(320 / 290, 12);
    expect(page.byInstance!.max).toBeCloseTo(340 / 260, 12);
    expect(instanceRange(page)).toBe('1.10–1.31');
  });

  it('gives no range when both scenarios ran as one instance, nor for the throughput ratio', () => {
    const ratios = ratiosOf(
      run({
        'page-grpc': { cpu: 330, instances: [330] },
        'floor-grpc': { cpu: 275, instances: [275] },
      }),
    );
    expect(ratio(ratios, grpcPage).byInstance).toBeUndefined();
    expect(instanceRange(ratio(ratios, grpcPage))).toBe('');
    expect(ratio(ratios, httpThroughput).byInstance).toBeUndefined();
  });

  it('throws naming the scenario that was not measured', () => {
    const { 'floor-grpc': _missing, ...partial } = run();
    expect(() => ratiosOf(partial)).toThrow(/scenario floor-grpc was not measured/);
  });

  it('leaves out, when asked, the ratios whose scenarios were not both measured (--only)', () => {
    const { 'page-grpc': page, 'floor-grpc': floor } = run();
    const ratios = ratiosOf({ 'page-grpc': page!, 'floor-grpc': floor! }, { measuredOnly: true });
    expect(ratios.map((r) => [r.label, r.value])).toEqual([[grpcPage, 330 / 275]]);
    expect(ratiosOf({}, { measuredOnly: true })).toEqual([]);
  });
});

describe('withinBudget', () => {
  it('meets an "at most 1.25" budget at exactly 1.25', () => {
    const ratios = ratiosOf(run({ 'page-http': { cpu: 125 }, 'floor-undici': { cpu: 100 } }));
    const page = ratio(ratios, httpPage);
    expect(page.value).toBe(1.25);
    expect(withinBudget(page)).toBe(true);
  });

  it('misses an "at most 1.25" budget at 1.26', () => {
    const ratios = ratiosOf(run({ 'page-http': { cpu: 126 }, 'floor-undici': { cpu: 100 } }));
    const page = ratio(ratios, httpPage);
    expect(page.value).toBeCloseTo(1.26, 12);
    expect(withinBudget(page)).toBe(false);
  });

  it('misses a "more than 1" req/s budget at exactly 1, and meets it just above', () => {
    const equal = ratiosOf(run({ 'page-http': { rps: 4000 }, 'floor-fetch': { rps: 4000 } }));
    expect(ratio(equal, httpThroughput).value).toBe(1);
    expect(withinBudget(ratio(equal, httpThroughput))).toBe(false);

    const faster = ratiosOf(run({ 'page-http': { rps: 4001 }, 'floor-fetch': { rps: 4000 } }));
    expect(withinBudget(ratio(faster, httpThroughput))).toBe(true);
  });

  it('has no verdict for a ratio without a budget', () => {
    expect(withinBudget({ label: 'lesson', value: 99 })).toBeUndefined();
  });
});
