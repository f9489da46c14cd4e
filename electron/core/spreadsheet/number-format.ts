/**
 * Number formats: which ones are dates (so a serial becomes a Date) and what text the clerk sees.
 *
 * The rendering is `numfmt` (a maintained engine for Excel's number-format language, zh-CN locale): sections,
 * conditions, fractions, escapes, padding, fill, elapsed time, month and weekday names. Kept here, because no
 * library has them right:
 *   - the zh-CN built-in format ids. Files from Chinese Excel/WPS use ids 27–36 and 50–58 (年/月/日, 时/分)
 *     whose code is not written into the file; readers that only know the ECMA list (ids 14–22) return plain
 *     numbers for them (exceljs does);
 *   - 上午/下午 as the AM/PM token of those codes (numfmt prints it literally);
 *   - a conditional section keeps the value's sign: Excel shows −25 under `[Red][<=-25]General;…` as "-25",
 *     numfmt (like SheetJS's older SSF) drops it;
 *   - General as Excel shows it in a normal-width column (numfmt's own, with an integer fast path);
 *   - the Date convention of the grid (UTC wall clock) and the 1900/1904 serials (`serialToDate`).
 */
import { format as numfmt, isDateFormat, isTextFormat } from './numfmt';
import { EXCEL_MAX_SERIAL } from '../../../shared/domain/dates';
import type { Cell } from './types';

const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** The zh-CN built-in codes (ids 27–36, 50–58), for readers that take their format table from elsewhere. */
export const ZH_CN_BUILTIN_IDS = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58] as const;

/** The format code of a built-in id (zh-CN variants for the locale ids); unknown ids are General. */
export function builtinFormat(id: number): string {
  return BUILTIN[id] ?? 'General';
}

export interface FormatInfo {
  code: string;
  general: boolean;
  isDate: boolean;
  isText: boolean;
  /** Renders a value with this format; prepared once per format code. */
  render: (v: number | Date) => string;
}

const OPTS = { locale: 'zh-CN', throws: false, invalid: '', nbsp: false } as const;
const infoCache = new Map<string, FormatInfo>();

/**
 * The code numfmt is given: the zh-CN AM/PM token spelled the way numfmt knows it (the zh-CN locale then
 * prints 上午/下午). Only outside quoted literals; `上午/下午` never appears inside one in Excel's codes.
 */
function forEngine(code: string): string {
  return code.includes('上午/下午') ? code.split('上午/下午').join('AM/PM') : code;
}

/**
 * The texts of one format, remembered per value: a roster repeats its dates and amounts (入会时间 2010-09-01 on
 * hundreds of rows), and numfmt renders a value in ~1–2 µs. Bounded, so a column of distinct values cannot grow it.
 */
function memo(render: (n: number) => string): (n: number) => string {
  const seen = new Map<number, string>();
  return (n) => {
    let t = seen.get(n);
    if (t === undefined) {
      t = render(n);
      if (seen.size < 50_000) seen.set(n, t);
    }
    return t;
  };
}

/** Splits a code at its section separators (`;` outside quotes, escapes and brackets). */
export function formatSections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === '\\') i++;
    else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === ';') {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  out.push(code.slice(start));
  return out;
}

const CONDITION = /\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+(?:E[+-]?\d+)?)\s*\]/i;

function test(op: string, n: number, bound: number): boolean {
  switch (op) {
    case '<': return n < bound;
    case '<=': return n <= bound;
    case '>': return n > bound;
    case '>=': return n >= bound;
    case '=': return n === bound;
    default: return n !== bound;
  }
}

/**
 * For a code with explicit conditions: the section Excel uses for a negative value, rendered on its own with
 * the value's sign (a lone section prints a minus for negatives). null when the code has no condition.
 */
