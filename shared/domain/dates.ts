/**
 * The dates a clerk types into a roster or a form, and the dates spreadsheet readers hand us.
 *
 * Rosters mix full dates (1985-03-12, 1985年3月12日, 19850312) with 出生年月 / 入会时间 given only to the month
 * (1985.03, 2010.9, 198503) or the year. A month-only value is kept as the 1st of that month with precision
 * 'month' so nothing pretends to know a day it does not. Two-digit years (85.03) are refused: guessing the
 * century silently is how 1920s retirees become 2020s babies.
 */
import { normalizeSpaces, stripAllSpaces, toHalfWidth } from './text';

export type DatePrecision = 'day' | 'month' | 'year';
export type ParsedDate = { iso: string /* YYYY-MM-DD */; precision: DatePrecision };
export type DateRangeOptions = { minYear?: number; maxYear?: number };

/** Default plausible range for union records; callers with other needs pass their own. */
export const DEFAULT_MIN_YEAR = 1900;
export const DEFAULT_MAX_YEAR = 2100;

/** Largest serial Excel accepts (9999-12-31). */
export const EXCEL_MAX_SERIAL = 2958465;

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True when y-m-d is a real calendar day (month 1–12, day within the month, leap years honoured). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

export const toIso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

function build(y: number, m: number, d: number, precision: DatePrecision, opts?: DateRangeOptions): ParsedDate | null {
  const min = opts?.minYear ?? DEFAULT_MIN_YEAR;
  const max = opts?.maxYear ?? DEFAULT_MAX_YEAR;
  if (y < min || y > max || !isValidYmd(y, m, d)) return null;
  return { iso: toIso(y, m, d), precision };
}

