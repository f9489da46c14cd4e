/** Escapes text for HTML: every printed value passes through here, so a name can never become markup. */
export function esc(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Multi-line text keeps its line breaks once escaped. */
export const escLines = (v: unknown): string => esc(v).replace(/\r?\n/g, '<br>');

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
export function page(body: string, opts: PageOptions): string {
  const size = opts.landscape ? 'A4 landscape' : 'A4';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<style>
@page { size: ${size}; margin: ${opts.marginMm ?? 15}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; color: #000; }
h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; text-align: center; font-size: 20pt; letter-spacing: 4pt; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; }
${opts.css}
</style></head><body>${body}</body></html>`;
}
