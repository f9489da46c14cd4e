import { afterEach, describe, expect, it } from 'vitest';
import {
  ageOn,
  calendarDayOfDate,
  excelSerialToIso,
  formatIsoDate,
  isValidYmd,
  parseClerkDate,
  todayIso,
} from '../../../shared/domain/dates';

const day = (iso: string) => ({ iso, precision: 'day' as const });
const month = (iso: string) => ({ iso, precision: 'month' as const });
const year = (iso: string) => ({ iso, precision: 'year' as const });

// Node re-reads TZ when it changes, so one process can check the Date rules under several zones.
const originalTz = process.env.TZ;
const withTz = <T>(tz: string, fn: () => T): T => {
  process.env.TZ = tz;
  return fn();
};
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('parseClerkDate — full dates typed as text', () => {
  it.each([
    ['1985-03-12', '1985-03-12'],
    ['1985-3-2', '1985-03-02'],
    ['1985/3/12', '1985-03-12'],
    ['1985/03/12', '1985-03-12'],
    ['1985.3.12', '1985-03-12'],
    ['1985年3月12日', '1985-03-12'],
    ['1985年03月12日', '1985-03-12'],
    ['1985年3月12号', '1985-03-12'],
    ['1985年3月12', '1985-03-12'],
    ['1985 年 3 月 12 日', '1985-03-12'],
    ['19850312', '1985-03-12'],
    ['１９８５－０３－１２', '1985-03-12'],
    ['１９８５年３月１２日', '1985-03-12'],
    ['\u30001985-03-12\u3000', '1985-03-12'],
    ['1985-03-12 00:00:00', '1985-03-12'],
    ['1985/3/12 0:00', '1985-03-12'],
    ['2000-02-29', '2000-02-29'],
  ])('%s → %s', (raw, iso) => {
    expect(parseClerkDate(raw)).toEqual(day(iso));
  });

  it('reads an ISO timestamp with a zone by the Date rules (16:00Z = midnight in China)', () => {
    expect(parseClerkDate('1985-03-12T00:00:00.000Z')).toEqual(day('1985-03-12'));
    expect(withTz('UTC', () => parseClerkDate('1985-03-11T16:00:00.000Z'))).toEqual(day('1985-03-12'));
  });
});

describe('parseClerkDate — month and year precision', () => {
  it.each([
    ['198503', '1985-03-01'],
    ['1985.03', '1985-03-01'],
    ['1985.3', '1985-03-01'],
    ['2010.9', '2010-09-01'],
    ['2010.10', '2010-10-01'],
    ['2010.1', '2010-01-01'],
    ['1985-3', '1985-03-01'],
    ['1985/03', '1985-03-01'],
    ['1985年3月', '1985-03-01'],
    ['1985年03月份', '1985-03-01'],
    ['１９８５．０３', '1985-03-01'],
  ])('%s → %s (month)', (raw, iso) => {
    expect(parseClerkDate(raw)).toEqual(month(iso));
  });

  it('"2010.9" is September 2010, not the decimal 2010.9 read as a year', () => {
    expect(parseClerkDate('2010.9')).toEqual(month('2010-09-01'));
  });

  it.each([['1985年'], ['1985'], [' 1985 ']])('%s → year 1985', (raw) => {
    expect(parseClerkDate(raw)).toEqual(year('1985-01-01'));
  });
});

describe('parseClerkDate — refusals', () => {
  it.each([
    ['1985-02-30'],
    ['2001-02-29'],
    ['1985-13-01'],
    ['1985-13'],
    ['1985-00'],
    ['1985-04-31'],
    ['19851301'],
    ['85.03'],
    ['85-03-12'],
    ['850312'],
    ['85年3月'],
    ['03/12/1985'],
    ['1985-03/12'],
    ['明年'],
    [''],
    ['   '],
    ['1985-03-12x'],
  ])('%s → null', (raw) => {
    expect(parseClerkDate(raw)).toBeNull();
  });

  it('refuses non-date types', () => {
    expect(parseClerkDate(null)).toBeNull();
    expect(parseClerkDate(undefined)).toBeNull();
    expect(parseClerkDate(true)).toBeNull();
    expect(parseClerkDate({})).toBeNull();
    expect(parseClerkDate(new Date('garbage'))).toBeNull();
  });

  it('honours minYear / maxYear (default 1900–2100)', () => {
    expect(parseClerkDate('1899-12-31')).toBeNull();
    expect(parseClerkDate('2101-01-01')).toBeNull();
    expect(parseClerkDate('1880-01-01', { minYear: 1800 })).toEqual(day('1880-01-01'));
    expect(parseClerkDate('2030-01-01', { maxYear: 2026 })).toBeNull();
    expect(parseClerkDate(1950, { minYear: 1960 })).toBeNull();
  });
});

