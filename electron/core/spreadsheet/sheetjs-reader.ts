/**
 * Excel 95 .xls (BIFF5, and a BIFF8 stream biff8.ts cannot make sense of) and Excel 2003 XML → SheetGrid,
 * read by SheetJS (`@e965/xlsx`, the SheetJS Community Edition build republished on npm; provenance and the
 * CVE fixes it carries are in README.md). SheetJS parses the records; this file only turns its cells into ours,
 * so both formats get the same value/text/date rules as the .xlsx reader (number-format.ts, numfmt underneath).
 *
 * SheetJS's format table is global to the library: the zh-CN built-in codes (ids 14, 22, 27–36, 50–58) are
 * loaded into it before every read (an Excel 2003 XML read resets it), so a cell with id 31 arrives as
 * `yyyy"年"m"月"d"日"`, not as SheetJS's US fallback `m/d/yy`.
 */
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel';
import { BIFF_ERRORS as ERRORS } from './biff8';
import { GridBuilder } from './grid-builder';
import { MSG, refuse } from './messages';
import { builtinFormat, formatInfo, makeBoolCell, makeNumberCell, makeTextCell, ZH_CN_BUILTIN_IDS, type FormatInfo } from './number-format';
import type { Cell, OpenOptions, ReadOptions, SheetGrid, SheetInfo, WorkbookFormat, WorkbookReader } from './types';
import { resolveLimits } from './types';

// Code pages of BIFF5 and older files (GBK/936 for Chinese Excel 95); the ES module build leaves them out.
XLSX.set_cptable(cptable);


const TABLE_IDS = [14, 22, ...ZH_CN_BUILTIN_IDS];

function loadZhCnFormats(): void {
  for (const id of TABLE_IDS) XLSX.SSF.load(builtinFormat(id), id);
}

const READ_OPTS: XLSX.ParsingOptions = {
  dense: true,
  cellNF: true,
  cellText: false,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  WTF: false,
};

function toCell(c: XLSX.CellObject, date1904: boolean, fmtOf: (code: string | undefined) => FormatInfo | undefined): Cell | undefined {
  switch (c.t) {
    case 'n':
      return typeof c.v === 'number' ? makeNumberCell(c.v, fmtOf(c.z as string | undefined), date1904) : undefined;
    case 's':
      return typeof c.v === 'string' ? makeTextCell(c.v) : undefined;
    case 'b':
      return makeBoolCell(c.v === true);
    case 'e':
      return { value: null, text: (typeof c.v === 'number' ? ERRORS[c.v] : undefined) ?? (typeof c.w === 'string' ? c.w : '#N/A') };
    case 'd': {
      // Excel 2003 XML DateTime cells when SheetJS keeps them as dates: the grid's UTC wall-clock convention.
      const d = c.v instanceof Date ? c.v : null;
      if (!d) return undefined;
      const fmt = fmtOf(c.z as string | undefined) ?? formatInfo('yyyy-mm-dd');
      return { value: d, text: fmt.render(d), numFmt: fmt.code, isDateFormat: true };
    }
    default:
      return undefined; // 'z': a stub (a cell holding only a comment or a style) is empty
  }
}

function toGrid(name: string, ws: XLSX.WorkSheet, date1904: boolean, opts: ReturnType<typeof resolveLimits>): SheetGrid {
  const grid = new GridBuilder(name, opts);
  const fmtCache = new Map<string, FormatInfo | undefined>();
  const fmtOf = (code: string | undefined) => {
    if (!code || code === 'General') return undefined;
    let f = fmtCache.get(code);
    if (f === undefined && !fmtCache.has(code)) fmtCache.set(code, (f = formatInfo(code)));
    return f;
  };
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    if ((r & 0x3ff) === 0) grid.checkpoint();
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) grid.set(r, c, toCell(cell, date1904, fmtOf));
    }
  }
  for (const m of ws['!merges'] ?? []) grid.merge(m.s.r, m.e.r, m.s.c, m.e.c);
  return grid.finish();
}

/**
 * Opens a workbook SheetJS reads from bytes already in memory (.xls is at most 65,536 rows × 256 columns;
 * Excel 2003 XML files are the small exports of web systems). The whole workbook is parsed once, here.
 */
export function openWithSheetJs(bytes: Buffer, format: Extract<WorkbookFormat, 'xls' | 'xml2003'>, base: OpenOptions | undefined): WorkbookReader {
  let wb: XLSX.WorkBook;
  loadZhCnFormats();
  try {
    wb = XLSX.read(bytes, { ...READ_OPTS, type: 'buffer' });
  } catch (e) {
    const text = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(text)) throw refuse(MSG.encrypted);
    if (/BIFF ?[234]\b|Unsupported BIFF/i.test(text)) throw refuse(MSG.biff4);
    throw refuse(MSG.corrupt);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const infos: SheetInfo[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    // Chart sheets, macro sheets and dialog sheets hold no records for us.
    if (!ws || (ws as { '!type'?: string })['!type']) return;
    infos.push({ name, hidden: Boolean(wb.Workbook?.Sheets?.[i]?.Hidden) });
  });
  // A workbook stream without a single worksheet was cut short; an XML file without one is not a workbook.
  if (infos.length === 0) throw refuse(format === 'xls' ? MSG.corrupt : MSG.notSpreadsheet);
  return {
    format,
    sheetNames: () => infos.map((s) => s.name),
    sheets: () => infos.map((s) => ({ ...s })),
    async readSheet(name: string, opts?: ReadOptions): Promise<SheetGrid> {
      const ws = infos.some((s) => s.name === name) ? wb.Sheets[name] : undefined;
      if (!ws) throw refuse(MSG.noSheet(name));
      const limits = resolveLimits(base, opts);
      const grid = toGrid(name, ws, date1904, limits);
      limits.onProgress?.(1);
      return grid;
    },
    async close() {},
  };
}
