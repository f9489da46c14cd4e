import { describe, expect, it } from 'vitest';
import { duesOf, periodLabel, periodOf, ruleCode } from '../../../shared/domain/dues';

describe('dues rule (设置)', () => {
  it('default: the wage down to 10 yuan, exact on fen', () => {
    expect(duesOf(456789)).toEqual({ baseFen: 456000, amountFen: 2280 });
    expect(duesOf(999900)).toEqual({ baseFen: 999000, amountFen: 4995 });
    expect(ruleCode({ floor10: true, fen: 'halfUp' })).toBe('floor10-halfup');
  });
  it('the whole wage: a half fen rounded half up or cut off', () => {
    expect(duesOf(456789, { floor10: false, fen: 'halfUp' })).toEqual({ baseFen: 456789, amountFen: 2284 }); // 22.839 → 22.84
    expect(duesOf(456789, { floor10: false, fen: 'truncate' })).toEqual({ baseFen: 456789, amountFen: 2283 });
    expect(duesOf(999900, { floor10: false, fen: 'halfUp' })).toEqual({ baseFen: 999900, amountFen: 5000 }); // 49.995 → 50.00
    expect(duesOf(999900, { floor10: false, fen: 'truncate' }).amountFen).toBe(4999);
    expect(duesOf(100, { floor10: false, fen: 'halfUp' }).amountFen).toBe(1); // 0.005 → 0.01
    expect(duesOf(99, { floor10: false, fen: 'halfUp' }).amountFen).toBe(0);
  });
  it('periods of each kind and their labels', () => {
    expect(['month', 'quarter', 'half', 'year'].map((k) => periodOf(k as 'month', '2026-08'))).toEqual(['2026-08', '2026-Q3', '2026-H2', '2026']);
    expect(['2026-10', '2026-Q3', '2026-H1', '2026'].map(periodLabel)).toEqual(['2026年10月', '2026年第三季度', '2026年上半年', '2026年']);
  });
});
