import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const heapGrowth = fileURLToPath(new URL('./heap-growth.ts', import.meta.url));

const servicesHeapLimits = ['--max-semi-space-size=4', '--max-old-space-size=96'];

/**
 * The factor by which V8 lets the old generation grow after a full collection, in a fresh Node
 * process with `nodeFlags`, as V8's own trace reports it (`[HeapController] factor`), and what
 * `applyHeapGrowingFlag` returned, if it was called.
 */
function growingFactorAfterFullCollection(
  apply: boolean,
  nodeFlags = servicesHeapLimits,
): { factor: number; applied?: boolean } {
  const probe = `
    import { applyHeapGrowingFlag } from ${JSON.stringify(heapGrowth)};
    const applied = ${apply} ? applyHeapGrowingFlag() : undefined;
    globalThis.gc();
    console.log(JSON.stringify({ applied }));
  `;
  const trace = execFileSync(
    process.execPath,
    [...nodeFlags, '--trace-gc-verbose', '--expose-gc', '--input-type=module', '-e', probe],
    { encoding: 'utf8' },
  );
  const factors = [...trace.matchAll(/\[HeapController\] factor (\d+(?:\.\d+)?)/g)];
  if (factors.length === 0) throw new Error(`no [HeapController] line in V8's trace:\n${trace}`);
  const { applied } = JSON.parse(trace.trim().split('\n').at(-1)!) as { applied?: boolean };
  return { factor: Number(factors.at(-1)![1]), ...(applied !== undefined && { applied }) };
}

describe('applyHeapGrowingFlag', () => {
  it('makes V8 grow a heap under a 96 MB limit 2× between full collections, set at run time', () => {
    // V8's own factor for a heap this small.
    expect(growingFactorAfterFullCollection(false)).toEqual({ factor: 1.3 });
    expect(growingFactorAfterFullCollection(true)).toEqual({ factor: 2, applied: true });
  });

  it("leaves V8's own, larger factor of a heap limited to 2 GB or more", () => {
    const large = ['--max-old-space-size=4096'];
    expect(growingFactorAfterFullCollection(false, large)).toEqual({ factor: 4 });
    expect(growingFactorAfterFullCollection(true, large)).toEqual({ factor: 4, applied: false });
  });
});
