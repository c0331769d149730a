export {
  createResilience,
  type BreakerState,
  type Resilience,
  type ResilienceOptions,
} from './resilience.ts';
export { createRetryBudget, type RetryBudget, type RetryBudgetOptions } from './retry-budget.ts';
