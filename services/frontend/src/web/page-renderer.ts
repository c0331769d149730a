import { Eta } from 'eta';
import { applyDiscount } from './discount.ts';
import { formatMoney } from './format-money.ts';

export interface SiteInfo {
  /** The environment name shown on every page, e.g. `development`. */
  appEnv: string;
  /** The transport the frontend uses to reach the catalog, shown on every page. */
  transport: string;
}

/** Renders the view named `view` (a file `views/<view>.eta`) with `context` as `it`. */
export type RenderPage = (view: string, context: Record<string, unknown>) => string;

/** What every template can call besides its data. */
const helpers = { money: formatMoney, discounted: applyDiscount };

/**
 * Creates the page renderer over the Eta templates in `viewsDir`. Each template is compiled once,
 * to a JavaScript function, and cached (Eta replaced nunjucks: a third of the time per page;
 * docs/performance.md).
 * NOTE: `autoEscape` HTML-escapes every `<%= value %>`, so backend data such as a product named
 * `<script>…` renders as inert text. Raw output (`<%~ %>`) is used only for the layout's body and
 * for included templates, which are themselves escaped.
 */
export function createPageRenderer({
  viewsDir,
  site,
}: {
  viewsDir: string;
  site: SiteInfo;
}): RenderPage {
  const eta = new Eta({ views: viewsDir, cache: true, autoEscape: true });
  return (view, context) => eta.render(`./${view}`, { ...context, ...helpers, site });
}
