import { html, page } from './html';

/** One line of the 公开目录, already in words. */
export interface CatalogueLine {
  seq: number;
  regNo: string;
  title: string;
  category: string;
  forms: string;
  scope: string;
  timing: string;
  disclosedOn: string;
  department: string;
}

export interface CatalogueDoc {
  /** 某某中学校务公开目录 */
  title: string;
  /** 2026年3月 / 2026年度 */
  periodLabel: string;
  unionName: string;
  operator: string;
  printedOn: string;
  lines: CatalogueLine[];
}

/** The columns of the catalogue, shared with the spreadsheet so print and .xlsx never disagree. */
export const CATALOGUE_COLUMNS: { key: keyof CatalogueLine; header: string; widthMm: number; xlsxWidth: number }[] = [
  { key: 'seq', header: '序号', widthMm: 11, xlsxWidth: 6 },
  { key: 'regNo', header: '登记号', widthMm: 21, xlsxWidth: 11 },
  { key: 'title', header: '公开事项', widthMm: 0, xlsxWidth: 44 },
  { key: 'category', header: '类别', widthMm: 22, xlsxWidth: 12 },
  { key: 'forms', header: '公开形式', widthMm: 38, xlsxWidth: 22 },
  { key: 'scope', header: '范围', widthMm: 17, xlsxWidth: 9 },
  { key: 'timing', header: '时限', widthMm: 12, xlsxWidth: 6 },
  { key: 'disclosedOn', header: '公开日期', widthMm: 23, xlsxWidth: 12 },
  { key: 'department', header: '责任部门', widthMm: 32, xlsxWidth: 18 },
];

const CSS = `
@page { @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; } }
h1 { font-size: 18pt; letter-spacing: 2pt; margin-bottom: 2mm; }
.period { text-align: center; font-size: 11pt; margin-bottom: 4mm; }
.meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 1.5mm; }
table.cat { table-layout: fixed; }
.cat th, .cat td { border: 0.25mm solid #000; padding: 1.2mm 1.5mm; font-size: 9.5pt; vertical-align: middle; word-break: break-all; }
.cat th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f0f0f0; }
.cat td.c { text-align: center; }
.cat tr { break-inside: avoid; }
.cat td.none { text-align: center; color: #555; height: 14mm; }
.foot { margin-top: 3mm; font-size: 9pt; display: flex; justify-content: space-between; }
/* The on-screen preview has no page margins of its own. */
@media screen { body { padding: 12mm; } }
`;

const CENTERED = new Set<keyof CatalogueLine>(['seq', 'regNo', 'scope', 'timing', 'disclosedOn', 'category']);

/** 公开目录 for a month or a year: A4 landscape, the header row repeated on every page, page numbers below. */
export function disclosureCatalogueHtml(doc: CatalogueDoc): string {
  const cols = CATALOGUE_COLUMNS.map((c) => html`<col${c.widthMm ? html` style="width:${c.widthMm}mm"` : ''}>`);
  const head = CATALOGUE_COLUMNS.map((c) => html`<th>${c.header}</th>`);
  const body = doc.lines.length
    ? doc.lines.map((l, i) => html`${i ? '\n' : ''}<tr>${CATALOGUE_COLUMNS.map((c) => html`<td${CENTERED.has(c.key) ? html` class="c"` : ''}>${l[c.key]}</td>`)}</tr>`)
    : html`<tr><td class="none" colspan="${CATALOGUE_COLUMNS.length}">本期没有登记的公开事项。</td></tr>`;
  const markup = html`
<h1>${doc.title}</h1>
<div class="period">（${doc.periodLabel}）</div>
<div class="meta"><span>${doc.unionName}</span><span>共 ${doc.lines.length} 项</span></div>
<table class="cat"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<div class="foot"><span>制表：${doc.operator}</span><span>制表日期：${doc.printedOn}</span></div>`;
  return page(markup, { title: `${doc.title}（${doc.periodLabel}）`, landscape: true, marginMm: 12, css: CSS });
}
