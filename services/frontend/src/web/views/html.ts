/** Markup that is already safe: made by the `html` tag, so its dynamic parts were escaped. */
export class SafeHtml {
  readonly markup: string;
  constructor(markup: string) {
    this.markup = markup;
  }
  toString(): string {
    return this.markup;
  }
}

const specialCharacters = /[&<>"']/;
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return specialCharacters.test(text)
    ? text.replace(/[&<>"']/g, (char) => escapes[char] ?? '')
    : text;
}

/**
 * The one way the frontend writes HTML: a tagged template that escapes every interpolated value,
 * unless the value is itself `SafeHtml` (the result of another `html` template). Arrays are joined;
 * `undefined`, `null` and `false` render nothing, so `${cond && html`…`}` works.
 * NOTE: this is what makes backend data inert: a product named `<script>…` renders as text. Views
 * are TypeScript functions, so a view that reads a field the contract does not have fails to compile.
 *
 * @example
 * html`<a href="/products/${encodeURIComponent(product.id)}">${product.name}</a>`
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let markup = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) markup += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(markup);
}

function render(value: unknown): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof SafeHtml) return value.markup;
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) {
    let markup = '';
    for (const item of value) markup += render(item);
    return markup;
  }
  return escapeHtml(String(value));
}
