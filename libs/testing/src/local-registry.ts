import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of this workspace (the folder of nx.json). */
export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface LocalRegistry {
  url: string;
  /** A folder for the test's own files (consumer projects, package copies); removed by stop(). */
  scratch: string;
  /** Runs npm against this registry only for @sample/*, with a throw-away user config. */
  npm(args: string[], cwd: string): { code: number; stdout: string; stderr: string };
  stop(): Promise<void>;
}

/**
 * Starts Verdaccio from the checked-in `tools/local-registry/config.yaml` on a free loopback port,
 * with its storage in a temporary folder, exactly as `npx nx serve local-registry` does on 4873.
 */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const scratch = mkdtempSync(join(tmpdir(), 'local-registry-test-'));
  const config = readFileSync(join(workspaceRoot, 'tools/local-registry/config.yaml'), 'utf8')
    .replace(/^storage: .*$/m, `storage: ${join(scratch, 'storage')}`)
    .replace(/^(\s+file: ).*htpasswd$/m, `$1${join(scratch, 'htpasswd')}`);
  writeFileSync(join(scratch, 'config.yaml'), config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      join(workspaceRoot, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      join(scratch, 'config.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  process.once('exit', () => child.kill('SIGKILL'));
  await waitForPing(url, child, output);

  // A user config of our own: the token npm insists on for publishing (Verdaccio accepts any),
  // and the @sample scope pointed at this registry. The user's own ~/.npmrc is never read or written.
  const userConfig = join(scratch, 'npmrc');
  writeFileSync(
    userConfig,
    `@sample:registry=${url}/\n//127.0.0.1:${port}/:_authToken=release-test\n`,
  );

  return {
    url,
    scratch,
    npm(args, cwd) {
      const result = spawnSync(
        'npm',
        [...args, '--no-audit', '--no-fund', `--@sample:registry=${url}/`],
        {
          cwd,
          encoding: 'utf8',
          env: {
            ...process.env,
            npm_config_userconfig: userConfig,
            npm_config_update_notifier: 'false',
          },
        },
      );
      return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    },
    async stop() {
      await stopProcess(child);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPing(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Verdaccio exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Verdaccio did not answer within 30 s:\n${output.join('')}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The libraries `nx release` publishes: those under libs/ tagged `publishable`. */
export function publishableLibraries(): string[] {
  return readdirSync(join(workspaceRoot, 'libs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => {
      const manifest = join(workspaceRoot, 'libs', name, 'package.json');
      const tags =
        (JSON.parse(readFileSync(manifest, 'utf8')) as { nx?: { tags?: string[] } }).nx?.tags ?? [];
      return tags.includes('publishable');
    })
    .sort();
}
