/** A readiness check: resolves when the dependency it checks can do its job, rejects otherwise. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<void>;

export interface ReadinessReport {
  ready: boolean;
  /** One entry per check: `ok` or `failing`, plus `shutdown: 'draining'` while shutting down. */
  checks: Record<string, 'ok' | 'failing' | 'draining'>;
}

/** Liveness and readiness of one process, shared by its HTTP and gRPC health endpoints. */
export interface Health {
  /** Liveness: true while the process can serve at all. */
  isLive(): boolean;
  /** Readiness: runs every check (each bounded by `checkTimeoutMs`); never ready while shutting down. */
  readiness(): Promise<ReadinessReport>;
  /** Marks the process as draining: readiness fails from now on, so traffic moves elsewhere. */
  startShutdown(): void;
  isShuttingDown(): boolean;
}

export interface HealthDeps {
  checks?: Record<string, ReadinessCheck>;
  /** How long one check may take before it counts as failing. */
  checkTimeoutMs?: number;
  /** Told about each failing check (e.g. to log it); the endpoint itself never exposes the reason. */
  onCheckFailed?: (name: string, error: unknown) => void;
}

/**
 * Creates the health state of a process.
 * NOTE: a readiness probe that always answers "ready" is worse than none: here readiness runs real
 * checks (the frontend asks the backend), and turns false as soon as shutdown starts.
 *
 * @example
 * const health = createHealth({ checks: { backend: (signal) => catalog.checkReady(signal) } });
 */
export function createHealth({
  checks = {},
  checkTimeoutMs = 1000,
  onCheckFailed,
}: HealthDeps = {}): Health {
  let shuttingDown = false;
  return {
    isLive: () => true,
    isShuttingDown: () => shuttingDown,
    startShutdown() {
      shuttingDown = true;
    },
    async readiness() {
      if (shuttingDown) return { ready: false, checks: { shutdown: 'draining' } };
      const entries = await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          try {
            await check(AbortSignal.timeout(checkTimeoutMs));
            return [name, 'ok'] as const;
          } catch (error) {
            onCheckFailed?.(name, error);
            return [name, 'failing'] as const;
          }
        }),
      );
      return {
        ready: entries.every(([, state]) => state === 'ok'),
        checks: Object.fromEntries(entries),
      };
    },
  };
}
