import { describe, expect, it, vi } from 'vitest';
import { createHealth } from './health.ts';

describe('createHealth', () => {
  it('is ready when every check passes', async () => {
    const health = createHealth({ checks: { backend: async () => {}, store: async () => {} } });

    expect(await health.readiness()).toEqual({
      ready: true,
      checks: { backend: 'ok', store: 'ok' },
    });
  });

  it('is not ready when one check fails, and reports which one', async () => {
    const onCheckFailed = vi.fn();
    const health = createHealth({
      checks: {
        backend: async () => Promise.reject(new Error('connection refused')),
        store: async () => {},
      },
      onCheckFailed,
    });

    expect(await health.readiness()).toEqual({
      ready: false,
      checks: { backend: 'failing', store: 'ok' },
    });
    expect(onCheckFailed).toHaveBeenCalledWith(
      'backend',
      expect.objectContaining({ message: 'connection refused' }),
    );
  });

  it('counts a check that hangs past its timeout as failing', async () => {
    const hang = (signal: AbortSignal) =>
      new Promise<void>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    const health = createHealth({ checks: { slow: hang }, checkTimeoutMs: 20 });

    expect(await health.readiness()).toEqual({ ready: false, checks: { slow: 'failing' } });
  });

  it('stops being ready once shutdown starts, but stays live', async () => {
    const health = createHealth({ checks: { backend: async () => {} } });

    health.startShutdown();

    expect(await health.readiness()).toEqual({ ready: false, checks: { shutdown: 'draining' } });
    expect(health.isLive()).toBe(true);
    expect(health.isShuttingDown()).toBe(true);
  });
});
