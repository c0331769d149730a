import nunjucks from 'nunjucks';
import { applyDiscount } from './discount.ts';
import { formatMoney } from './format-money.ts';

export interface SiteInfo {
  /** The environment name shown on every page, e.g. `development`. */
  appEnv: string;
  /** The transport the frontend uses to reach the catalog, shown on every page. */
  transport: string;
}

export type RenderPage = (view: string, context: Record<string, unknown>) => string;

/**
 * Creates the page renderer over the templates in `viewsDir`.
 * NOTE: `autoescape: true` HTML-escapes every `{{ value }}`, so backend data such as a product
 * named `<script>…` renders as inert text. Nothing in the templates uses `| safe`.
 */
export function createPageRenderer({
  viewsDir,
  site,
}: {
  viewsDir: string;
  site: SiteInfo;
}): RenderPage {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewsDir), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('money', formatMoney);
  env.addFilter('discounted', applyDiscount);
  return (view, context) => env.render(view, { ...context, site });
}
