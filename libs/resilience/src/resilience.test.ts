import { NotFoundError, UnavailableError } from '@sample/errors';
import { describe, expect, it } from 'vitest';
import { createResilience, type ResilienceOptions } from './resilience.ts';
import { createRetryBudget } from './retry-budget.ts';

const failing = () => Promise.reject(new UnavailableError('backend down'));

function policy(overrides: Partial<ResilienceOptions> = {}) {
  return createResilience({
    name: 'catalog',
    isRetryable: (error) => error instanceof UnavailableError,
    isFailure: (error) => error instanceof UnavailableError,
    retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 20 },
    retryBudget: { ratio: 1, minPerSecond: 100 },
    breaker: { consecutiveFailures: 3, halfOpenAfterMs: 200 },
    ...overrides,
  });
}

function flaky(failures: number) {
  let calls = 0;
  const work = async () => {
    calls += 1;
    if (calls <= failures) throw new UnavailableError('transient');
    return 'ok';
  };
  return { work, calls: () => calls };
}

describe('retries', () => {
  it('retry an idempotent call that failed with a retryable error, and succeed', async () => {
    const { work, calls } = flaky(1);

    expect(await policy().execute(work, { idempotent: true })).toBe('ok');
    expect(calls()).toBe(2);
  });

  it('never retry a call that is not idempotent', async () => {
    const { work, calls } = flaky(1);

    await expect(policy().execute(work, { idempotent: false })).rejects.toThrow('transient');
    expect(calls()).toBe(1);
  });

  it('never retry an error that retrying cannot fix', async () => {
    let calls = 0;
    const notFound = async () => {
      calls += 1;
      throw new NotFoundError('no such product');
    };

    await expect(policy().execute(notFound, { idempotent: true })).rejects.toThrow(NotFoundError);
    expect(calls).toBe(1);
  });

  it('give up after maxAttempts retries', async () => {
    const { work, calls } = flaky(10);

    await expect(
      policy({ breaker: { consecutiveFailures: 100 } }).execute(work, { idempotent: true }),
    ).rejects.toThrow('transient');
    expect(calls()).toBe(3);
  });

  it('stop retrying once the retry budget is spent', async () => {
    const resilience = policy({
      retryBudget: { ratio: 0, minPerSecond: 0 },
      breaker: { consecutiveFailures: 100 },
    });
    const { work, calls } = flaky(10);

    await expect(resilience.execute(work, { idempotent: true })).rejects.toThrow('transient');
    expect(calls()).toBe(1);
  });
});

describe('the retry budget', () => {
  it('allows ratio × calls retries, plus a per-second allowance', () => {
    let now = 0;
    const budget = createRetryBudget({
      ratio: 0.5,
      minPerSecond: 1,
      maxBalance: 10,
      now: () => now,
    });
    budget.tryRetry(); // spend the initial allowance

    expect(budget.tryRetry()).toBe(false);
    budget.recordCall();
    budget.recordCall();
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    now += 1_000;
    expect(budget.tryRetry()).toBe(true);
  });
});

describe('the circuit breaker', () => {
  it('opens after consecutive failures, fails fast without calling, and closes again after a successful trial', async () => {
    const resilience = policy({ retry: { maxAttempts: 0 } });
    const states: string[] = [];
    resilience.onBreakerStateChange((state) => states.push(state));
    for (let i = 0; i < 3; i++)
      await expect(resilience.execute(failing, { idempotent: true })).rejects.toThrow(
        'backend down',
      );

    let called = false;
    const notCalled = async () => {
      called = true;
      return 'ok';
    };
    await expect(resilience.execute(notCalled, { idempotent: true })).rejects.toThrow(
      /circuit open/,
    );
    expect(called).toBe(false);
    expect(resilience.breakerState).toBe('open');

    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await resilience.execute(notCalled, { idempotent: true })).toBe('ok');
    expect(resilience.breakerState).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('is not opened by errors that say nothing about the backend health', async () => {
    const resilience = policy();
    for (let i = 0; i < 5; i++) {
      await expect(
        resilience.execute(() => Promise.reject(new NotFoundError('x')), { idempotent: true }),
      ).rejects.toThrow(NotFoundError);
    }

    expect(resilience.breakerState).toBe('closed');
  });
});

describe('the bulkhead', () => {
  it('rejects at once the calls beyond its capacity', async () => {
    const resilience = policy({ bulkhead: { maxConcurrent: 2, maxQueued: 0 } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = () => gate.then(() => 'done');

    const first = resilience.execute(slow, { idempotent: false });
    const second = resilience.execute(slow, { idempotent: false });
    await expect(resilience.execute(slow, { idempotent: false })).rejects.toThrow(
      /too many calls in flight/,
    );
    release();
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
  });
});
