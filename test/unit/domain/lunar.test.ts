import { describe, expect, it } from 'vitest';
import { lunarBirthdayIn, lunarDayWord, lunarLabel, lunarOf } from '../../../shared/domain/lunar';

describe('农历 birthdays (#13)', () => {
  it('reads the lunar date of a birth date and finds its day in another year', () => {
    expect(lunarLabel(lunarOf('1985-03-12'))).toBe('农历正月廿一');
    // 春节 2026 is 17 February, 2025 was 29 January.
    expect(lunarBirthdayIn('1985-03-12', 2026)).toBe('2026-03-09');
    expect(lunarBirthdayIn('1985-03-12', 2025)).toBe('2025-02-18');
  });
  it('a leap-month birth keeps the ordinary month of that name; 三十 falls back to 廿九', () => {
    expect(lunarOf('2023-03-22')).toEqual({ month: '二月', day: 1, leap: true });
    expect(lunarLabel(lunarOf('2023-03-22'))).toBe('农历闰二月初一');
    expect(lunarBirthdayIn('2023-03-22', 2026)).toBe('2026-03-19');
    const thirtieth = ['2024-02-09', '2025-01-28'].find((d) => lunarOf(d).day === 30)!;
    const y = lunarBirthdayIn(thirtieth, 2026);
    expect(y === null || [29, 30].includes(lunarOf(y).day)).toBe(true);
  });
  it('words the days as calendars do', () => {
    expect([1, 10, 11, 20, 21, 29, 30].map(lunarDayWord)).toEqual(['初一', '初十', '十一', '二十', '廿一', '廿九', '三十']);
  });
});
