import { describe, expect, it } from 'vitest';
import { duesOf } from '../../../shared/domain/dues';
import { rmbCapital } from '../../../shared/domain/rmb-capital';

describe('大写金额', () => {
  it('writes amounts as vouchers do', () => {
    expect(rmbCapital(50)).toBe('伍角整');
    // Bank rules (支付结算办法) write the leading 壹 of 拾, so nobody can add a digit in front.
    expect(rmbCapital(1005)).toBe('壹拾元零伍分');
    expect(rmbCapital(120000)).toBe('壹仟贰佰元整');
    expect(rmbCapital(10000000)).toBe('壹拾万元整');
    expect(rmbCapital(100500)).toBe('壹仟零伍元整');
    expect(rmbCapital(10000100)).toBe('壹拾万零壹元整');
    expect(rmbCapital(2280)).toBe('贰拾贰元捌角整');
    expect(rmbCapital(0)).toBe('零元整');
  });
});

describe('会费 arithmetic', () => {
  it('rounds the wage down to 10 yuan before 0.5 %', () => {
    expect(duesOf(456789)).toEqual({ baseFen: 456000, amountFen: 2280 });
    expect(duesOf(999900)).toEqual({ baseFen: 999000, amountFen: 4995 });
    expect(duesOf(999)).toEqual({ baseFen: 0, amountFen: 0 });
  });
});
