import { describe, expect, it } from 'vitest';
import { addWorkdays, daysBetween, isWorkday, workdaysBetween } from '../../../shared/domain/workdays';

// March 2026: the 6th is a Friday, the 7th/8th a weekend, the 13th a Friday.
describe('working days', () => {
  it('knows weekends', () => {
    expect(isWorkday('2026-03-06')).toBe(true);
    expect(isWorkday('2026-03-07')).toBe(false);
    expect(isWorkday('2026-03-08')).toBe(false);
    expect(isWorkday('2026-03-09')).toBe(true);
  });

  it.each([
    ['Monday', '2026-03-02', '2026-03-09'],
    ['Wednesday', '2026-03-04', '2026-03-11'],
    ['Friday', '2026-03-06', '2026-03-13'],
    ['Saturday', '2026-03-07', '2026-03-13'],
    ['Sunday', '2026-03-08', '2026-03-13'],
  ])('5 working days after a %s skip the weekend', (_day, from, due) => {
    expect(addWorkdays(from, 5)).toBe(due);
  });

  it('crosses month and year ends, and leap days', () => {
    expect(addWorkdays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addWorkdays('2027-12-31', 1)).toBe('2028-01-03');
    expect(addWorkdays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addWorkdays('2026-03-06', 0)).toBe('2026-03-06');
  });

  it('skips holidays and counts make-up working days (调休)', () => {
    // National Day 2026 as an office would enter it: 1–7 October off, Saturday 10 October worked.
    const cal = {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-10-10'],
    };
    expect(isWorkday('2026-10-10', cal)).toBe(true);
    expect(isWorkday('2026-10-01', cal)).toBe(false);
    // Received on 30 September: 8 Oct (Thu) is day 1, 9 Oct day 2, 10 Oct (worked Saturday) day 3, 12–13 Oct days 4–5.
    expect(addWorkdays('2026-09-30', 5, cal)).toBe('2026-10-13');
    expect(addWorkdays('2026-09-30', 5)).toBe('2026-10-07');
  });

  it('counts working days and calendar days between two dates', () => {
    expect(workdaysBetween('2026-03-06', '2026-03-13')).toBe(5);
    expect(workdaysBetween('2026-03-06', '2026-03-08')).toBe(0);
    expect(workdaysBetween('2026-03-13', '2026-03-06')).toBe(0);
    expect(daysBetween('2026-03-13', '2026-03-16')).toBe(3);
    expect(daysBetween('2026-03-16', '2026-03-13')).toBe(-3);
  });

  it('refuses bad input instead of guessing', () => {
    expect(() => addWorkdays('2026-02-30', 1)).toThrow('不是有效的日期');
    expect(() => addWorkdays('2026/03/01', 1)).toThrow('YYYY-MM-DD');
    expect(() => addWorkdays('2026-03-01', -1)).toThrow('非负整数');
    const everyDayOff = { holidays: Array.from({ length: 4000 }, (_, i) => new Date(Date.UTC(2026, 0, 2 + i)).toISOString().slice(0, 10)) };
    expect(() => addWorkdays('2026-01-01', 1, everyDayOff)).toThrow('节假日设置');
  });
});
