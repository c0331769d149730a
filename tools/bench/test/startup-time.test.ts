import { describe, expect, it } from 'vitest';
import { codeCacheVerdict, measureStartup } from '../src/startup-time.ts';

// A stand-in service: says what start.cjs would say of its code cache under NODE_DEBUG=code-cache,
// then writes its ready line and waits to be stopped.
const service = (cacheLine: string) => ({
  command: process.execPath,
  args: [
    '-e',
    `const { debuglog } = require('node:util');
     const line = ${JSON.stringify(cacheLine)};
     if (line) debuglog('code-cache')(line);
     console.log(JSON.stringify({ msg: 'shop ready' }));
     setInterval(() => {}, 1000);`,
  ],
  env: {},
  readyMessage: /^shop ready$/,
});

describe('codeCacheVerdict', () => {
  it.each([
    ['accepted /app/dist/main.code-cache', 'accepted'],
    ['rejected /app/dist/main.code-cache', 'rejected'],
    ['no cache', 'none'],
    ['', 'none'],
  ])('reads "%s" as %s', async (line, verdict) => {
    expect(await codeCacheVerdict(service(line))).toBe(verdict);
  });
});

describe('measureStartup', () => {
  it('times each start to the ready line and stops the process', async () => {
    const times = await measureStartup(service(''), 3);

    expect(times.runs).toBe(3);
    expect(times.minMs).toBeGreaterThan(0);
    expect(times.minMs).toBeLessThanOrEqual(times.medianMs);
    expect(times.medianMs).toBeLessThanOrEqual(times.maxMs);
  });
});
