// Start-to-ready: the wall time from spawning a service (node, or `docker run`) to its ready log
// line, repeated; the median is what the bench reports.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface StartCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Matches the `msg` of the ready line. */
  readyMessage: RegExp;
}

export interface StartupTimes {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

async function startOnce({
  command,
  args,
  env,
  readyMessage,
}: StartCommand): Promise<{ ms: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(command, args, {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const ms = await new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const msg = /"msg":"([^"]*)"/.exec(line)?.[1];
        if (msg && readyMessage.test(msg)) resolve(performance.now() - started);
      });
      void exited.then(() =>
        reject(new Error(`${command} ${args.join(' ')} exited before it was ready:\n${stderr}`)),
      );
    });
    // NODE_DEBUG lines come first, before the service loads.
    return { ms, stderr };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Starts the service once with NODE_DEBUG=code-cache and reports what its start script said of
 * its V8 code cache (tools/containers/start.cjs): a rejected or missing cache makes start-to-ready
 * ~100 ms longer than the image's, so the bench says so next to the figure.
 */
export async function codeCacheVerdict(
  start: StartCommand,
): Promise<'accepted' | 'rejected' | 'none'> {
  const { stderr } = await startOnce({
    ...start,
    env: { ...start.env, NODE_DEBUG: 'code-cache' },
  });
  const verdict = /CODE-CACHE \d+: (accepted|rejected|no cache)/.exec(stderr)?.[1];
  return verdict === 'accepted' || verdict === 'rejected' ? verdict : 'none';
}

/** Starts the service `runs` times, one after the other, and summarises the times. */
export async function measureStartup(start: StartCommand, runs: number): Promise<StartupTimes> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await startOnce(start)).ms);
  times.sort((a, b) => a - b);
  const middle = times.length / 2;
  const medianMs =
    times.length % 2 ? times[Math.floor(middle)]! : (times[middle - 1]! + times[middle]!) / 2;
  return { medianMs, minMs: times[0]!, maxMs: times.at(-1)!, runs };
}
