import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const startScript = fileURLToPath(new URL('../start.cjs', import.meta.url));

// A dist/ folder as the build makes it: start.cjs next to a CommonJS bundle, main.cjs. The bundle
// prints what it sees of the CommonJS module scope; with CALLS, it first calls 300 functions that
// V8 compiles only when they are called (as it compiles a bundle's modules).
const bundle = (marker: string) => `
const path = require('node:path');
const sameExports = module.exports === exports;
const functions = [${Array.from({ length: 300 }, (_, i) => `(x) => x * ${i} + ${JSON.stringify(marker)}.length`).join(', ')}];
if (process.env.CALLS) functions.forEach((f, i) => f(i));
if (process.env.SET_FLAG) require('node:v8').setFlagsFromString('--heap-growing-percent=100');
module.exports = { ok: true };
console.log(JSON.stringify({
  marker: ${JSON.stringify(marker)},
  filename: __filename,
  dirname: __dirname,
  exports: sameExports,
  join: typeof path.join,
}));
`;

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'start-cjs-'));
  copyFileSync(startScript, join(dist, 'start.cjs'));
  writeFileSync(join(dist, 'main.cjs'), bundle('first'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** Runs `node di../start.cjs` with NODE_DEBUG=code-cache; its output and the debug lines. */
function start(env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(dist, 'start.cjs')], {
    env: { PATH: process.env['PATH'], NODE_DEBUG: 'code-cache', ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`start.cjs failed (${run.status}):\n${run.stderr}`);
  return { printed: JSON.parse(run.stdout) as Record<string, unknown>, debug: run.stderr };
}

const cacheFile = () => join(dist, 'main.code-cache');

describe('start.cjs', () => {
  it('runs main.cjs next to it as a CommonJS module, without a cache when there is none', () => {
    const { printed, debug } = start();

    expect(printed).toEqual({
      marker: 'first',
      filename: join(dist, 'main.cjs'),
      dirname: dist,
      exports: true,
      join: 'function',
    });
    expect(debug).toMatch(/no cache/);
    expect(existsSync(cacheFile())).toBe(false);
  });

  it('with CODE_CACHE_WRITE=1, writes a cache on exit that the next start uses', () => {
    start({ CODE_CACHE_WRITE: '1' });
    expect(existsSync(cacheFile())).toBe(true);

    const { printed, debug } = start();
    expect(printed['marker']).toBe('first');
    expect(debug).toMatch(/accepted .*main\.code-cache/);
  });

  it('writes the functions the run compiled into the cache, not only the top-level code', () => {
    start({ CODE_CACHE_WRITE: '1' });
    const topLevelOnly = statSync(cacheFile()).size;
    start({ CODE_CACHE_WRITE: '1', CALLS: '1' });
    const withCalledFunctions = statSync(cacheFile()).size;

    // 300 compiled functions more.
    expect(withCalledFunctions).toBeGreaterThan(topLevelOnly + 300 * 20);
  });

  it("keeps the cache valid when the service sets a V8 flag once started (the flag hash it's keyed on)", () => {
    start({ CODE_CACHE_WRITE: '1', SET_FLAG: '1' });

    expect(start().debug).toMatch(/accepted .*main\.code-cache/);
  });

  it('compiles a bundle that changed since the cache was made, and runs it', () => {
    start({ CODE_CACHE_WRITE: '1' });
    writeFileSync(join(dist, 'main.cjs'), bundle('second'));

    const { printed, debug } = start();
    expect(printed['marker']).toBe('second');
    expect(debug).toMatch(/rejected .*main\.code-cache/);
  });
});
