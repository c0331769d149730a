import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { cpuMicros, peakRssBytes } from '../src/proc-stats.ts';

const megabyte = 1024 * 1024;

interface DoneChild {
  child: ChildProcess;
  /** The CPU time the child reported for itself (process.cpuUsage) when it was done, in µs. */
  selfReportedCpuMicros: number;
}

/**
 * Runs `script` in a child node; the script calls `done()` when it has done its work, and the
 * child then idles until killed. Resolves once the child says it is done.
 */
async function startChild(script: string, nodeFlags: string[] = []): Promise<DoneChild> {
  const prelude =
    'const done = () => { const { user, system } = process.cpuUsage(); console.log(`done ${user + system}`); };' +
    'setInterval(() => {}, 60_000);';
  const child = spawn(process.execPath, [...nodeFlags, '-e', `${prelude}\n${script}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`child exited (${String(code)}) before it was done`);
  });
  const done = new Promise<number>((resolve) =>
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^done (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    }),
  );
  try {
    const selfReportedCpuMicros = await Promise.race([done, exited]);
    void exited.catch(() => {}); // it exits when the test kills it
    return { child, selfReportedCpuMicros };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

/** Starts the children, runs `measure` once all are done, and kills them whatever happens. */
async function withChildren<T>(
  scripts: string[],
  measure: (children: DoneChild[]) => T,
  nodeFlags: string[] = [],
): Promise<T> {
  const started = await Promise.allSettled(scripts.map((script) => startChild(script, nodeFlags)));
  const children = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return measure(children);
  } finally {
    for (const { child } of children) child.kill('SIGKILL');
  }
}

// Busy until the child has used 300 ms of CPU by its own account (not 300 ms of wall time, which
// a loaded machine could fill with less CPU).
const busy300Ms = `
  const used = () => { const { user, system } = process.cpuUsage(); return user + system; };
  let sum = 0;
  while (used() < 300_000) for (let i = 0; i < 100_000; i++) sum += i;
  done();`;
const idle300Ms = 'setTimeout(done, 300);';

describe('cpuMicros', () => {
  it('counts the CPU time a process burned, not the time it waited', async () => {
    const [busy, idle] = await withChildren([busy300Ms, idle300Ms], (children) =>
      children.map(({ child, selfReportedCpuMicros }) => ({
        read: cpuMicros(child.pid!),
        selfReported: selfReportedCpuMicros,
      })),
    );

    expect(busy!.read).toBeGreaterThanOrEqual(200_000);
    expect(idle!.read).toBeLessThan(busy!.read / 2);
  });

  it('counts user and system time, agreeing with what the process reports for itself', async () => {
    // Busy in system calls until the kernel has spent 150 ms on the child (its JavaScript adds
    // user time on top).
    const inSyscalls = `
      const fs = require('node:fs');
      while (process.cpuUsage().system < 150_000) for (let i = 0; i < 1000; i++) fs.statSync('/');
      done();`;
    const [busy] = await withChildren([inSyscalls], (children) =>
      children.map(({ child, selfReportedCpuMicros }) => ({
        read: cpuMicros(child.pid!),
        selfReported: selfReportedCpuMicros,
      })),
    );

    // Read after the child reported: at least what it reported, less the truncation of user and
    // system time to whole ticks (10 ms each), and not much more (the child only printed a line
    // and went idle in between).
    expect(busy!.read).toBeGreaterThanOrEqual(busy!.selfReported - 20_000);
    expect(busy!.read).toBeLessThan(busy!.selfReported + 100_000);
  });
});

describe('peakRssBytes', () => {
  it('reports the peak resident memory of a process', async () => {
    const [big, small] = await withChildren(
      [
        // Filled, so that every page is touched (a zeroed allocation may stay unmapped).
        'const buffer = Buffer.alloc(200 * 1024 * 1024, 1); done();',
        'const buffer = Buffer.alloc(1024, 1); done();',
      ],
      (children) => children.map(({ child }) => peakRssBytes(child.pid!)),
    );

    expect(big).toBeGreaterThan(150 * megabyte);
    expect(small).toBeLessThan(100 * megabyte);
  });

  it('keeps the peak after the memory is given back', async () => {
    // Allocate 200 MB, free it, and say done once the resident size is back under 100 MB (or
    // after 5 s, which the precondition below then reports).
    const script = `
      let buffer = Buffer.alloc(200 * 1024 * 1024, 1);
      buffer = undefined;
      globalThis.gc();
      const giveUpAt = Date.now() + 5000;
      const poll = setInterval(() => {
        if (process.memoryUsage.rss() < 100 * 1024 * 1024 || Date.now() > giveUpAt) {
          clearInterval(poll);
          done();
        }
      }, 10);`;
    const [memory] = await withChildren(
      [script],
      (children) =>
        children.map(({ child }) => ({
          current: currentRssBytes(child.pid!),
          peak: peakRssBytes(child.pid!),
        })),
      ['--expose-gc'],
    );

    expect(memory!.current, 'precondition: the child gave the memory back').toBeLessThan(
      100 * megabyte,
    );
    expect(memory!.peak).toBeGreaterThan(150 * megabyte);
  });
});

/** VmRSS, read here independently of the code under test. */
function currentRssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
}
