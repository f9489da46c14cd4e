/**
 * The DA/T 22-2015 forms of 年度归档 (DOMAIN.md §5.6–5.9), mm-exact: the 归档文件目录 with its cover (A4
 * landscape, header repeated on every page, titles wrap), the 归档章 as a sheet of self-adhesive labels, the
 * 备考表 per box and the box spines. Pure data → HTML through html``.
 */
import { catalogueDate, printedTitle, RETENTION_LABELS, RETENTION_SHORT, type Retention } from '../../../shared/domain/archive-labels';
import { html, page, type SafeHtml } from './html';

export interface CatalogueRow {
  archiveCode: string;
  docNo: string;
  responsible: string;
  title: string;
  selfMadeTitle: boolean;
  date: string;
  secrecy: string;
  pages: number | null;
  remarks: string;
}

export interface CatalogueVolume {
  retention: Retention;
  /** 机构(问题) on the cover: the codes and names of the classes in this volume. */
  orgs: string;
  rows: CatalogueRow[];
}

export interface FondsInfo {
  fondsCode: string;
  fondsName: string;
  year: number;
}

/** Column widths in mm for A4 landscape with 15 mm margins (267 mm); 题名 takes the rest and wraps. */
export const CATALOGUE_COLUMNS = [
  { key: 'seq', header: '序号', mm: 11, xlsx: 6 },
  { key: 'archiveCode', header: '档号', mm: 46, xlsx: 26 },
  { key: 'docNo', header: '文号', mm: 34, xlsx: 16 },
  { key: 'responsible', header: '责任者', mm: 32, xlsx: 18 },
  { key: 'title', header: '题名', mm: 0, xlsx: 48 },
  { key: 'date', header: '日期', mm: 20, xlsx: 10 },
  { key: 'secrecy', header: '密级', mm: 12, xlsx: 6 },
  { key: 'pages', header: '页数', mm: 12, xlsx: 6 },
  { key: 'remarks', header: '备注', mm: 16, xlsx: 12 },
] as const;

const BASE_CSS = `
.cover { height: 178mm; display: flex; flex-direction: column; align-items: center; justify-content: center; break-after: page; }
.cover h1 { font-size: 30pt; letter-spacing: 8pt; margin-bottom: 18mm; }
.cover table { width: 150mm; font-size: 15pt; }
.cover td { padding: 3.5mm 2mm; border-bottom: 0.3mm solid #000; }
.cover td.k { width: 45mm; text-align: justify; text-align-last: justify; border-bottom: none; padding-right: 6mm; }
h2.cat { font-size: 18pt; text-align: center; letter-spacing: 4pt; margin: 0 0 4mm; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
table.cat { table-layout: fixed; width: 267mm; }
table.cat thead { display: table-header-group; }
table.cat th, table.cat td { border: 0.25mm solid #000; padding: 1.2mm 1.2mm; font-size: 9.5pt; vertical-align: middle; overflow-wrap: anywhere; word-break: break-all; }
table.cat th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
table.cat td.c { text-align: center; }
table.cat tr { break-inside: avoid; }
.volume + .volume { break-before: page; }
`;

function coverHtml(f: FondsInfo, v: CatalogueVolume): SafeHtml {
  return html`<section class="cover"><h1>归档文件目录</h1><table>
<tr><td class="k">全宗号</td><td>${f.fondsCode}</td></tr>
<tr><td class="k">全宗名称</td><td>${f.fondsName}</td></tr>
<tr><td class="k">年度</td><td>${f.year}</td></tr>
<tr><td class="k">保管期限</td><td>${RETENTION_LABELS[v.retention]}</td></tr>
<tr><td class="k">机构（问题）</td><td>${v.orgs}</td></tr>
</table></section>`;
}

