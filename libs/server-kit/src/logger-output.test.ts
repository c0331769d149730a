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

  it('writes every line whole and in order, characters beyond ASCII included, over many batches', async () => {
    // ~500 KB: many 4 KB batches, more than a pipe holds, so some writes are partial.
    const { lines, exited } = loggingProcess(
      `${setup} for (let i = 0; i < 3000; i++) log.info({ note: '€ → ✓ 😀'.repeat(8) }, 'prix ' + i + ' €'); process.exit(0);`,
    );

    expect(await exited).toBe(0);
    expect(lines).toHaveLength(3000);
    expect(lines.map((line) => line.msg)).toEqual(
      Array.from({ length: 3000 }, (_, i) => `prix ${i} €`),
    );
  });

  // A log collector that goes away (or `| head`) must not keep the service from stopping: the
  // lines it cannot take are lost, but the process exits with its own exit code.
  it('lets the process exit when nobody reads its stdout any more', async () => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@sample/source',
        '--input-type=module',
        '-e',
        `${setup} log.info('first'); process.stdin.once('data', () => { log.info('after the reader left'); process.exit(4); });`,
      ],
      { cwd: import.meta.dirname, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Wait for the first line, then close the reading end of the pipe and let the child log again.
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    child.stdin.write('go\n');
    const hung = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(hung);

    expect(code, 'killed after 10 s: the process hung on its broken stdout').toBe(4);
  }, 15_000);
});
