import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

export interface ServiceProcessOptions {
  /** The service's entry file, e.g. `services/backend/src/main.ts` (absolute). */
  entry: string;
  /** The environment of the process; nothing else is inherited but PATH. */
  env?: Record<string, string>;
  /** The `msg` of the log line that says the service is ready. */
  readyMessage: string;
  /** How long to wait for that line. */
  timeoutMs?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  child: ChildProcess;
  /** The parsed JSON log line that announced readiness (holds `httpUrl`, `grpcAddress`, …). */
  ready: Record<string, unknown>;
  /** Every line the process printed on stdout so far. */
  stdout: string[];
  stderr: string[];
  exited: Promise<ExitStatus>;
  /** Sends `signal` (default SIGTERM) and waits for the exit; SIGKILL after `killAfterMs`. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<ExitStatus>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/**
 * Starts a service as a real process (Node running its TypeScript sources) and waits until it
 * logs its ready line. Every process started here is killed when the test process exits, so a
 * failing test leaves nothing behind; tests still `stop()` what they start.
 */
export async function startServiceProcess({
  entry,
  env = {},
  readyMessage,
  timeoutMs = 20_000,
}: ServiceProcessOptions): Promise<ServiceProcess> {
  const child = spawnService(entry, env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = collectOutput(child, stdout, stderr);
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${entry} was not ready after ${timeoutMs} ms:\n${[...stdout, ...stderr].join('\n')}`,
        ),
      );
    }, timeoutMs);
    const onLine = (line: string) => {
      const parsed = parseJson(line);
      if (parsed?.['msg'] === readyMessage) {
        clearTimeout(timer);
        resolve(parsed);
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    void exited.then((status) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${entry} exited (${JSON.stringify(status)}) before it was ready:\n${[...stdout, ...stderr].join('\n')}`,
        ),
      );
    });
  });
  return {
    child,
    ready,
    stdout,
    stderr,
    exited,
    async stop(signal = 'SIGTERM', killAfterMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        void exited.finally(() => clearTimeout(timer));
      }
      return exited;
    },
  };
}

/** Runs a service until it exits by itself (e.g. on bad config); kills it after `timeoutMs`. */
export async function runServiceToExit({
  entry,
  env = {},
  timeoutMs = 20_000,
}: Omit<ServiceProcessOptions, 'readyMessage'>): Promise<
  ExitStatus & { stdout: string; stderr: string }
> {
  const child = spawnService(entry, env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const status = await collectOutput(child, stdout, stderr);
  clearTimeout(timer);
  return { ...status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

type PipedChild = ChildProcessByStdio<null, Readable, Readable>;

function spawnService(entry: string, env: Record<string, string>): PipedChild {
  const child = spawn(process.execPath, ['--conditions=@sample/source', entry], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function collectOutput(child: PipedChild, stdout: string[], stderr: string[]): Promise<ExitStatus> {
  createInterface({ input: child.stdout }).on('line', (line) => stdout.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
