import type { Money } from '@sample/catalog-contract';
import { applyDiscount } from '../discount.ts';
import { formatMoney } from '../format-money.ts';
import { html, type SafeHtml } from './html.ts';

/** A product's price; with the spring-discount flag on, the old price struck through and the new one. */
export function price(money: Money | undefined, discount: number): SafeHtml {
  if (!discount) return html`<span class="price" data-testid="price">${formatMoney(money)}</span>`;
  return html`<s class="old-price">${formatMoney(money)}</s> <span class="price" data-testid="price">${formatMoney(applyDiscount(money, discount))}</span> <span class="badge discount" data-testid="discount">&minus;${discount} %</span>`;
}
