import { describe, expect, it } from 'vitest';
import { applyDiscount } from './discount.ts';

describe('applyDiscount', () => {
  it.each([
    [
      { currencyCode: 'EUR', units: '39', nanos: 900_000_000 },
      10,
      { currencyCode: 'EUR', units: '35', nanos: 910_000_000 },
    ],
    [
      { currencyCode: 'EUR', units: '12', nanos: 0 },
      20,
      { currencyCode: 'EUR', units: '9', nanos: 600_000_000 },
    ],
    [
      { currencyCode: 'EUR', units: '0', nanos: 50_000_000 },
      10,
      { currencyCode: 'EUR', units: '0', nanos: 50_000_000 },
    ],
    [
      { currencyCode: 'EUR', units: '9007199254740993', nanos: 0 },
      10,
      { currencyCode: 'EUR', units: '8106479329266893', nanos: 700_000_000 },
    ],
  ])('takes %j minus %i %% exactly, to the cent', (money, percent, expected) => {
    expect(applyDiscount(money, percent)).toEqual(expected);
  });

  it('leaves the price alone without a discount', () => {
    const price = { currencyCode: 'EUR', units: '5', nanos: 0 };

    expect(applyDiscount(price, 0)).toBe(price);
    expect(applyDiscount(undefined, 10)).toBeUndefined();
  });
});
