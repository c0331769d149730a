// The images ship a V8 compile cache of their bundle (NODE_COMPILE_CACHE, made by
// `nx compile-cache`), in a folder named for the image's user. The bench gives its processes a copy
// named for the current user, so a bundle started here finds its cache as the container does.
import { cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const benchCompileCache = (workspaceRoot: string, service: string) =>
  join(workspaceRoot, 'tmp/bench/compile-cache', service);

export function mirrorCompileCache(workspaceRoot: string, service: string, imageCache: string) {
  const target = benchCompileCache(workspaceRoot, service);
  rmSync(target, { recursive: true, force: true });
  cpSync(join(workspaceRoot, 'services', service, imageCache), target, { recursive: true });
  const uid = process.getuid?.() ?? 0;
  for (const folder of readdirSync(target))
    renameSync(join(target, folder), join(target, folder.replace(/-\d+$/, `-${uid}`)));
}
