// How a service's image runs it, read from its Dockerfile, so the benchmark starts the bundle
// exactly as the container does: the node flags of the ENTRYPOINT and the ENV values (NODE_ENV…).
import { readFileSync } from 'node:fs';

/**
 * The V8 flags the services' main.ts sets once started (`applyHeapGrowingFlag` of
 * @sample/server-kit; a test checks they match) rather than their ENTRYPOINT: on node's command line
 * they cost start-up time (ADR 014). Floors run "as the services" get them on theirs.
 */
export const v8FlagsSetOnceStarted: readonly string[] = ['--heap-growing-percent=100'];

export interface ImageSettings {
  /** Flags given to node before the script, e.g. heap sizes. */
  nodeFlags: string[];
  /** The script node runs, relative to the image's working directory (`dist/start.cjs`). */
  script: string;
  /** Variables set by ENV, but HOST (the container binds all interfaces; the bench, loopback). */
  env: Record<string, string>;
}

export function readImageSettings(dockerfile: string): ImageSettings {
  // Join continuation lines, drop comments.
  const lines = readFileSync(dockerfile, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const entrypoint = lines.filter((line) => line.startsWith('ENTRYPOINT ')).at(-1);
  if (!entrypoint) throw new Error(`${dockerfile} has no ENTRYPOINT`);
  let command: unknown;
  try {
    command = JSON.parse(entrypoint.slice('ENTRYPOINT '.length));
  } catch {
    command = undefined; // shell form
  }
  if (!Array.isArray(command) || command.length < 2 || !String(command[0]).endsWith('/node'))
    throw new Error(
      `${dockerfile}: expected an exec-form ENTRYPOINT running node, got ${entrypoint}`,
    );
  const args = command.slice(1).map(String);
  const env: Record<string, string> = {};
  for (const line of lines.filter((l) => l.startsWith('ENV '))) {
    for (const [, key, value] of line.slice(4).matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g))
      if (key !== 'HOST') env[key!] = value!;
  }
  return { nodeFlags: args.slice(0, -1), script: args.at(-1)!, env };
}
