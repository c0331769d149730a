import { describe, expect, it } from 'vitest';
import { html, SafeHtml } from './html.ts';

describe('the html template tag', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<script>alert("x")</script> & 'friends'`;

    expect(html`<a title="${name}">${name}</a>`.markup).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;</a>',
    );
  });

  it('keeps nested templates as they are, joins arrays and renders nothing for absent values', () => {
    const items = ['<a>', 'b'].map((item) => html`<li>${item}</li>`);

    const markup = html`<ul>${items}</ul>${undefined}${null}${false}${0}`.markup;

    expect(markup).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
  });

  it('escapes strings that only look like markup: only html templates are trusted', () => {
    const forged = { markup: '<b>' };

    expect(html`${forged}`.markup).toBe('[object Object]');
    expect(html`${new SafeHtml('<b>')}`.markup).toBe('<b>');
  });

  it('writes characters beyond Latin-1 as character references, emoji as one', () => {
    expect(html`<p>${'€12 → café 🙂'}</p>`.markup).toBe(
      '<p>&#x20ac;12 &#x2192; café &#x1f642;</p>',
    );
  });
});
