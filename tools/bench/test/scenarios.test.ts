import { describe, expect, it } from 'vitest';
import type { Measurement } from '../src/measure-scenario.ts';
import { ratiosOf } from '../src/ratios.ts';
import { scenarios } from '../src/scenarios.ts';

describe('the scenarios', () => {
  const ids = scenarios.map((scenario) => scenario.id);

  it('have unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('include every scenario a ratio needs', () => {
    const measured = Object.fromEntries(
      ids.map((id) => [id, { cpuMicrosPerRequest: 1, requestsPerSecond: 1 } as Measurement]),
    );
    expect(() => ratiosOf(measured)).not.toThrow();
  });

  it('measure each page right before the floor it is compared with', () => {
    expect(ids[ids.indexOf('page-http') + 1]).toBe('floor-undici');
    expect(ids[ids.indexOf('page-grpc') + 1]).toBe('floor-grpc');
  });
});
