/**
 * A retry budget: retries may add at most `ratio` extra load on top of the calls themselves (plus a
 * small allowance per second, so a quiet client can still retry). When a backend is failing, every
 * caller retrying every call would multiply its load just when it can least take it; the budget
 * caps that.
 */
export interface RetryBudget {
  /** Records a call (it earns `ratio` of a retry). */
  recordCall(): void;
  /** Takes one retry from the budget; false when none is left. */
  tryRetry(): boolean;
}

export interface RetryBudgetOptions {
  /** Retries allowed per call, e.g. 0.2 = at most 20 % extra calls. */
  ratio: number;
  /** Retries allowed per second regardless of traffic. */
  minPerSecond: number;
  /** Most retries that can be saved up. */
  maxBalance?: number;
  now?: () => number;
}

export function createRetryBudget({
  ratio,
  minPerSecond,
  maxBalance = 10,
  now = Date.now,
}: RetryBudgetOptions): RetryBudget {
  let balance = Math.min(maxBalance, minPerSecond);
  let last = now();
  const refill = () => {
    const current = now();
    balance = Math.min(maxBalance, balance + ((current - last) / 1000) * minPerSecond);
    last = current;
  };
  return {
    recordCall() {
      refill();
      balance = Math.min(maxBalance, balance + ratio);
    },
    tryRetry() {
      refill();
      if (balance < 1) return false;
      balance -= 1;
      return true;
    },
  };
}
