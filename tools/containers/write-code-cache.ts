// Makes a service's V8 code cache (dist/main.code-cache) the way its image will read it: starts the
// production bundle through dist/start.cjs with the node flags of the Dockerfile's ENTRYPOINT and
// CODE_CACHE_WRITE=1, stops it once ready (start.cjs writes the cache on exit, with every function
// the start compiled), then starts it once more and checks that V8 accepted the cache. The image
// ships the file, so a new container does not compile what every start runs (ADR 015). V8 ignores a
// cache made by another V8 version or under other flags: the cache is only as good as the match
// between this machine's node and the image's.
//   node tools/containers/write-code-cache.ts backend
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const service = process.argv[2];
if (!service || !/^[a-z][a-z0-9-]*$/.test(service))
  throw new Error('usage: write-code-cache.ts <service>');
const serviceRoot = join(workspaceRoot, 'services', service);
const cacheFile = join(serviceRoot, 'dist/main.code-cache');
rmSync(cacheFile, { force: true });

// ENTRYPOINT ["/nodejs/bin/node", …flags, "dist/start.cjs"]
const dockerfile = readFileSync(join(serviceRoot, 'Dockerfile'), 'utf8');
const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile);
if (!entrypoint) throw new Error(`services/${service}/Dockerfile has no exec-form ENTRYPOINT`);
const nodeArgs = (JSON.parse(entrypoint[1]!) as string[]).slice(1);

/** Starts the service as the image does, stops it once ready; resolves with its stderr. */
async function startAndStop(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: serviceRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      CATALOG_GRPC_ADDRESS: '127.0.0.1:1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.includes(`"msg":"${service} ready"`)) child.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0)
    throw new Error(`${service} did not start and stop cleanly (exit ${code}):\n${stderr}`);
  return stderr;
}

await startAndStop({ CODE_CACHE_WRITE: '1' });
if (!existsSync(cacheFile)) throw new Error(`${service} exited without writing ${cacheFile}`);
// Readable by the image's user (a numeric non-root one).
chmodSync(cacheFile, 0o644);
const check = await startAndStop({ NODE_DEBUG: 'code-cache' });
if (!/accepted .*main\.code-cache/.test(check))
  throw new Error(`V8 did not accept the code cache it just made for ${service}:\n${check}`);
console.log(`code cache of ${service}: services/${service}/dist/main.code-cache (accepted)`);
