import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * The V8 flag that lets the old generation grow to twice what survived a full collection before the
 * next one. Under the services' 96 MB old-space limit V8 allows only 1.3× (its factor for small
 * heaps): twice the full collections, each marking all the code, ~10 % of a page's CPU (ADR 013).
 */
export const heapGrowingFlag = '--heap-growing-percent=100';

/**
 * From this heap limit up V8 grows the old generation 4× between full collections (its factor for
 * large heaps; 1.3× at 256 MB or less, rising to 2× just under 2 GB): there the flag would lower it.
 */
const largeHeapLimitBytes = 2 * 1024 ** 3;

/**
 * Sets {@link heapGrowingFlag} in this process, once start-up is done, when the heap is limited to
 * less than 2 GB (the services' ENTRYPOINT limits it to 96 MB); on a larger heap, such as Node's
 * default on a large host (`nx serve`), V8's own factor is larger and is left alone. Returns whether
 * it set the flag.
 * The services' `main.ts` call it just before their ready line instead of their ENTRYPOINT passing
 * it to node: V8 keys code caches on its flags, so that flag on the command line makes V8 reject the
 * code cache that Node ships for its own modules, which are then compiled from source at every start
 * (~40 ms of a ~250 ms start-to-ready; ADR 014). Set here, it changes nothing but the heap's growth:
 * V8 reads it at each full collection.
 * NOTE: process-global; only `main.ts` (or a test's child process) calls this. Node modules first
 * loaded after it (a few, on the first requests) are compiled from source, once.
 *
 * @example
 * const http = await listenHttp(app, { host, port });
 * applyHeapGrowingFlag();
 * log.info({ httpUrl: http.url }, 'frontend ready');
 */
export function applyHeapGrowingFlag(): boolean {
  if (getHeapStatistics().heap_size_limit >= largeHeapLimitBytes) return false;
  setFlagsFromString(heapGrowingFlag);
  return true;
}
