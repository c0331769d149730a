// Builds a service's container image from its Dockerfile and production bundle:
//   node tools/containers/build-image.ts backend
// Tags `<service>:<version from package.json>` and `<service>:<git sha>`, and records them in
// services/<service>/dist/container-image.json (the Nx `container` target's output).
//
// The base comes from `container-base:build` (ensure-base.ts): the Dockerfile's default, the official
// distroless image pinned by digest, when it can be pulled; otherwise the local stand-in.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const service = process.argv[2];
if (!service || !/^[a-z][a-z0-9-]*$/.test(service))
  throw new Error('usage: build-image.ts <service>');
const serviceRoot = join(workspaceRoot, 'services', service);

const version = JSON.parse(readFileSync(join(serviceRoot, 'package.json'), 'utf8'))
  .version as string;
const revision = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
  cwd: workspaceRoot,
  encoding: 'utf8',
}).trim();

// Chosen once by `container-base:build` (ensure-base.ts), which this target depends on.
const base = readFileSync(join(workspaceRoot, 'tmp/container-base/image.txt'), 'utf8').trim();
const tags = [`${service}:${version}`, `${service}:${revision}`];
execFileSync(
  'docker',
  [
    'build',
    '--build-arg',
    `BASE_IMAGE=${base}`,
    '--label',
    `org.opencontainers.image.version=${version}`,
    '--label',
    `org.opencontainers.image.revision=${revision}`,
    ...tags.flatMap((tag) => ['-t', tag]),
    serviceRoot,
  ],
  { stdio: 'inherit', env: { ...process.env, DOCKER_BUILDKIT: '0' } },
);
const id = execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', tags[0]!], {
  encoding: 'utf8',
}).trim();
const size = Number(
  execFileSync('docker', ['image', 'inspect', '--format', '{{.Size}}', tags[0]!], {
    encoding: 'utf8',
  }).trim(),
);
writeFileSync(
  join(serviceRoot, 'dist/container-image.json'),
  `${JSON.stringify({ tags, id, base, sizeBytes: size }, null, 2)}\n`,
);
console.log(`${tags.join(', ')} (${(size / 1e6).toFixed(1)} MB, base ${base})`);
