import { UnavailableError } from '@sample/errors';
import {
  BrokenCircuitError,
  bulkhead as bulkheadPolicy,
  BulkheadRejectedError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  IsolatedCircuitError,
  retry,
} from 'cockatiel';
import { createRetryBudget, type RetryBudgetOptions } from './retry-budget.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface ResilienceOptions {
  /** The backend these calls go to (used in error messages). */
  name: string;
  /** Which failures may be retried (when the call is idempotent): e.g. UNAVAILABLE, a reset connection, 503. */
  isRetryable: (error: unknown) => boolean;
  /** Which failures count against the circuit breaker (a NOT_FOUND does not mean the backend is sick). */
  isFailure: (error: unknown) => boolean;
  retry?: { maxAttempts?: number; initialDelayMs?: number; maxDelayMs?: number };
  retryBudget?: RetryBudgetOptions;
  breaker?: { consecutiveFailures?: number; halfOpenAfterMs?: number };
  bulkhead?: { maxConcurrent?: number; maxQueued?: number };
}

/** Runs calls to one backend through retry, circuit breaker and bulkhead policies. */
export interface Resilience {
  /**
   * Runs `work` under the policies. Only idempotent work (reads) is ever retried. Fails fast with an
   * UnavailableError while the breaker is open or the bulkhead is full.
   */
  execute<T>(work: () => Promise<T>, options: { idempotent: boolean }): Promise<T>;
  readonly breakerState: BreakerState;
  onBreakerStateChange(listener: (state: BreakerState) => void): void;
  onRetry(listener: () => void): void;
}

const states: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * Creates the resilience policies for one backend (one breaker and one bulkhead per backend).
 * NOTE: the order is retry → circuit breaker → bulkhead → call: each attempt is judged by the
 * breaker, retries stop as soon as it opens, and the bulkhead bounds the calls in flight.
 *
 * @example
 * const catalog = createResilience({ name: 'catalog', isRetryable, isFailure });
 * await catalog.execute(() => client.getProduct(id), { idempotent: true });
 */
export function createResilience(options: ResilienceOptions): Resilience {
  const { maxAttempts = 2, initialDelayMs = 25, maxDelayMs = 250 } = options.retry ?? {};
  const { consecutiveFailures = 5, halfOpenAfterMs = 5_000 } = options.breaker ?? {};
  const { maxConcurrent = 64, maxQueued = 128 } = options.bulkhead ?? {};
  const budget = createRetryBudget(options.retryBudget ?? { ratio: 0.2, minPerSecond: 5 });

  const breaker = circuitBreaker(handleWhen(options.isFailure), {
    halfOpenAfter: halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(consecutiveFailures),
  });
  const limiter = bulkheadPolicy(maxConcurrent, maxQueued);
  const retries = retry(
    handleWhen((error) => options.isRetryable(error) && budget.tryRetry()),
    // Exponential backoff with decorrelated jitter (cockatiel's default generator).
    {
      maxAttempts,
      backoff: new ExponentialBackoff({ initialDelay: initialDelayMs, maxDelay: maxDelayMs }),
    },
  );
  // Cockatiel's errors, in the words of this backend.
  const translated = (error: unknown): never => {
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
      throw new UnavailableError(
        `${options.name} is failing: calls are paused for a moment (circuit open)`,
      );
    }
    if (error instanceof BulkheadRejectedError) {
      throw new UnavailableError(`${options.name} has too many calls in flight`);
    }
    throw error;
  };

  return {
    execute<T>(work: () => Promise<T>, { idempotent }: { idempotent: boolean }) {
      budget.recordCall();
      // NOTE: the policies are nested by hand rather than with cockatiel's `wrap()`, which adds a
      // closure, a context object and a promise per policy to every call (docs/performance.md).
      const attempt = () => breaker.execute(() => limiter.execute(work));
      return (idempotent ? retries.execute(attempt) : attempt()).catch(translated);
    },
    get breakerState() {
      return states[breaker.state];
    },
    onBreakerStateChange(listener) {
      breaker.onStateChange((state) => listener(states[state]));
    },
    onRetry(listener) {
      retries.onRetry(() => listener());
    },
  };
}
