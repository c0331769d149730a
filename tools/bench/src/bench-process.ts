// Starts a server process for a benchmark: its stdout (the JSON logs) goes to a file, as a container
// runtime would keep it, so reading logs costs the load generator nothing. Resolves with the fields
// of the ready line. Every process started here is killed if the bench exits early.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BenchProcess {
  name: string;
  pid: number;
  /** The fields of the JSON ready line (`url`, `httpUrl`, `grpcAddress`…). */
  ready: Record<string, unknown>;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** Arguments to `node`: flags and the script. */
  args: string[];
  env: Record<string, string>;
  /** Matches the `msg` of the ready line. */
  readyMessage: RegExp;
  /** Where stdout goes. */
  logFile: string;
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export async function startBenchProcess({
  name,
  args,
  env,
  readyMessage,
  logFile,
  timeoutMs = 30_000,
}: StartOptions): Promise<BenchProcess> {
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', out, 'pipe'],
  });
  closeSync(out);
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = findReadyLine(readFileSync(logFile, 'utf8'), readyMessage);
    if (ready) {
      return {
        name,
        pid: child.pid!,
        ready,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready (log: ${logFile}):\n${stderr}`);
    }
    await sleep(10);
  }
}

function findReadyLine(log: string, readyMessage: RegExp): Record<string, unknown> | undefined {
  const lines = log.split('\n');
  lines.pop(); // '' after the last newline, or a line still being written
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (typeof parsed['msg'] === 'string' && readyMessage.test(parsed['msg'])) return parsed;
  }
  return undefined;
}
