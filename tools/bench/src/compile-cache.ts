// The images ship a V8 compile cache of their bundle (NODE_COMPILE_CACHE, made by
// `nx compile-cache`), in a folder named for the image's user. The bench gives its processes a copy
// named for the current user, so a bundle started here finds its cache as the container does.
// The copy sits next to the image's cache: with NODE_COMPILE_CACHE_PORTABLE, Node finds an entry by
// the script's path relative to the cache folder (`../../main.js`), so a copy elsewhere (it was
// under tmp/ until 2026-12-07) misses, and the first start compiles the bundle again.
import { cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the bench's copy of `service`'s compile cache goes (`imageCache`: the image's, e.g. `dist/compile-cache`). */
export const benchCompileCache = (workspaceRoot: string, service: string, imageCache: string) =>
  join(workspaceRoot, 'services', service, dirname(imageCache), 'bench-compile-cache');

export function mirrorCompileCache(workspaceRoot: string, service: string, imageCache: string) {
  const target = benchCompileCache(workspaceRoot, service, imageCache);
  rmSync(target, { recursive: true, force: true });
  cpSync(join(workspaceRoot, 'services', service, imageCache), target, { recursive: true });
  const uid = process.getuid?.() ?? 0;
  for (const folder of readdirSync(target))
    renameSync(join(target, folder), join(target, folder.replace(/-\d+$/, `-${uid}`)));
}