function tableHtml(v: CatalogueVolume): SafeHtml {
  const cols = CATALOGUE_COLUMNS.map((c) => (c.mm ? html`<col style="width:${c.mm}mm">` : html`<col>`));
  const head = CATALOGUE_COLUMNS.map((c) => html`<th>${c.header}</th>`);
  const body = v.rows.map(
    (r, i) => html`<tr><td class="c">${i + 1}</td><td class="c">${r.archiveCode}</td><td>${r.docNo}</td><td>${r.responsible}</td><td>${printedTitle(r.title, r.selfMadeTitle)}</td><td class="c">${catalogueDate(r.date)}</td><td class="c">${r.secrecy}</td><td class="c">${r.pages ?? ''}</td><td>${r.remarks}</td></tr>`,
  );
  return html`<h2 class="cat">归档文件目录</h2><table class="cat"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Cover + catalogue per retention period; volumes without rows are left out (an empty class prints nothing). */
export function catalogueHtml(f: FondsInfo, volumes: readonly CatalogueVolume[], opts: { cover?: boolean } = {}): string {
  const body = volumes
    .filter((v) => v.rows.length)
    .map((v) => html`<div class="volume">${opts.cover === false ? '' : coverHtml(f, v)}${tableHtml(v)}</div>`);
  return page(html`${body}`, { title: `${f.year}年度归档文件目录`, landscape: true, marginMm: 15, css: BASE_CSS });
}

// --- 归档章 ---------------------------------------------------------------------------------------------------

export interface StampData {
  fondsCode: string;
  year: number;
  itemNo: string;
  orgCode: string;
  retention: Retention;
  pages: number | null;
}

/** 45 × 16 mm, six equal cells of 15 × 8 mm (DA/T 22-2015 appendix): 全宗号 年度 件号 / 机构(问题) 保管期限 页数. */
export const STAMP_MM = { width: 45, height: 16, cellW: 15, cellH: 8 } as const;

export const stampCells = (s: StampData): [string, string, string, string, string, string] => [
  s.fondsCode,
  String(s.year),
  s.itemNo,
  s.orgCode,
  RETENTION_SHORT[s.retention],
  s.pages === null ? '' : String(s.pages),
];

/** The common A4 label sheet: 4 × 15 labels of 48.5 × 18 mm (A4 70-label grids vary; this one centres). */
export const LABEL_GRID = { cols: 4, rows: 15, pitchW: 48.5, pitchH: 18, left: 8, top: 13.5 } as const;

const STAMP_CSS = `
@page { size: A4; margin: 0; }
.sheet { position: relative; width: 210mm; height: 297mm; break-after: page; overflow: hidden; }
.sheet:last-child { break-after: auto; }
.label { position: absolute; width: ${LABEL_GRID.pitchW}mm; height: ${LABEL_GRID.pitchH}mm; }
.stamp { position: absolute; left: ${(LABEL_GRID.pitchW - STAMP_MM.width) / 2}mm; top: ${(LABEL_GRID.pitchH - STAMP_MM.height) / 2}mm;
  width: ${STAMP_MM.width}mm; height: ${STAMP_MM.height}mm; border-collapse: collapse; table-layout: fixed; }
.stamp td { width: ${STAMP_MM.cellW}mm; height: ${STAMP_MM.cellH}mm; border: 0.3mm solid #d00000; padding: 0; text-align: center; vertical-align: middle;
  font-size: 7.5pt; line-height: 1; white-space: nowrap; overflow: hidden; }
`;

export function stampTable(s: StampData): SafeHtml {
  const c = stampCells(s);
  return html`<table class="stamp"><tr><td>${c[0]}</td><td>${c[1]}</td><td>${c[2]}</td></tr><tr><td>${c[3]}</td><td>${c[4]}</td><td>${c[5]}</td></tr></table>`;
}

export function stampSheetHtml(stamps: readonly StampData[], title: string): string {
  const per = LABEL_GRID.cols * LABEL_GRID.rows;
  const sheets: SafeHtml[] = [];
  for (let i = 0; i < stamps.length; i += per) {
    const labels = stamps.slice(i, i + per).map((s, j) => {
      const left = LABEL_GRID.left + (j % LABEL_GRID.cols) * LABEL_GRID.pitchW;
      const top = LABEL_GRID.top + Math.floor(j / LABEL_GRID.cols) * LABEL_GRID.pitchH;
      return html`<div class="label" style="left:${left}mm;top:${top}mm">${stampTable(s)}</div>`;
    });
    sheets.push(html`<section class="sheet">${labels}</section>`);
  }
  return page(html`${sheets}`, { title, marginMm: 0, css: STAMP_CSS });
}

// --- 备考表 and spine --------------------------------------------------------------------------------------------

export interface BoxData {
  boxNo: number;
  retention: Retention;
  orgCode: string;
  firstItemNo: string;
  lastItemNo: string;
  items: number;
  pages: number;
}

export interface BoxPeople {
  organizer: string;
  checker: string;
  organizedOn: string;
  checkedOn: string;
}

const BEIKAO_CSS = `
@page { size: A4; margin: 25mm 25mm 25mm 25mm; }
.bk { break-after: page; }
.bk:last-child { break-after: auto; }
.bk h1 { font-size: 22pt; letter-spacing: 10pt; margin: 0 0 10mm; }
.bk table { width: 160mm; table-layout: fixed; }
.bk td { border: 0.3mm solid #000; padding: 3mm 4mm; font-size: 12pt; vertical-align: top; }
.bk td.h { height: 14mm; vertical-align: middle; }
.bk td.big { height: 150mm; line-height: 2; }
.bk .lab { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
`;

/** 盒内文件情况说明 prefilled as a real template does: "YYYY年度 单位，保管期限，第N盒，盒内文件共 N 件，共 M 页". */
export const beikaoText = (f: FondsInfo, b: BoxData): string =>
  `${f.year}年度 ${f.fondsName}，${RETENTION_LABELS[b.retention]}，${b.orgCode ? `${b.orgCode}，` : ''}第 ${b.boxNo} 盒，盒内文件共 ${b.items} 件，共 ${b.pages} 页（件号 ${b.firstItemNo}—${b.lastItemNo}）。`;

export function beikaoHtml(f: FondsInfo, boxes: readonly BoxData[], people: BoxPeople): string {
  const body = boxes.map(
    (b) => html`<section class="bk"><h1>备考表</h1><table>
<tr><td class="big"><span class="lab">盒内文件情况说明：</span><br>${beikaoText(f, b)}</td></tr>
<tr><td class="h"><span class="lab">整理人：</span>${people.organizer}</td></tr>
<tr><td class="h"><span class="lab">整理日期：</span>${people.organizedOn}</td></tr>
<tr><td class="h"><span class="lab">检查人：</span>${people.checker}</td></tr>
<tr><td class="h"><span class="lab">检查日期：</span>${people.checkedOn}</td></tr>
</table></section>`,
  );
  return page(html`${body}`, { title: `${f.year}年度备考表`, marginMm: 25, css: BEIKAO_CSS });
}

/** The spine of a 310 × 220 mm box, the chosen width; 270 mm of its 310 mm height printed (A4 portrait). */
export const SPINE_HEIGHT_MM = 270;

export function spineHtml(f: FondsInfo, boxes: readonly BoxData[], widthMm: number): string {
  const perSheet = Math.max(1, Math.floor(190 / widthMm));
  const sheets: SafeHtml[] = [];
  for (let i = 0; i < boxes.length; i += perSheet) {
    const spines = boxes.slice(i, i + perSheet).map(
      (b) => html`<div class="spine" style="width:${widthMm}mm">
<div class="cell t">全宗号</div><div class="cell v">${f.fondsCode}</div>
<div class="cell t">年度</div><div class="cell v">${f.year}</div>
<div class="cell t">保管期限</div><div class="cell v">${RETENTION_SHORT[b.retention]}</div>
${b.orgCode ? html`<div class="cell t">机构</div><div class="cell v">${b.orgCode}</div>` : ''}
<div class="cell t">起止件号</div><div class="cell v">${b.firstItemNo}</div><div class="cell v">${b.lastItemNo}</div>
<div class="cell t">盒号</div><div class="cell v big">${b.boxNo}</div>
</div>`,
    );
    sheets.push(html`<section class="sheet">${spines}</section>`);
  }
  const css = `
@page { size: A4; margin: 13.5mm 10mm; }
.sheet { display: flex; gap: 0; break-after: page; }
.sheet:last-child { break-after: auto; }
.spine { height: ${SPINE_HEIGHT_MM}mm; border: 0.3mm solid #000; display: flex; flex-direction: column; margin-right: -0.3mm; }
.spine .cell { border-bottom: 0.3mm solid #000; text-align: center; display: flex; align-items: center; justify-content: center; overflow-wrap: anywhere; }
.spine .t { height: 12mm; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 9pt; }
.spine .v { height: 24mm; font-size: 12pt; }
.spine .big { flex: 1; font-size: 26pt; border-bottom: none; }
`;
  return page(html`${sheets}`, { title: `${f.year}年度档案盒脊背`, marginMm: 10, css });
}
