import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { handleShutdownSignals, type Closable } from './graceful-shutdown.ts';
import { createHealth } from './health.ts';

const log = pino({ level: 'silent' });

function listener(drained: boolean): Closable & { close: ReturnType<typeof vi.fn> } {
  return { close: vi.fn(async () => drained) };
}

describe('handleShutdownSignals', () => {
  it('on SIGTERM fails readiness first, drains every listener with the grace period, cleans up and exits 0', async () => {
    const signals = new EventEmitter();
    const health = createHealth();
    const order: string[] = [];
    const http = {
      close: vi.fn(
        async () => (order.push(`http ready=${(await health.readiness()).ready}`), true),
      ),
    };
    const grpc = listener(true);
    const exit = vi.fn();
    const cleanup = vi.fn(() => void order.push('cleanup'));

    handleShutdownSignals({
      log,
      health,
      listeners: [http, grpc],
      cleanup,
      graceMs: 1234,
      exit,
      signals: signals as never,
    });
    signals.emit('SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());

    expect(order).toEqual(['http ready=false', 'cleanup']);
    expect(grpc.close).toHaveBeenCalledWith(1234);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('exits 1 when a listener could not drain within the grace period', async () => {
    const signals = new EventEmitter();
    const exit = vi.fn();

    handleShutdownSignals({
      log,
      health: createHealth(),
      listeners: [listener(true), listener(false)],
      graceMs: 10,
      exit,
      signals: signals as never,
    });
    signals.emit('SIGINT');

    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
  });

  it('shuts down once even when signalled twice', async () => {
    const signals = new EventEmitter();
    const http = listener(true);
    const exit = vi.fn();
    const { shutdown } = handleShutdownSignals({
      log,
      health: createHealth(),
      listeners: [http],
      graceMs: 10,
      exit,
      signals: signals as never,
    });

    signals.emit('SIGTERM');
    await shutdown('again');

    expect(http.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
  });
});
