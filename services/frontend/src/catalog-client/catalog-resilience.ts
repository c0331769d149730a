import { DeadlineExceededError, UnavailableError } from '@sample/errors';
import { createResilience, type BreakerState, type Resilience } from '@sample/resilience';
import type { Metrics } from '@sample/server-kit';
import { Counter, Gauge } from 'prom-client';

const breakerStateValue: Record<BreakerState, number> = { closed: 0, open: 1, 'half-open': 2 };

/**
 * The resilience policies for calls to the catalog backend: retry only when the backend was
 * unavailable (never after a deadline passed: the caller's time is spent), and count unavailability
 * and missed deadlines against the circuit breaker, but not NOT_FOUND or INVALID_ARGUMENT.
 * The breaker state and the retries are exported as metrics.
 */
export function createCatalogResilience({
  metrics,
  halfOpenAfterMs,
}: {
  metrics?: Metrics | undefined;
  halfOpenAfterMs?: number;
}): Resilience {
  const resilience = createResilience({
    name: 'the catalog backend',
    isRetryable: (error) => error instanceof UnavailableError,
    isFailure: (error) =>
      error instanceof UnavailableError || error instanceof DeadlineExceededError,
    ...(halfOpenAfterMs !== undefined && { breaker: { halfOpenAfterMs } }),
  });
  if (metrics) {
    const state = new Gauge({
      name: 'circuit_breaker_state',
      help: 'State of the circuit breaker to a backend: 0 closed, 1 open, 2 half-open.',
      labelNames: ['backend'],
      registers: [metrics.registry],
    });
    const retries = new Counter({
      name: 'client_retries_total',
      help: 'Calls to a backend retried after a retryable failure.',
      labelNames: ['backend'],
      registers: [metrics.registry],
    });
    state.set({ backend: 'catalog' }, 0);
    resilience.onBreakerStateChange((next) =>
      state.set({ backend: 'catalog' }, breakerStateValue[next]),
    );
    resilience.onRetry(() => retries.inc({ backend: 'catalog' }));
  }
  return resilience;
}
