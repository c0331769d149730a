import { html, type SafeHtml } from './html.ts';

/** A product's tags, each a link to the products with that tag. */
export function tagLinks(tags: readonly string[]): SafeHtml {
  return html`<ul class="tags">
      ${tags.map((tag) => html`<li><a href="/?tag=${encodeURIComponent(tag)}">${tag}</a></li>`)}
    </ul>`;
}
