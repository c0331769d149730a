import type { Money } from '@sample/catalog-contract';

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
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currencyCode,
    }).format(decimal);
  } catch {
    const plain = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(decimal);
    return `${plain} ${money.currencyCode}`;
  }
}
