// The services' images, when a Docker engine answers, as `nx container` builds them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function dockerEngineAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** What `nx container <service>` recorded in `dist/container-image.json`: its tags and size. */
export function builtImage(workspaceRoot: string, service: string) {
  const record = JSON.parse(
    readFileSync(join(workspaceRoot, 'services', service, 'dist/container-image.json'), 'utf8'),
  ) as { tags: string[]; sizeBytes: number };
  return { image: record.tags[0]!, bytes: record.sizeBytes };
}