describe('parseClerkDate — numbers from spreadsheet cells', () => {
  it('reads Excel serials of the 1900 date system', () => {
    expect(parseClerkDate(31118)).toEqual(day('1985-03-12'));
    expect(parseClerkDate(36585)).toEqual(day('2000-02-29'));
    expect(parseClerkDate(45658)).toEqual(day('2025-01-01'));
    expect(parseClerkDate(31118.75)).toEqual(day('1985-03-12')); // the fraction is the time of day
    expect(parseClerkDate(10000)).toEqual(day('1927-05-18'));
  });

  it('treats numbers holding typed digits as the digits, not as serials', () => {
    expect(parseClerkDate(1985)).toEqual(year('1985-01-01'));
    expect(parseClerkDate(198503)).toEqual(month('1985-03-01'));
    expect(parseClerkDate(19850312)).toEqual(day('1985-03-12'));
    expect(parseClerkDate(1985.03)).toEqual(month('1985-03-01'));
    expect(parseClerkDate(2010.9)).toEqual(month('2010-09-01'));
    expect(parseClerkDate(1985.12)).toEqual(month('1985-12-01'));
  });

  it('refuses numbers that are ambiguous or impossible', () => {
    expect(parseClerkDate(2010.1)).toBeNull(); // typed 2010.1 or 2010.10 — a numeric cell cannot tell
    expect(parseClerkDate(1985.13)).toBeNull();
    expect(parseClerkDate(85)).toBeNull();
    expect(parseClerkDate(60)).toBeNull();
    expect(parseClerkDate(9999)).toBeNull(); // a year outside the range
    expect(parseClerkDate(19851332)).toBeNull();
    expect(parseClerkDate(2958466)).toBeNull();
    expect(parseClerkDate(-5)).toBeNull();
    expect(parseClerkDate(Number.NaN)).toBeNull();
    expect(parseClerkDate(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('excelSerialToIso', () => {
  it('handles the fake 1900-02-29 and the limits', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull(); // Excel's non-existent 1900-02-29
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
  });
});

describe('parseClerkDate — JS Dates (the time-zone rule)', () => {
  it('1. UTC midnight (exceljs) → that UTC day, in any zone', () => {
    const d = new Date(Date.UTC(1985, 2, 12));
    for (const tz of ['UTC', 'Asia/Shanghai', 'America/New_York']) {
      expect(withTz(tz, () => parseClerkDate(d))).toEqual(day('1985-03-12'));
    }
  });

  it('2. local midnight on a UTC+8 PC (16:00 UTC of the previous day) → the local day', () => {
    const d = withTz('Asia/Shanghai', () => new Date(1985, 2, 12));
    expect(d.toISOString()).toBe('1985-03-11T16:00:00.000Z');
    expect(withTz('Asia/Shanghai', () => parseClerkDate(d))).toEqual(day('1985-03-12'));
  });

  it('3. the same China-midnight Date read on a machine in another zone → still the Chinese day', () => {
    const d = new Date('1985-03-11T16:00:00.000Z');
    expect(withTz('UTC', () => parseClerkDate(d))).toEqual(day('1985-03-12'));
    expect(withTz('America/New_York', () => parseClerkDate(d))).toEqual(day('1985-03-12'));
    // China kept summer time in 1986–1991: local midnight then was 15:00 UTC.
    expect(withTz('UTC', () => parseClerkDate(new Date('1988-07-14T15:00:00.000Z')))).toEqual(day('1988-07-15'));
    const summer = withTz('Asia/Shanghai', () => new Date(1988, 6, 15));
    expect(withTz('Asia/Shanghai', () => parseClerkDate(summer))).toEqual(day('1988-07-15'));
  });

  it('4. a Date with a time of day → the local day of that moment', () => {
    const d = new Date('1985-03-12T02:30:00.000Z'); // 10:30 in Beijing, 21:30 on 03-11 in New York
    expect(withTz('Asia/Shanghai', () => parseClerkDate(d))).toEqual(day('1985-03-12'));
    expect(withTz('America/New_York', () => parseClerkDate(d))).toEqual(day('1985-03-11'));
  });

  it('absorbs the millisecond noise of serial → Date conversions', () => {
    expect(withTz('UTC', () => calendarDayOfDate(new Date(Date.UTC(1985, 2, 12) - 1)))).toEqual({ y: 1985, m: 3, d: 12 });
  });
});

describe('formatIsoDate, todayIso, ageOn, isValidYmd', () => {
  it('formatIsoDate and todayIso use the local calendar date', () => {
    const d = new Date('2026-03-11T17:00:00.000Z');
    expect(withTz('Asia/Shanghai', () => formatIsoDate(d))).toBe('2026-03-12');
    expect(withTz('UTC', () => formatIsoDate(d))).toBe('2026-03-11');
    expect(withTz('Asia/Shanghai', () => todayIso(d))).toBe('2026-03-12');
  });

  it('ageOn counts full years (周岁)', () => {
    const today = new Date(2026, 2, 12, 9, 0);
    expect(ageOn('1985-03-12', today)).toBe(41);
    expect(ageOn('1985-03-13', today)).toBe(40);
    expect(ageOn('1985-02-28', today)).toBe(41);
    expect(ageOn('2026-03-12', today)).toBe(0);
  });

  it('ageOn: a 29 February birthday is reached on 1 March in common years', () => {
    expect(ageOn('2000-02-29', new Date(2026, 1, 28))).toBe(25);
    expect(ageOn('2000-02-29', new Date(2026, 2, 1))).toBe(26);
    expect(ageOn('2000-02-29', new Date(2028, 1, 29))).toBe(28);
  });

  it('ageOn returns NaN for something that is not a date', () => {
    expect(ageOn('1985-02-30', new Date(2026, 0, 1))).toBeNaN();
    expect(ageOn('1985/03/12', new Date(2026, 0, 1))).toBeNaN();
  });

  it('isValidYmd knows leap years', () => {
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(1900, 2, 29)).toBe(false);
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(2023, 4, 31)).toBe(false);
  });
});
