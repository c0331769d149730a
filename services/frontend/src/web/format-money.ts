import type { Money } from '@sample/catalog-contract';

// Building an Intl.NumberFormat costs ~30 µs (locale data lookup); formatting with one costs ~1 µs.
// A page shows a dozen prices, so formatters are made once per locale and currency and reused
// (the benchmark found that building them was a third of the frontend's CPU per page; see
// docs/performance.md). The cache is bounded: currency codes come from another service.
const maxCachedFormats = 64;
const formats = new Map<string, Intl.NumberFormat | undefined>();

function cachedFormat(
  locale: string,
  currencyCode: string | undefined,
): Intl.NumberFormat | undefined {
  const key = `${locale} ${currencyCode ?? ''}`;
  if (formats.has(key)) return formats.get(key);
  let format: Intl.NumberFormat | undefined;
  try {
    format = currencyCode
      ? new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode })
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  } catch {
    format = undefined; // not a currency code
  }
  if (formats.size < maxCachedFormats) formats.set(key, format);
  return format;
}

/**
 * Formats a catalog.v1 Money exactly (no floating point): `{ EUR, "39", 900000000 }` → "€39.90".
 * An unknown currency code falls back to "39.90 XYZ" instead of failing the page.
 */
export function formatMoney(money: Money | undefined, locale = 'en-IE'): string {
  if (!money) return '';
  const negative = money.units.startsWith('-') || money.nanos < 0;
  const whole = money.units.replace(/^-/, '') || '0';
  const fraction = String(Math.abs(money.nanos)).padStart(9, '0');
  const decimal = `${negative ? '-' : ''}${whole}.${fraction}` as `${number}`;
  const currency = cachedFormat(locale, money.currencyCode);
  if (currency) return currency.format(decimal);
  const plain = cachedFormat(locale, undefined);
  return `${plain ? plain.format(decimal) : decimal} ${money.currencyCode}`;
}
