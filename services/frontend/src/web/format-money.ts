import type { Money } from '@sample/catalog-contract';

// Building an Intl.NumberFormat costs ~30 µs (locale data lookup); formatting with one costs ~1 µs.
// A page shows a dozen prices, so formatters are made once per locale and currency and reused
// (the benchmark found that building them was a third of the frontend's CPU per page; see
// docs/performance.md). The cache is bounded: currency codes come from another service.
const maxCachedFormats = 64;
let cachedCount = 0;
/** Formatters by locale, then by currency code ('' for the plain number); `null`: not a currency. */
const formats = new Map<string, Map<string, Intl.NumberFormat | null>>();

function cachedFormat(locale: string, currencyCode: string): Intl.NumberFormat | null {
  let byCurrency = formats.get(locale);
  const cached = byCurrency?.get(currencyCode);
  if (cached !== undefined) return cached;
  let format: Intl.NumberFormat | null;
  try {
    format = currencyCode
      ? new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode })
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  } catch {
    format = null; // not a currency code
  }
  if (cachedCount < maxCachedFormats) {
    if (!byCurrency) formats.set(locale, (byCurrency = new Map()));
    byCurrency.set(currencyCode, format);
    cachedCount++;
  }
  return format;
}

// Formatting itself costs ~2 µs a price in ICU, and a catalog shows the same prices again and again:
// the texts are remembered too, up to a bound (then forgotten all at once and remembered anew).
const maxCachedTexts = 4096;
const texts = new Map<string, string>();

/**
 * Formats a catalog.v1 Money exactly (no floating point): `{ EUR, "39", 900000000 }` → "€39.90".
 * An unknown currency code falls back to "39.90 XYZ" instead of failing the page.
 */
export function formatMoney(money: Money | undefined, locale = 'en-IE'): string {
  if (!money) return '';
  const key = `${locale} ${money.currencyCode} ${money.units} ${money.nanos}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = format(money, locale);
    if (texts.size >= maxCachedTexts) texts.clear();
    texts.set(key, text);
  }
  return text;
}

function format({ units, nanos, currencyCode }: Money, locale: string): string {
  const signed = units.startsWith('-');
  const negative = signed || nanos < 0;
  const whole = (signed ? units.slice(1) : units) || '0';
  const fraction = String(Math.abs(nanos)).padStart(9, '0');
  const decimal = `${negative ? '-' : ''}${whole}.${fraction}` as `${number}`;
  const currency = cachedFormat(locale, currencyCode);
  if (currency) return currency.format(decimal);
  const plain = cachedFormat(locale, '');
  return `${plain ? plain.format(decimal) : decimal} ${currencyCode}`;
}
