import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const heapGrowth = fileURLToPath(new URL('./heap-growth.ts', import.meta.url));

/**
 * The factor by which V8 lets the old generation grow after a full collection, in a fresh Node
 * process with the services' heap limits, as V8's own trace reports it (`[HeapController] factor`).
 */
function growingFactorAfterFullCollection(apply: boolean): number {
  const probe = `
    import { applyHeapGrowingFlag } from ${JSON.stringify(heapGrowth)};
    if (${apply}) applyHeapGrowingFlag();
    globalThis.gc();
  `;
  const trace = execFileSync(
    process.execPath,
    [
      '--max-semi-space-size=4',
      '--max-old-space-size=96',
      '--trace-gc-verbose',
      '--expose-gc',
      '--input-type=module',
      '-e',
      probe,
    ],
    { encoding: 'utf8' },
  );
  const factors = [...trace.matchAll(/\[HeapController\] factor (\d+(?:\.\d+)?)/g)];
  if (factors.length === 0) throw new Error(`no [HeapController] line in V8's trace:\n${trace}`);
  return Number(factors.at(-1)![1]);
}

describe('applyHeapGrowingFlag', () => {
  it('makes V8 grow a heap under a 96 MB limit 2× between full collections, set at run time', () => {
    // V8's own factor for a heap this small.
    expect(growingFactorAfterFullCollection(false)).toBe(1.3);
    expect(growingFactorAfterFullCollection(true)).toBe(2);
  });
});
