// Fills a service's V8 compile cache (dist/compile-cache) by starting its production bundle once
// and stopping it when ready, the way the image runs it. The image ships the cache and points
// NODE_COMPILE_CACHE at it, so a new container skips compiling its 2–3 MB bundle (~80 ms of a
// ~330 ms start; docs/performance.md). NODE_COMPILE_CACHE_PORTABLE makes entries relative to the
// cache folder, so the cache made here is valid at /app/dist in the image. A Node version other
// than the one that made it simply ignores it, and so do other V8 flags: the service is started with
// the node flags of the Dockerfile's ENTRYPOINT.
//   node tools/containers/warm-compile-cache.ts backend
import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const service = process.argv[2];
if (!service || !/^[a-z][a-z0-9-]*$/.test(service))
  throw new Error('usage: warm-compile-cache.ts <service>');
const serviceRoot = join(workspaceRoot, 'services', service);
rmSync(join(serviceRoot, 'dist/compile-cache'), { recursive: true, force: true });

// ENTRYPOINT ["/nodejs/bin/node", …flags, "dist/main.js"]
const dockerfile = readFileSync(join(serviceRoot, 'Dockerfile'), 'utf8');
const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile);
if (!entrypoint) throw new Error(`services/${service}/Dockerfile has no exec-form ENTRYPOINT`);
const nodeArgs = (JSON.parse(entrypoint[1]!) as string[]).slice(1);
const child = spawn(process.execPath, nodeArgs, {
  cwd: serviceRoot,
  env: {
    PATH: process.env['PATH'] ?? '',
    NODE_COMPILE_CACHE: 'dist/compile-cache',
    NODE_COMPILE_CACHE_PORTABLE: '1',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    HTTP_PORT: '0',
    GRPC_PORT: '0',
    CATALOG_GRPC_ADDRESS: '127.0.0.1:1',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
createInterface({ input: child.stdout }).on('line', (line) => {
  if (line.includes(`"msg":"${service} ready"`)) child.kill('SIGTERM');
});
const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
clearTimeout(timer);
if (code !== 0) throw new Error(`${service} did not start and stop cleanly (exit ${code})`);

// Node keeps the cache in a folder named after its version, the V8 flags and the user id
// (`v24.21.0-x64-964aae3f-0`): rename it for the image's user, and make it readable by that user.
const imageUser = /^USER (\d+)/m.exec(dockerfile)?.[1];
if (!imageUser) throw new Error(`services/${service}/Dockerfile has no numeric USER`);
const cacheRoot = join(serviceRoot, 'dist/compile-cache');
for (const folder of readdirSync(cacheRoot)) {
  const renamed = folder.replace(/-\d+$/, `-${imageUser}`);
  renameSync(join(cacheRoot, folder), join(cacheRoot, renamed));
  chmodSync(join(cacheRoot, renamed), 0o755);
  for (const file of readdirSync(join(cacheRoot, renamed)))
    chmodSync(join(cacheRoot, renamed, file), 0o644);
}
console.log(`compile cache of ${service}: services/${service}/dist/compile-cache`);
