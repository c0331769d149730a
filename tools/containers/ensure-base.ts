// Decides which base image the service images build FROM, once per run (the `container-base:build`
// target, which every `container` target depends on), and records it in tmp/container-base/image.txt:
// the Dockerfiles' default (the official distroless image pinned by digest) when it can be pulled;
// otherwise, or when LOCAL_BASE_IMAGE=1, the local stand-in from build-local-base.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLocalBaseImage } from './build-local-base.ts';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
export const baseImageRecord = join(workspaceRoot, 'tmp/container-base/image.txt');

function chooseBase(): string {
  const dockerfile = readFileSync(join(workspaceRoot, 'services/backend/Dockerfile'), 'utf8');
  const defaultBase = /^ARG BASE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
  if (!defaultBase) throw new Error('services/backend/Dockerfile has no ARG BASE_IMAGE default');
  if (process.env['LOCAL_BASE_IMAGE'] === '1') {
    console.error('LOCAL_BASE_IMAGE=1: using the local base image');
    return ensureLocalBaseImage();
  }
  const present =
    spawnSync('docker', ['image', 'inspect', defaultBase], { stdio: 'ignore' }).status === 0;
  if (
    present ||
    spawnSync('docker', ['pull', '--quiet', defaultBase], { stdio: 'inherit' }).status === 0
  )
    return defaultBase;
  console.error(`cannot pull ${defaultBase}: falling back to the local base image`);
  return ensureLocalBaseImage();
}

const base = chooseBase();
mkdirSync(join(workspaceRoot, 'tmp/container-base'), { recursive: true });
writeFileSync(baseImageRecord, `${base}\n`);
console.log(`base image: ${base}`);
