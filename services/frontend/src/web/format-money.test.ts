import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.ts';

describe('formatMoney', () => {
  it.each([
    [{ currencyCode: 'EUR', units: '39', nanos: 900_000_000 }, '€39.90'],
    [{ currencyCode: 'EUR', units: '0', nanos: 10_000_000 }, '€0.01'],
    [{ currencyCode: 'USD', units: '1234', nanos: 0 }, 'US$1,234.00'],
    [{ currencyCode: 'EUR', units: '-3', nanos: -250_000_000 }, '-€3.25'],
    [{ currencyCode: 'JPY', units: '500', nanos: 0 }, 'JP¥500'],
    [{ currencyCode: 'EUR', units: '9007199254740993', nanos: 0 }, '€9,007,199,254,740,993.00'],
  ])('formats %j exactly as %s', (money, text) => {
    expect(formatMoney(money)).toBe(text);
  });

  it('falls back to the plain amount and code for an unknown currency', () => {
    expect(formatMoney({ currencyCode: 'not a code', units: '5', nanos: 0 })).toBe(
      '5.00 not a code',
    );
  });

  it('gives the same text when a currency is formatted again (formatters are reused)', () => {
    const money = { currencyCode: 'GBP', units: '7', nanos: 50_000_000 };
    expect([formatMoney(money), formatMoney(money), formatMoney(money, 'de-DE')]).toEqual([
      '£7.05',
      '£7.05',
      '7,05\u00a0£',
    ]);
    expect(formatMoney({ currencyCode: 'no!', units: '1', nanos: 0 })).toBe('1.00 no!');
    expect(formatMoney({ currencyCode: 'no!', units: '2', nanos: 0 })).toBe('2.00 no!');
  });

  it('stays exact for prices it has never seen, after its cache of texts has filled up', () => {
    const texts = Array.from({ length: 10_000 }, (_, i) =>
      formatMoney({ currencyCode: i % 2 ? 'EUR' : 'GBP', units: String(i), nanos: 10_000_000 }),
    );
    expect(texts[3]).toBe('€3.01');
    expect(texts[9998]).toBe('£9,998.01');
    expect(formatMoney({ currencyCode: 'EUR', units: '3', nanos: 10_000_000 }, 'de-DE')).toBe(
      '3,01\u00a0€',
    );
    expect(formatMoney({ currencyCode: 'EUR', units: '3', nanos: 10_000_000 })).toBe('€3.01');
  });

  it('renders nothing for a missing price', () => {
    expect(formatMoney(undefined)).toBe('');
  });
});
