import { describe, expect, it } from 'vitest';
import { periodMonths } from '../../../shared/domain/dues';

describe('dues collection periods', () => {
  it('expands month, quarter, half-year and year into months', () => {
    expect(periodMonths('2026-10')).toEqual(['2026-10']);
    expect(periodMonths('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(periodMonths('2026-q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodMonths('2026-H2')).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(periodMonths('2026')).toHaveLength(12);
  });
  it('refuses anything else', () => {
    for (const p of ['2026-13', '2026-Q5', '2026-H3', '26', '2026/10', '']) expect(periodMonths(p)).toBeNull();
  });
});
