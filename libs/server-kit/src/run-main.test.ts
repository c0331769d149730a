import { ConfigError } from '@sample/config';
import { describe, expect, it, vi } from 'vitest';
import { runMain } from './run-main.ts';

function capture() {
  let text = '';
  return { stderr: { write: (chunk: string) => ((text += chunk), true) }, text: () => text };
}

describe('runMain', () => {
  it('prints only the message of a configuration error and exits 1', async () => {
    const out = capture();
    const exit = vi.fn();
    const error = new ConfigError('development', [
      { variable: 'HTTP_PORT', source: 'environment', message: 'expected a port' },
    ]);

    await runMain(async () => Promise.reject(error), { exit, stderr: out.stderr as never });

    expect(exit).toHaveBeenCalledWith(1);
    expect(out.text()).toBe(
      'Invalid configuration for APP_ENV=development:\n  - HTTP_PORT (environment): expected a port\n',
    );
  });

  it('exits 1 on any other start-up failure, such as a port in use', async () => {
    const out = capture();
    const exit = vi.fn();

    await runMain(async () => Promise.reject(new Error('listen EADDRINUSE')), {
      exit,
      stderr: out.stderr as never,
    });

    expect(exit).toHaveBeenCalledWith(1);
    expect(out.text()).toContain('start-up failed: Error: listen EADDRINUSE');
  });

  it('does not exit when main succeeds', async () => {
    const exit = vi.fn();

    await runMain(async () => {}, { exit });

    expect(exit).not.toHaveBeenCalled();
  });
});
