import { html } from './html.ts';
import { layout, type SiteInfo } from './layout.ts';

export interface ErrorView {
  status: number;
  title: string;
  message: string;
}

/** The page for a failed request (404, 400, 503…): a human message and a way back. */
export function errorPage(site: SiteInfo, { status, title, message }: ErrorView): string {
  return layout(
    site,
    title,
    html`<section class="error-page" data-testid="error" data-status="${status}">
  <h1>${title}</h1>
  <p>${message}</p>
  <p><a href="/">Back to the shop</a></p>
</section>`,
  );
}
