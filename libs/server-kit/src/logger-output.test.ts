import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A process that logs with createLogger's own stdout destination, as main.ts does.
function loggingProcess(script: string) {
  const child = spawn(
    process.execPath,
    ['--conditions=@sample/source', '--input-type=module', '-e', script],
    { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: { msg: string; at: number }[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += String(chunk);
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete) lines.push({ msg: JSON.parse(line).msg, at: Date.now() });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { lines, exited };
}

const setup = `
import { createLogger } from '@sample/server-kit';
const log = createLogger({ service: 'test', env: 'test', level: 'info' });
`;

describe("the logger's stdout", () => {
  it("writes a quiet process's lines long before it exits, without waiting for more lines", async () => {
    const { lines, exited } = loggingProcess(
      `${setup} log.info('first'); setTimeout(() => process.exit(0), 4000);`,
    );

    await exited;
    const exitedAt = Date.now();

    expect(lines.map((line) => line.msg)).toEqual(['first']);
    expect(exitedAt - lines[0]!.at).toBeGreaterThan(2000);
  });

  it('loses no line when the process exits right after logging', async () => {
    const { lines, exited } = loggingProcess(
      `${setup} for (let i = 0; i < 100; i++) log.info('line ' + i); log.error('last'); process.exit(3);`,
    );

    expect(await exited).toBe(3);
    expect(lines).toHaveLength(101);
    expect(lines.at(-1)!.msg).toBe('last');
  });
});
