import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runServiceToExit, startServiceProcess } from './service-process.ts';

const entry = fileURLToPath(new URL('./test-support/fixture-service.ts', import.meta.url));

describe('startServiceProcess', () => {
  it('resolves with the parsed ready line, and stop() returns the exit status', async () => {
    const service = await startServiceProcess({ entry, readyMessage: 'fixture ready' });

    expect(service.ready).toEqual({ msg: 'fixture ready', port: 1234 });
    expect(await service.stop()).toEqual({ code: 0, signal: null });
    expect(service.stdout).toContain('{"msg":"bye"}');
  });

  it('reports an unclean exit code after SIGTERM', async () => {
    const service = await startServiceProcess({
      entry,
      env: { FIXTURE_MODE: 'unclean' },
      readyMessage: 'fixture ready',
    });

    expect(await service.stop()).toEqual({ code: 3, signal: null });
  });

  it('rejects with the output when the process exits before it is ready', async () => {
    await expect(
      startServiceProcess({ entry, env: { FIXTURE_MODE: 'crash' }, readyMessage: 'fixture ready' }),
    ).rejects.toThrow(/exited .* before it was ready:\s+boom: bad config/);
  });

  it('rejects and kills the process when the ready line never comes', async () => {
    await expect(
      startServiceProcess({ entry, readyMessage: 'never said', timeoutMs: 1_500 }),
    ).rejects.toThrow(/was not ready after 1500 ms/);
  });
});

describe('runServiceToExit', () => {
  it('returns the exit code and the output', async () => {
    const result = await runServiceToExit({ entry, env: { FIXTURE_MODE: 'crash' } });

    expect(result).toMatchObject({ code: 1, stderr: 'boom: bad config' });
  });
});