/** Local calendar date of `d` as YYYY-MM-DD (the clerk's wall calendar, not UTC). */
export function formatIsoDate(d: Date): string {
  return toIso(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Today's local date as YYYY-MM-DD; the clock is injected so tests and the app agree on "today". */
export function todayIso(clock: Date): string {
  return formatIsoDate(clock);
}

const ISO_STRICT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Age in full years (周岁) on `today`'s local date. Someone born on 29 February becomes a year older on
 * 1 March in common years. Returns NaN when `birthIso` is not a real YYYY-MM-DD date.
 */
export function ageOn(birthIso: string, today: Date): number {
  const m = ISO_STRICT.exec(birthIso);
  if (!m) return Number.NaN;
  const [by, bm, bd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(by, bm, bd)) return Number.NaN;
  const ty = today.getFullYear();
  const tm = today.getMonth() + 1;
  const td = today.getDate();
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/**
 * Excel 1900 date system serial → YYYY-MM-DD. Serial 1 = 1900-01-01. Excel (copying Lotus 1-2-3) counts a
 * 1900-02-29 that never existed as serial 60: that serial gives null, and serials from 61 on are one day
 * "ahead", hence the different epoch. The time-of-day fraction is ignored. Outside 1–2958465 → null.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > EXCEL_MAX_SERIAL || day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + day * DAY_MS);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Which calendar day a JS Date from a spreadsheet reader means. Readers disagree: exceljs returns the cell's
 * day at UTC midnight; readers that build local dates return local midnight, which on a UTC+8 PC is 16:00 UTC
 * of the PREVIOUS day, and the file may be read on a machine in another zone. The rule, in order:
 *   1. exactly UTC midnight          → the UTC day (exceljs, ISO strings "1985-03-12");
 *   2. exactly local midnight        → the local day;
 *   3. exactly 16:00 or 15:00 UTC    → the next UTC day: midnight in China (UTC+8; UTC+9 during China's
 *                                      1986–1991 summer time), wherever this code happens to run;
 *   4. any other time of day         → the local day (a real timestamp on the clerk's own clock).
 * Times are rounded to the second first, because serial → Date conversions leave ±1 ms of float noise.
 */
export function calendarDayOfDate(date: Date): { y: number; m: number; d: number } | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  const rounded = new Date(Math.round(t / 1000) * 1000);
  const utcSecondsOfDay = (((rounded.getTime() / 1000) % 86_400) + 86_400) % 86_400;
  if (utcSecondsOfDay === 0) {
    return { y: rounded.getUTCFullYear(), m: rounded.getUTCMonth() + 1, d: rounded.getUTCDate() };
  }
  const localMidnight = rounded.getHours() === 0 && rounded.getMinutes() === 0 && rounded.getSeconds() === 0;
  if (!localMidnight && (utcSecondsOfDay === 16 * 3600 || utcSecondsOfDay === 15 * 3600)) {
    const next = new Date(rounded.getTime() + (24 * 3600 - utcSecondsOfDay) * 1000);
    return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
  }
  return { y: rounded.getFullYear(), m: rounded.getMonth() + 1, d: rounded.getDate() };
}

function fromNumber(n: number, opts?: DateRangeOptions): ParsedDate | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  const whole = Math.trunc(n);
  // A numeric cell that is not date-formatted shows the clerk exactly this number, so 1985, 198503 and
  // 19850312 are typed digits, not serials (serial 1985 would be 1905-06-07, which nobody meant).
  if (Number.isInteger(n)) {
    if (n >= 1000 && n <= 9999) return build(n, 1, 1, 'year', opts);
    if (n >= 100_000 && n <= 999_999) return build(Math.trunc(n / 100), n % 100, 1, 'month', opts);
    if (n >= 10_000_000 && n <= 99_999_999) {
      return build(Math.trunc(n / 10_000), Math.trunc(n / 100) % 100, n % 100, 'day', opts);
    }
  } else if (whole >= 1000 && whole <= 9999) {
    // "1985.03" typed into a numeric cell is stored as 1985.03. "2010.10" arrives as 2010.1, which cannot be
    // told apart from January, so a single trailing 1 is refused rather than guessed.
    const frac = String(n).split('.')[1] ?? '';
    if (frac === '1' || frac.length > 2) return null;
    return build(whole, Number(frac), 1, 'month', opts);
  }
  // Smaller numbers are a day, a month or a two-digit year typed into a numeric cell; serials start at 10000
  // (1927-05-18), early enough for every living member. The fraction of a serial is the time of day.
  if (n < 10_000) return null;
  const iso = excelSerialToIso(n);
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return build(y, m, d, 'day', opts);
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const TRAILING_TIME = /^(.*?\d)(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

type Pattern = { re: RegExp; precision: DatePrecision; groups: [number, number?, number?] };
/** Tried in order on the value with all spaces removed; separators must agree within one date. */
const PATTERNS: Pattern[] = [
  { re: /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, precision: 'day', groups: [1, 3, 4] },
  { re: /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/, precision: 'day', groups: [1, 2, 3] },
  { re: /^(\d{4})(\d{2})(\d{2})$/, precision: 'day', groups: [1, 2, 3] },
  // "2010.9" is September 2010 — a clerk's year.month, not the decimal 2010.9.
  { re: /^(\d{4})[-/.](\d{1,2})$/, precision: 'month', groups: [1, 2] },
  { re: /^(\d{4})年(\d{1,2})月份?$/, precision: 'month', groups: [1, 2] },
  { re: /^(\d{4})(\d{2})$/, precision: 'month', groups: [1, 2] },
  { re: /^(\d{4})年?$/, precision: 'year', groups: [1] },
];

function fromString(raw: string, opts?: DateRangeOptions): ParsedDate | null {
  let s = normalizeSpaces(toHalfWidth(raw));
  if (s === '') return null;
  if (ISO_WITH_ZONE.test(s)) return fromDate(new Date(s), opts);
  const timed = TRAILING_TIME.exec(s);
  if (timed?.[1]) s = timed[1];
  s = stripAllSpaces(s);
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const [gy, gm, gd] = p.groups;
    const y = Number(m[gy]);
    const mo = gm === undefined ? 1 : Number(m[gm]);
    const d = gd === undefined ? 1 : Number(m[gd]);
    return build(y, mo, d, p.precision, opts);
  }
  return null;
}

function fromDate(date: Date, opts?: DateRangeOptions): ParsedDate | null {
  const day = calendarDayOfDate(date);
  return day ? build(day.y, day.m, day.d, 'day', opts) : null;
}

/**
 * Parses what a clerk typed or a spreadsheet cell held. Accepts a JS Date (see `calendarDayOfDate`), a number
 * holding typed digits (1985, 198503, 19850312, 1985.03 — but not 2010.1, see `fromNumber`), an Excel serial
 * (≥ 10000, i.e. from 1927-05-18; the 1900 system incl. its fake 1900-02-29), and strings: 1985-03-12,
 * 1985/3/12, 1985.3.12, 1985年3月12日, 1985年3月12号, 19850312, 1985-03-12 00:00:00, 198503, 1985.03, 2010.9,
 * 1985-3, 1985年3月, 1985年, 1985 — full-width digits and any spaces allowed. Month precision → YYYY-MM-01,
 * year precision → YYYY-01-01. Anything else, impossible dates and years outside [minYear, maxYear]
 * (default 1900–2100) → null.
 */
export function parseClerkDate(raw: unknown, opts?: DateRangeOptions): ParsedDate | null {
  if (raw instanceof Date) return fromDate(raw, opts);
  if (typeof raw === 'number') return fromNumber(raw, opts);
  if (typeof raw === 'string') return fromString(raw, opts);
  return null;
}

/** The same calendar day `years` later (29 February → 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return toIso(y, m, d);
}
