import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The image the `container` target built for a service (it records its tags in dist/). */
export function imageOf(service: 'backend' | 'frontend'): string {
  const record = fileURLToPath(
    new URL(`../../../${service}/dist/container-image.json`, import.meta.url),
  );
  const { tags } = JSON.parse(readFileSync(record, 'utf8')) as { tags: string[] };
  return tags[0]!;
}
