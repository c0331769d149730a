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

const specialCharacters = /[&<>"'\u0100-\uffff]/;
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML content and for quoted attribute values. Characters beyond Latin-1 (`€`,
 * `→`, emoji) become numeric character references (`&#x20ac;`), which browsers show the same.
 * NOTE: V8 stores a string with one byte per character only while every character is Latin-1; a
 * single `€` makes the whole page two bytes per character. Every copy of the page (the page itself,
 * the one Node joins with the response head) then doubles, and writing it must transcode UTF-16 to
 * UTF-8: ~10 % of a page's CPU in the benchmark (docs/performance.md). So pages stay Latin-1, the
 * views' own text included (`&rarr;`, not `→`; a test checks).
 */
export function escapeHtml(text: string): string {
  if (!specialCharacters.test(text)) return text;
  if (!beyondLatin1.test(text)) return text.replace(/[&<>"']/g, reference);
  let escaped = latin1Texts.get(text);
  if (escaped === undefined) {
    // Pieces of a two-byte string stay two-byte in V8 even when they are plain ASCII: decoding the
    // escaped text as Latin-1 makes it a one-byte string again. That costs ~1 µs, and such texts
    // (prices in €, names) come again and again: short ones are remembered, up to a bound.
    escaped = Buffer.from(text.replace(/[&<>"']|[^\0-\u00ff]/gu, reference), 'latin1').toString(
      'latin1',
    );
    if (text.length > 256) return escaped;
    if (latin1Texts.size >= maxLatin1Texts) latin1Texts.clear();
    latin1Texts.set(text, escaped);
  }
  return escaped;
}

const beyondLatin1 = /[^\0-\u00ff]/u;
const maxLatin1Texts = 4096;
const latin1Texts = new Map<string, string>();

function reference(char: string): string {
  return escapes[char] ?? `&#x${char.codePointAt(0)!.toString(16)};`;
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
