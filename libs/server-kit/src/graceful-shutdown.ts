import type { Logger } from 'pino';
import type { Health } from './health.ts';

export interface Closable {
  close(graceMs: number): Promise<boolean>;
}

export interface ShutdownDeps {
  log: Logger;
  health: Health;
  /** The listeners to drain, in parallel. */
  listeners: Closable[];
  /** Runs after the listeners drained: close clients, flush telemetry. */
  cleanup?: () => Promise<void> | void;
  /** How long in-flight work may take to finish. */
  graceMs: number;
  /** Exits the process (tests pass their own). */
  exit?: (code: number) => void;
  /** The process to watch for signals (tests pass an EventEmitter). */
  signals?: Pick<NodeJS.Process, 'once'>;
}

/**
 * Shuts down gracefully on SIGTERM or SIGINT: readiness fails at once, listeners stop accepting
 * and drain in-flight requests and RPCs, then the process exits 0 (or 1 when the grace period ran
 * out before everything finished).
 * NOTE: this is what makes a rolling update lose no request: Kubernetes sends SIGTERM, stops
 * routing to a pod that is not ready, and waits for the grace period before SIGKILL.
 */
export function handleShutdownSignals(deps: ShutdownDeps): {
  shutdown: (reason: string) => Promise<void>;
} {
  const {
    log,
    health,
    listeners,
    cleanup,
    graceMs,
    exit = (code) => process.exit(code),
    signals = process,
  } = deps;
  let started: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    started ??= (async () => {
      log.info({ reason, graceMs }, 'shutting down: draining in-flight work');
      health.startShutdown();
      const results = await Promise.all(listeners.map((listener) => listener.close(graceMs)));
      await cleanup?.();
      const drained = results.every(Boolean);
      if (drained) log.info('shutdown complete');
      else log.warn({ graceMs }, 'grace period ran out: remaining work was cancelled');
      exit(drained ? 0 : 1);
    })();
    return started;
  };
  signals.once('SIGTERM', () => void shutdown('SIGTERM'));
  signals.once('SIGINT', () => void shutdown('SIGINT'));
  return { shutdown };
}
