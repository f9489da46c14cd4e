/**
 * 农历 birthdays (#13, DOMAIN.md §6.4). The Chinese calendar comes from ICU (Intl, calendar "chinese"), which
 * Node and Electron ship in full, so no table of new moons lives here.
 */
const FORMAT = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

export interface LunarDate {
  /** 正月 … 腊月, without 闰. */
  month: string;
  day: number;
  leap: boolean;
}

export function lunarOf(iso: string): LunarDate {
  const parts = FORMAT.formatToParts(new Date(`${iso}T00:00:00Z`));
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  return { month: month.replace(/^闰/, ''), day: Number(parts.find((p) => p.type === 'day')?.value), leap: month.startsWith('闰') };
}

const DAY_WORDS = ['初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十'];
const TENS = ['', '十', '廿', '三十'];

/** 15 → 十五, 21 → 廿一, 30 → 三十 (20 is 二十, as calendars print it). */
export function lunarDayWord(day: number): string {
  if (day <= 10) return DAY_WORDS[day - 1]!;
  if (day === 20) return '二十';
  if (day === 30) return '三十';
  return `${TENS[Math.floor(day / 10)]}${'一二三四五六七八九'[(day % 10) - 1]}`;
}

export const lunarLabel = (d: LunarDate): string => `农历${d.leap ? '闰' : ''}${d.month}${lunarDayWord(d.day)}`;

const cache = new Map<number, Map<string, string>>();

/** Each lunar month and day of a Gregorian year → its date (the ordinary month wins over a leap month of the same name). */
function yearTable(year: number): Map<string, string> {
  let t = cache.get(year);
  if (t) return t;
  t = new Map();
  const leapDays: [string, string][] = [];
  for (let d = Date.UTC(year, 0, 1); d < Date.UTC(year + 1, 0, 1); d += 86_400_000) {
    const iso = new Date(d).toISOString().slice(0, 10);
    const l = lunarOf(iso);
    const key = `${l.month}-${l.day}`;
    if (l.leap) leapDays.push([key, iso]);
    else if (!t.has(key)) t.set(key, iso);
  }
  for (const [key, iso] of leapDays) if (!t.has(key)) t.set(key, iso);
  cache.set(year, t);
  return t;
}

/**
 * The day in `year` that carries the lunar month and day of the birth date. Born in a leap month: the ordinary
 * month of that name. A 三十 the year's month lacks: its 廿九. Null when that lunar day falls outside the year.
 */
export function lunarBirthdayIn(birthIso: string, year: number): string | null {
  const b = lunarOf(birthIso);
  const t = yearTable(year);
  return t.get(`${b.month}-${b.day}`) ?? (b.day === 30 ? (t.get(`${b.month}-29`) ?? null) : null);
}
