import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchCompileCache, mirrorCompileCache } from '../src/compile-cache.ts';

// A workspace with one service whose image cache is made the way `nx compile-cache` makes it:
// NODE_COMPILE_CACHE=dist/compile-cache (portable) from the service folder, the folder then
// renamed for the image's user.
const workspace = mkdtempSync(join(tmpdir(), 'bench-compile-cache-'));
const serviceRoot = join(workspace, 'services', 'shop');
mkdirSync(join(serviceRoot, 'dist'), { recursive: true });
writeFileSync(
  join(serviceRoot, 'dist', 'main.js'),
  'export const sum = (values) => values.reduce((a, b) => a + b, 0);\nconsole.log(sum([1, 2]));\n',
);
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Runs the bundle with `cache` as NODE_COMPILE_CACHE; returns Node's compile-cache debug lines. */
function runBundle(cache: string, cwd: string): string {
  const run = spawnSync(process.execPath, [join(serviceRoot, 'dist', 'main.js')], {
    cwd,
    env: {
      PATH: process.env['PATH'],
      NODE_COMPILE_CACHE: cache,
      NODE_COMPILE_CACHE_PORTABLE: '1',
      NODE_DEBUG_NATIVE: 'COMPILE_CACHE',
    },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the bundle failed:\n${run.stderr}`);
  return run.stderr;
}

const entries = (cache: string) =>
  readdirSync(cache).flatMap((folder) => readdirSync(join(cache, folder)));

describe('mirrorCompileCache', () => {
  it("gives the bench a copy of the image's cache that a bundle started here reads", () => {
    const imageCache = join(serviceRoot, 'dist', 'compile-cache');
    runBundle('dist/compile-cache', serviceRoot);
    for (const folder of readdirSync(imageCache))
      renameSync(join(imageCache, folder), join(imageCache, folder.replace(/-\d+$/, '-65532')));

    mirrorCompileCache(workspace, 'shop', 'dist/compile-cache');
    const copy = benchCompileCache(workspace, 'shop', 'dist/compile-cache');
    const copied = entries(copy);
    const debug = runBundle(copy, workspace);

    expect(readdirSync(copy)).toEqual([
      expect.stringMatching(new RegExp(`-${process.getuid?.() ?? 0}$`)),
    ]);
    expect(debug).toMatch(/was accepted/);
    // Found, not made anew: no second entry next to the image's.
    expect(entries(copy)).toEqual(copied);
  });
});
