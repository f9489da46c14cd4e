/** Escapes text for HTML: every printed value passes through here (only `html` and `page` call it), so a name can never become markup. */
function esc(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Multi-line text keeps its line breaks once escaped. */
const escLines = (v: unknown): string => esc(v).replace(/\r?\n/g, '<br>');

/**
 * Markup that is already safe: the only thing `html` inserts unescaped. Templates build it with `html`
 * itself, so raw text from a record can only get here through an explicit `raw(...)` call.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** The explicit marker for trusted markup (CSS, a fixed fragment); never for a record's value. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** Multi-line text, escaped, with its line breaks kept. */
export const lines = (v: unknown): SafeHtml => new SafeHtml(escLines(v));

function part(v: unknown): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

/**
 * Tagged template for print HTML: every interpolation is escaped unless it is a `SafeHtml` (a nested `html`
 * result, or `raw(...)`), and arrays are joined, so a forgotten escape cannot exist.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += part(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

export interface PageOptions {
  title: string;
  landscape?: boolean;
  /** Page margins in mm; DA/T 22 forms and the 归档章 need exact placement, so templates choose. */
  marginMm?: number;
  css: string;
}

/**
 * A whole printable document: A4 via @page, CJK fonts that exist on Windows (宋体/黑体) and on Debian (Noto CJK),
 * no scripts and no external resources, so the PDF engine renders exactly this.
 */
export function page(body: string | SafeHtml, opts: PageOptions): string {
  const { head, tail } = pageParts(opts);
  return `${head}${body}${tail}`;
}

/** `page` without its body: what comes before it and after it, for a document written in parts. */
export function pageParts(opts: PageOptions): { head: string; tail: string } {
  const size = opts.landscape ? 'A4 landscape' : 'A4';
  const head = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<style>
@page { size: ${size}; margin: ${opts.marginMm ?? 15}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; color: #000; }
h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; text-align: center; font-size: 20pt; letter-spacing: 4pt; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; }
${opts.css}
</style></head><body>`;
  return { head, tail: '</body></html>' };
}