function conditionalRenderer(code: string): ((n: number) => string) | null {
  if (!CONDITION.test(code)) return null;
  const sections = formatSections(code).map((s) => {
    const m = CONDITION.exec(s);
    return { cond: m ? { op: m[1] as string, bound: Number(m[2]) } : null, code: m ? s.replace(CONDITION, '') : s };
  });
  // Sections 1 and 2 may carry a condition; a value none matches takes the first numeric section without one.
  const numeric = sections.slice(0, 3);
  const fallback = numeric.find((s) => !s.cond) ?? numeric[0];
  return (n) => {
    const pick = numeric.find((s) => s.cond && test(s.cond.op, n, s.cond.bound)) ?? fallback;
    return numfmt(forEngine(pick?.code ?? 'General'), n, OPTS);
  };
}

export function isDateFormatCode(code: string): boolean {
  const first = formatSections(code)[0] ?? '';
  if (/general/i.test(first)) return false;
  return isDateFormat(forEngine(code));
}

export function formatInfo(code: string): FormatInfo {
  let info = infoCache.get(code);
  if (!info) {
    const general = code === '' || /^general$/i.test(code.trim());
    const isDate = !general && isDateFormatCode(code);
    const isText = !general && isTextFormat(code);
    const engineCode = forEngine(code);
    let render: (v: number | Date) => string;
    if (general || isText) render = (v) => (v instanceof Date ? v.toISOString() : generalText(v));
    else if (isDate) {
      const text = memo((n) => numfmt(engineCode, n, OPTS));
      render = (v) => text(v instanceof Date ? dateToSerial(v) : v);
    } else {
      const conditional = conditionalRenderer(code);
      const text = memo((n) => (n < 0 && conditional ? conditional(n) : numfmt(engineCode, n, OPTS)));
      render = (v) => (v instanceof Date ? v.toISOString() : text(v));
    }
    info = { code, general, isDate, isText, render };
    infoCache.set(code, info);
  }
  return info;
}

// ---------------------------------------------------------------------------------------------------------
// Cells

export function makeTextCell(s: string): Cell | undefined {
  return s === '' ? undefined : { value: s, text: s };
}

export function makeBoolCell(b: boolean): Cell {
  return { value: b, text: b ? 'TRUE' : 'FALSE' };
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/**
 * Excel serial → Date holding the wall-clock value in UTC fields (1900 system incl. Lotus's fake 1900-02-29;
 * 1904 system when the workbook says so). Time-only values (< 1 day), serial 60 and serials past 9999-12-31
 * give null: the caller keeps the number.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const s = date1904 ? serial + 1462 : serial;
  const day = Math.floor(s);
  if (day < 1 || day > EXCEL_MAX_SERIAL || (day === 60 && !date1904)) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : EPOCH_1900;
  return new Date(epoch + day * DAY_MS + Math.round((s - day) * 86_400) * 1000);
}

/** A grid Date (UTC wall clock) → its 1900-system serial, the form numfmt renders. */
export function dateToSerial(d: Date): number {
  const days = (d.getTime() - EPOCH_1900) / DAY_MS;
  return days < 61 ? days - 1 : days;
}

export function makeNumberCell(n: number, fmt: FormatInfo | undefined, date1904: boolean): Cell | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (!fmt || fmt.general) return { value: n, text: generalText(n) };
  if (fmt.isDate) {
    const date = serialToDate(n, date1904);
    return { value: date ?? n, text: fmt.render(date ?? n), numFmt: fmt.code, isDateFormat: true };
  }
  return { value: n, text: fmt.render(n), numFmt: fmt.code };
}

// ---------------------------------------------------------------------------------------------------------
// Text as shown

/** Excel's General format in a normal-width column: 11 characters, then scientific (3.60723E+17). */
export function generalText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  return numfmt('General', n, OPTS);
}

/** Renders a Date (UTC wall clock) with an Excel date/time format code. */
export function formatDate(date: Date, code: string): string {
  return numfmt(forEngine(code), dateToSerial(date), OPTS);
}

/** A number as `code` shows it. */
export function formatNumber(n: number, code: string): string {
  return formatInfo(code).render(n);
}
