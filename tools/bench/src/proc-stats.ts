// A process's own resource use, read from Linux's /proc: CPU time (user + system, every thread:
// JavaScript, GC helpers, libuv's pool) and peak resident memory. Reading /proc costs the measured
// process nothing.
import { readFileSync } from 'node:fs';

const clockTicksPerSecond = 100; // USER_HZ: 100 on every Linux ABI Node supports.

/** CPU time used so far by process `pid`, in microseconds (10 ms resolution). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return ((userTicks + systemTicks) * 1_000_000) / clockTicksPerSecond;
}

/** Peak resident set size of process `pid` since it started (VmHWM), in bytes. */
export function peakRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
