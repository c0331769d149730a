// @ts-check
// How an image starts its service: the bundle next to this file (main.cjs), compiled with a V8 code
// cache (main.code-cache) made at the end of a start, so the functions a start runs come compiled
// from the cache instead of being compiled one by one as they are first called. Node's own compile
// cache (NODE_COMPILE_CACHE) is made as a file is compiled, before any of it runs, so it holds the
// top-level code only: in a bundle every module is a function that V8 compiles on its first call
// (~100 ms of a ~250 ms start-to-ready; ADR 015).
//   node [flags] dist/start.cjs                      the service, from the cache if V8 accepts it
//   CODE_CACHE_WRITE=1 node [flags] dist/start.cjs   the same, and writes the cache on exit
// V8 ignores a cache made by another V8 version, under other V8 flags or for another bundle; the
// bundle then compiles as without one. NODE_DEBUG=code-cache says which.
// Plain JavaScript, type-checked (TypeScript here would cost every start ~40 ms of type stripping),
// and Node's modules through getBuiltinModule: no ESM loader, no ESM facades.
'use strict';
const { readFileSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { join } = process.getBuiltinModule('node:path');
const { debuglog } = process.getBuiltinModule('node:util');
const v8 = process.getBuiltinModule('node:v8');
const { compileFunction } = process.getBuiltinModule('node:vm');

const bundle = join(__dirname, 'main.cjs');
const cacheFile = join(__dirname, 'main.code-cache');
const debug = debuglog('code-cache');

/** @returns {Buffer | undefined} */
function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
    throw error;
  }
}

const cachedData = readCache();
const source = readFileSync(bundle, 'utf8');
// Compiled as Node compiles a CommonJS module (a function of these parameters). Not vm.Script: code
// run from a vm.Script cost the shop's gRPC page ~40 % more CPU per request, steadily.
const parameters = ['exports', 'require', 'module', '__filename', '__dirname'];
const main = compileFunction(source, parameters, {
  filename: bundle,
  ...(cachedData && { cachedData }),
});
debug(
  cachedData
    ? `${/** @type {{ cachedDataRejected?: boolean }} */ (main).cachedDataRejected ? 'rejected' : 'accepted'} ${cacheFile}`
    : 'no cache',
);

if (process.env['CODE_CACHE_WRITE'] === '1') {
  // V8 keys a cache on its flags, and a service sets one once started (applyHeapGrowingFlag): made
  // after that, the cache would be keyed on flags the next start does not begin with. While making
  // the cache, run-time flag changes are not applied.
  v8.setFlagsFromString = () => undefined;
  process.once('exit', () => {
    // The same source and file again: V8 finds the function it compiled at start in its own
    // compilation cache, with every inner function the run compiled since, and serializes that.
    const again = compileFunction(source, parameters, {
      filename: bundle,
      produceCachedData: true,
    });
    const made = /** @type {{ cachedData?: Buffer }} */ (again).cachedData;
    if (!made) throw new Error(`V8 made no code cache for ${bundle}`);
    writeFileSync(cacheFile, made);
    debug(`wrote ${cacheFile}`);
  });
}

const bundleModule = { exports: {} };
main(bundleModule.exports, createRequire(bundle), bundleModule, bundle, __dirname);
