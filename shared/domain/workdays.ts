/**
 * Working days for reply deadlines (答复期限, DOMAIN.md §4.3: "reply within 5 working days").
 *
 * Saturdays and Sundays are off. China's public holidays move every year and come with make-up working days
 * (调休: a Saturday or Sunday that is worked), so both lists are data an office keeps in 设置, not rules here.
 * Dates are calendar dates (YYYY-MM-DD) computed in UTC arithmetic, so the clerk's time zone never shifts a day.
 */

export interface WorkCalendar {
  /** Days off that would otherwise be working days (国庆, 春节 …). */
  holidays?: Iterable<string>;
  /** Weekend days that are worked (调休上班). */
  workdays?: Iterable<string>;
}

interface CompiledCalendar {
  holidays: Set<string>;
  workdays: Set<string>;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtcMs(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`日期格式应为 YYYY-MM-DD：${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`不是有效的日期：${iso}`);
  return ms;
}

const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function compile(cal: WorkCalendar = {}): CompiledCalendar {
  return { holidays: new Set(cal.holidays ?? []), workdays: new Set(cal.workdays ?? []) };
}

function workday(ms: number, c: CompiledCalendar): boolean {
  const iso = fromUtcMs(ms);
  if (c.workdays.has(iso)) return true;
  if (c.holidays.has(iso)) return false;
  const dow = new Date(ms).getUTCDay();
  return dow !== 0 && dow !== 6;
}

export function isWorkday(iso: string, cal?: WorkCalendar): boolean {
  return workday(toUtcMs(iso), compile(cal));
}

/**
 * The date `n` working days after `iso`. The day of receipt does not count: a letter received on a Friday with
 * 5 working days is due the next Friday, one received on a Saturday also the next Friday.
 */
export function addWorkdays(iso: string, n: number, cal?: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`工作日数应为非负整数：${n}`);
  const c = compile(cal);
  let ms = toUtcMs(iso);
  // A calendar that marks every day off would loop for ever; ten years of searching is plenty.
  for (let left = n, guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new Error('在十年内找不到足够的工作日，请检查节假日设置。');
    ms += DAY_MS;
    if (workday(ms, c)) left--;
  }
  return fromUtcMs(ms);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workdaysBetween(from: string, to: string, cal?: WorkCalendar): number {
  const c = compile(cal);
  const end = toUtcMs(to);
  let count = 0;
  for (let ms = toUtcMs(from) + DAY_MS; ms <= end; ms += DAY_MS) if (workday(ms, c)) count++;
  return count;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
