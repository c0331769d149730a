import { describe, expect, it } from 'vitest';
import type { Measurement } from '../src/measure-interleaved.ts';
import { ratiosOf } from '../src/ratios.ts';
import { scenarios } from '../src/scenarios.ts';

describe('the scenarios', () => {
  const ids = scenarios.map((scenario) => scenario.id);

  it('have unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('include every scenario a ratio needs', () => {
    const measured = Object.fromEntries(
      ids.map((id) => [
        id,
        {
          cpuMicrosPerRequest: 1,
          requestsPerSecond: 1,
          cpuMicrosPerRequestByInstance: [1, 1],
        } as Measurement,
      ]),
    );
    expect(() => ratiosOf(measured)).not.toThrow();
  });

  it('list each page next to the floors it is compared with', () => {
    expect(ids.slice(ids.indexOf('page-http'), ids.indexOf('page-http') + 5)).toEqual([
      'page-http',
      'floor-undici',
      'floor-fastify-undici',
      'floor-undici-node-defaults',
      'page-http-node-defaults',
    ]);
    expect(ids.slice(ids.indexOf('page-grpc'), ids.indexOf('page-grpc') + 4)).toEqual([
      'page-grpc',
      'floor-grpc',
      'floor-grpc-node-defaults',
      'page-grpc-node-defaults',
    ]);
  });

  it("say which run on Node's defaults: a page and its floor, for each transport", () => {
    const onDefaults = scenarios.filter((scenario) => scenario.runtime === 'node-defaults');
    expect(onDefaults.map((scenario) => scenario.id).sort()).toEqual([
      'floor-grpc-node-defaults',
      'floor-undici-node-defaults',
      'page-grpc-node-defaults',
      'page-http-node-defaults',
    ]);
    expect(ids.filter((id) => id.endsWith('-node-defaults')).sort()).toEqual(
      onDefaults.map((scenario) => scenario.id).sort(),
    );
  });
});
