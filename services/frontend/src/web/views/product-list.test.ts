import { Product } from '@sample/catalog-contract';
import { describe, expect, it } from 'vitest';
import type { SiteInfo } from './layout.ts';
import { productListPage } from './product-list.ts';

const site: SiteInfo = { appEnv: 'production', transport: 'gRPC' };
const product = (name: string) =>
  Product.fromPartial({
    id: 'cup',
    name,
    price: { currencyCode: 'EUR', units: '10', nanos: 0 },
    tags: ['kitchen'],
  });
const page = (products: Product[], discount: number) =>
  productListPage(site, { products, nextPageToken: '', tag: '', discount });

describe('the product list', () => {
  it("renders a frozen product's card once per discount, as it would afresh", () => {
    const frozen = Object.freeze(product('Cup'));

    expect(page([frozen], 0)).toBe(page([product('Cup')], 0));
    expect(page([frozen], 0)).toBe(page([frozen], 0));
    // The card remembered without a discount is not the card with one.
    expect(page([frozen], 10)).toBe(page([product('Cup')], 10));
    expect(page([frozen], 10)).toContain('&#x20ac;9.00');
  });

  it('renders a product that can change afresh every time', () => {
    const changing = product('Cup');
    page([changing], 0);

    changing.name = 'Mug';

    expect(page([changing], 0)).toContain('>Mug</a>');
  });
});
