/**
 * Number formats: which ones are dates (so a serial becomes a Date) and what text the clerk sees.
 *
 * Files from Chinese Excel/WPS use built-in format ids that are not in the ECMA list most libraries know:
 * 27–36 and 50–58 are 年/月/日 and 时/分 formats (yyyy"年"m"月" …). Their format code is not written into the
 * file, so a reader that only knows ids 14–22 returns plain numbers for them. The zh-CN codes are listed here.
 * The text rendering is an approximation of Excel's (enough for a preview beside the parsed value).
 */
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

/** The format code of a built-in id (zh-CN variants for the locale ids); unknown ids are General. */
export function builtinFormat(id: number): string {
  return BUILTIN[id] ?? 'General';
}

export interface FormatInfo {
  code: string;
  general: boolean;
  isDate: boolean;
  isText: boolean;
  /** Renders a value with this format; compiled once per format code. */
  render: (v: number | Date) => string;
}

const infoCache = new Map<string, FormatInfo>();

/** Format code with quoted literals, escapes, fill/padding and [brackets] removed (elapsed [h] kept as h). */
function skeleton(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormatCode(code: string): boolean {
  const first = skeleton(code.split(';')[0] ?? '');
  if (/general/i.test(first)) return false;
  if (/[yde]/i.test(first.replace(/E[+-]/g, ''))) return true;
  if (/[hs]/i.test(first) || /上午|下午|AM\/PM|A\/P/i.test(code)) return true;
  return /m/i.test(first) && !/[0#?]/.test(first);
}

export function formatInfo(code: string): FormatInfo {
  let info = infoCache.get(code);
  if (!info) {
    const general = code === '' || /^general$/i.test(code.trim());
    const isDate = !general && isDateFormatCode(code);
    const isText = code.trim() === '@';
    let render: (v: number | Date) => string;
    if (isDate) {
      const date = compileDateFormat(code);
      render = (v) => (v instanceof Date ? date(v) : v >= 0 && v < 1 ? date(new Date(Math.round(v * 86_400) * 1000)) : generalText(v));
    } else if (general || isText) render = (v) => (v instanceof Date ? v.toISOString() : generalText(v));
    else {
      const num = compileNumberFormat(code);
      render = (v) => (v instanceof Date ? v.toISOString() : num(v));
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
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS + Math.round((s - day) * 86_400) * 1000);
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
  const abs = Math.abs(n);
  if (abs >= 1e11 || (abs > 0 && abs < 1e-9)) {
    const [mant, exp] = n.toExponential(5).split('e') as [string, string];
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const WEEK = '日一二三四五六';

type DatePart = string | ((d: Date) => string);

/** Renders a Date (UTC wall clock) with the date/time tokens of an Excel format code. */
export function formatDate(date: Date, code: string): string {
  return formatInfo(code).isDate ? formatInfo(code).render(date) : compileDateFormat(code)(date);
}

/** Parses a date/time format code once into literal strings and token renderers. */
function compileDateFormat(code: string): (d: Date) => string {
  const section = (code.split(';')[0] ?? '').replace(/\[(?!h|m|s)[^\]]*\]/gi, '');
  const ampm = /AM\/PM|上午\/下午|A\/P/i.test(section);
  const hour = (d: Date) => (ampm ? d.getUTCHours() % 12 || 12 : d.getUTCHours());
  const parts: DatePart[] = [];
  let lastWasHour = false;
  for (let i = 0; i < section.length; ) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      parts.push(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      parts.push(section[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === '_' || ch === '*') {
      i += 2;
      continue;
    }
    const run = /^(yyyy|yy|e|mmmm|mmm|mm|m|dddd|ddd|dd|d|aaaa|aaa|hh|h|ss|s|\[h+\]|AM\/PM|A\/P|上午\/下午)/i.exec(section.slice(i));
    if (!run) {
      parts.push(ch);
      i++;
      continue;
    }
    const tok = (run[1] as string).toLowerCase();
    i += tok.length;
    // "m" right after an hour (or before seconds) is minutes, not the month.
    const minute = lastWasHour || /^[^a-z]*s/i.test(section.slice(i));
    const r: Record<string, (d: Date) => string> = {
      yyyy: (d) => pad(d.getUTCFullYear(), 4),
      e: (d) => pad(d.getUTCFullYear(), 4),
      yy: (d) => pad(d.getUTCFullYear() % 100, 2),
      mmmm: (d) => `${d.getUTCMonth() + 1}月`,
      mmm: (d) => `${d.getUTCMonth() + 1}月`,
      mm: minute ? (d) => pad(d.getUTCMinutes(), 2) : (d) => pad(d.getUTCMonth() + 1, 2),
      m: minute ? (d) => String(d.getUTCMinutes()) : (d) => String(d.getUTCMonth() + 1),
      dddd: (d) => `星期${WEEK[d.getUTCDay()]}`,
      aaaa: (d) => `星期${WEEK[d.getUTCDay()]}`,
      ddd: (d) => WEEK[d.getUTCDay()] as string,
      aaa: (d) => WEEK[d.getUTCDay()] as string,
      dd: (d) => pad(d.getUTCDate(), 2),
      d: (d) => String(d.getUTCDate()),
      hh: (d) => pad(hour(d), 2),
      h: (d) => String(hour(d)),
      ss: (d) => pad(d.getUTCSeconds(), 2),
      s: (d) => String(d.getUTCSeconds()),
      'am/pm': (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
      'a/p': (d) => (d.getUTCHours() < 12 ? 'A' : 'P'),
      '上午/下午': (d) => (d.getUTCHours() < 12 ? '上午' : '下午'),
    };
    parts.push(r[tok] ?? ((d) => String(Math.floor(d.getTime() / 3_600_000)))); // [h] elapsed hours
    lastWasHour = tok === 'h' || tok === 'hh' || tok.startsWith('[');
  }
  // Adjacent literals merged, so rendering is a short loop.
  const merged: DatePart[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
    else merged.push(p);
  }
  return (d) => {
    let out = '';
    for (const p of merged) out += typeof p === 'string' ? p : p(d);
    return out;
  };
}

/** Fixed, grouped, percent, scientific and zero-padded formats with literal prefix/suffix; others → General. */
export function formatNumber(n: number, code: string): string {
  return compileNumberFormat(code)(n);
}

const numberCache = new Map<string, (n: number) => string>();

function compileNumberFormat(code: string): (n: number) => string {
  const cached = numberCache.get(code);
  if (cached) return cached;
  const sections = code.split(';');
  const pos = compileSection(sections[0] ?? '');
  const neg = sections[1] ? compileSection(sections[1]) : null;
  const fn = (n: number) => (n < 0 ? (neg ? neg(-n) : `-${pos(-n)}`) : pos(n));
  numberCache.set(code, fn);
  return fn;
}

function compileSection(section: string): (v: number) => string {
  const body = section.replace(/\[[^\]]*\]/g, '');
  const firstPh = body.search(/[0#?]/);
  if (firstPh < 0) return generalText;
  let lastPh = firstPh;
  for (let i = firstPh; i < body.length; i++) if (/[0#?.,E+-]/i.test(body[i] as string)) lastPh = i;
  const literal = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/_./g, ' ').replace(/\*./g, '');
  const prefix = literal(body.slice(0, firstPh));
  const core = body.slice(firstPh, lastPh + 1);
  const suffix = literal(body.slice(lastPh + 1));
  const percent = core.includes('%') || suffix.includes('%');
  const [intPat = '', fracPat = ''] = core.replace(/%/g, '').split(/E[+-]/i)[0]?.split('.') ?? [];
  const decimals = (fracPat.match(/[0#?]/g) ?? []).length;
  const minInt = (intPat.match(/0/g) ?? []).length;
  const grouping = intPat.includes(',');
  const scientific = /E[+-]/i.test(core);
  return (v) => {
    const x = percent ? v * 100 : v;
    let text: string;
    if (scientific) text = x.toExponential(decimals).replace('e', 'E').replace(/E([+-])(\d)$/, 'E$10$2');
    else {
      const fixed = x.toFixed(decimals);
      const dot = fixed.indexOf('.');
      const ip = dot < 0 ? fixed : fixed.slice(0, dot);
      let intText = ip === '0' && minInt === 0 ? '' : ip.length < minInt ? ip.padStart(minInt, '0') : ip;
      if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      text = dot < 0 ? intText : `${intText}${fixed.slice(dot)}`;
    }
    return prefix + text + suffix;
  };
}
