import { describe, expect, it } from 'vitest';
import { html, lines, page, raw } from '../../../electron/core/print/html';

describe('html tagged template', () => {
  it('escapes every interpolation by default', () => {
    const name = '<script>alert("x")</script> & \'';
    expect(html`<td>${name}</td>`.value).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;</td>');
  });

  it('keeps nested templates and raw() as markup, joins arrays, drops null/undefined/false', () => {
    const rows = ['甲', '<乙>'].map((n) => html`<tr><td>${n}</td></tr>`);
    const out = html`<table>${rows}${null}${undefined}${false}${raw('<!-- fixed -->')}</table>`;
    expect(out.value).toBe('<table><tr><td>甲</td></tr><tr><td>&lt;乙&gt;</td></tr><!-- fixed --></table>');
  });

  it('prints numbers and zero, and keeps line breaks with lines()', () => {
    expect(html`${0}|${12.5}`.value).toBe('0|12.5');
    expect(html`<p>${lines('一\n<二>')}</p>`.value).toBe('<p>一<br>&lt;二&gt;</p>');
  });

  it('page() takes a template result as its body', () => {
    const doc = page(html`<h1>${'登记表'}</h1>`, { title: 'a<b', css: '' });
    expect(doc).toContain('<body><h1>登记表</h1></body>');
    expect(doc).toContain('<title>a&lt;b</title>');
  });
});
