import type { Money } from '@sample/catalog-contract';

const nanosPerUnit = 1_000_000_000n;
const nanosPerCent = 10_000_000n;

/**
 * The price after a discount of `percent`, exact (integer arithmetic on nanos, no floating point),
 * rounded to the cent, half up.
 */
export function applyDiscount(money: Money | undefined, percent: number): Money | undefined {
  if (!money || percent <= 0) return money;
  const total = BigInt(money.units) * nanosPerUnit + BigInt(money.nanos);
  const discounted = (total * BigInt(100 - percent)) / 100n;
  const cents = (discounted + nanosPerCent / 2n) / nanosPerCent;
  const rounded = cents * nanosPerCent;
  return {
    currencyCode: money.currencyCode,
    units: (rounded / nanosPerUnit).toString(),
    nanos: Number(rounded % nanosPerUnit),
  };
}
