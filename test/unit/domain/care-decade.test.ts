import { describe, expect, it } from 'vitest';
import { decadeBirthday } from '../../../shared/domain/care-decade';

describe('逢十 birthdays', () => {
  it('selects ages divisible by ten at or above the lower age', () => {
    expect(decadeBirthday('1966-05-03', 2026, 60)).toEqual({ age: 60, date: '2026-05-03' });
    expect(decadeBirthday('1956-12-31', 2026, 60)).toEqual({ age: 70, date: '2026-12-31' });
    expect(decadeBirthday('1976-01-01', 2026, 60)).toBeNull(); // 50 < 60
    expect(decadeBirthday('1976-01-01', 2026, 0)).toEqual({ age: 50, date: '2026-01-01' });
    expect(decadeBirthday('1967-05-03', 2026, 0)).toBeNull(); // 59
  });

  it('a real leap-day birth: 1964-02-29 reaches 60 in leap 2024 and 70 in common 2034', () => {
    expect(decadeBirthday('1964-02-29', 2024, 60)).toEqual({ age: 60, date: '2024-02-29' });
    expect(decadeBirthday('1964-02-29', 2034, 60)).toEqual({ age: 70, date: '2034-02-28' });
    expect(decadeBirthday('1964-02-29', 2030, 60)).toBeNull(); // 66
  });

  it('ignores malformed dates', () => {
    expect(decadeBirthday('1966-2-3', 2026, 0)).toBeNull();
    expect(decadeBirthday('', 2026, 0)).toBeNull();
  });
});
