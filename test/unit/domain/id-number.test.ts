import { describe, expect, it } from 'vitest';
import {
  checkCharReason,
  birthDateFromId,
  checkIdNumber,
  checkOtherId,
  checkResidentId,
  computeCheckChar,
  isIdDestroyedByExcel,
  maskIdNumber,
  normalizeIdNumber,
  REASON_EXCEL,
  REASON_MASKED,
  sexFromId,
  upgradeId15,
} from '../../../shared/domain/id-number';

// A fixed "today" (local noon, so the local date is 2026-06-15 in every time zone a CI box may use).
const TODAY = new Date(2026, 5, 15, 12, 0, 0);

const reasonOf = (raw: string) => {
  const r = checkResidentId(raw, TODAY);
  if (r.ok) throw new Error(`expected ${raw} to be refused, got ${JSON.stringify(r)}`);
  return r.reason;
};

describe('checkResidentId — valid numbers of DOMAIN.md §2.5', () => {
  // Table rows verbatim: number, birth, sex.
  const valid: [string, string, '男' | '女'][] = [
    ['110108198503120011', '1985-03-12', '男'],
    ['310115199007040026', '1990-07-04', '女'],
    ['440306197812250039', '1978-12-25', '男'],
    ['32010219651001004X', '1965-10-01', '女'],
    ['510107200002290053', '2000-02-29', '男'],
    ['330106197311110066', '1973-11-11', '女'],
    ['110101200501010105', '2005-01-01', '女'],
  ];
  it.each(valid)('%s → %s %s', (id, birth, sex) => {
    expect(checkResidentId(id, TODAY)).toEqual({ ok: true, normalized: id, birthDate: birth, sex });
  });

  it("accepts the standard's own two examples, including the 1880 birth year", () => {
    expect(checkResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '女',
    });
    expect(checkResidentId('440524188001010014', TODAY)).toEqual({
      ok: true,
      normalized: '440524188001010014',
      birthDate: '1880-01-01',
      sex: '男',
    });
  });

  it('reproduces the worked checksum example: body 11010819850312001 → check 1', () => {
    expect(computeCheckChar('11010819850312001')).toBe('1');
    expect(computeCheckChar('32010219651001004')).toBe('X');
  });

  it('normalises lower-case x, full-width digits, U+3000 and other spaces, hyphens', () => {
    const expectNorm = (raw: string, normalized: string) => {
      const r = checkResidentId(raw, TODAY);
      expect(r.ok).toBe(true);
      expect(r.normalized).toBe(normalized);
    };
    expectNorm('32010219651001004x', '32010219651001004X');
    expectNorm('１１０１０８１９８５０３１２００１１', '110108198503120011');
    expectNorm('110108\u300019850312\u30000011', '110108198503120011');
    expectNorm(' 110108 19850312 0011\u00A0\u200B', '110108198503120011');
    expectNorm('110108-19850312-0011', '110108198503120011');
    expectNorm('３２０１０２１９６５１００１００４ｘ', '32010219651001004X');
    expectNorm("'110108198503120011", '110108198503120011');
    expectNorm('="110108198503120011"', '110108198503120011');
    expectNorm('\t110108198503120011', '110108198503120011');
  });

  it('accepts a birth date equal to today', () => {
    const body = '11010820260615001';
    const id = body + computeCheckChar(body);
    const r = checkResidentId(id, TODAY);
    expect(r).toMatchObject({ ok: true, birthDate: '2026-06-15' });
  });
});

describe('checkResidentId — invalid numbers of DOMAIN.md §2.5', () => {
  it.each([
    ['110108198503120012', checkCharReason('1')],
    ['310115199007040025', checkCharReason('6')],
    ['320102196510010041', checkCharReason('X')],
  ])('%s: wrong check character', (id, reason) => {
    expect(reasonOf(id)).toBe(reason);
  });

  it('a wrong check character sends the clerk to the document, with the computed character only as a hint', () => {
    expect(reasonOf('310115199007040025')).toBe(
      '有误（最后一位校验码不符），请核对原始证件。提示：按前 17 位算出的末位是 6，但录错的多半是前面某一位，不要只改最后一位',
    );
  });

  it('510107200102290058: 2001-02-29 does not exist (while 2000-02-29 does)', () => {
    expect(reasonOf('510107200102290058')).toMatch(/^出生日期不存在/);
    expect(checkResidentId('510107200002290053', TODAY).ok).toBe(true);
  });

  it('44030619781325003X: month 13', () => {
    expect(reasonOf('44030619781325003X')).toMatch(/^出生日期不存在/);
  });

  it('11010819850312001: only 17 characters', () => {
    expect(reasonOf('11010819850312001')).toBe('位数不对（应为 18 位，实际 17 位）');
    expect(reasonOf('1101081985031200111')).toBe('位数不对（应为 18 位，实际 19 位）');
  });

  it('32010219651001004a: illegal character', () => {
    expect(reasonOf('32010219651001004a')).toMatch(/^含有非法字符/);
    expect(reasonOf('3201021965X001004X')).toMatch(/^含有非法字符/);
    expect(reasonOf('32010219651001004？')).toMatch(/^含有非法字符/);
  });

  it('110108209903120011: the checksum passes but 2099 is in the future', () => {
    expect(computeCheckChar('11010820990312001')).toBe('1');
    expect(reasonOf('110108209903120011')).toMatch(/^出生日期在未来/);
  });

  it('refuses a birth date one day after today', () => {
    const body = '11010820260616001';
    expect(reasonOf(body + computeCheckChar(body))).toMatch(/^出生日期在未来/);
  });

  it('refuses birth years before 1800', () => {
    const body = '11010817991231001';
    expect(reasonOf(body + computeCheckChar(body))).toMatch(/^出生日期不合理/);
  });

  it('refuses empty input', () => {
    expect(reasonOf('  ')).toBe('号码为空');
  });
});

describe('checkResidentId — 15-digit legacy numbers', () => {
  it.each([
    ['110105491231002', '11010519491231002X', '1949-12-31', '女'],
    ['440524800101001', '440524198001010013', '1980-01-01', '男'],
  ])('%s is upgraded to %s', (id15, id18, birth, sex) => {
    expect(upgradeId15(id15)).toBe(id18);
    expect(checkResidentId(id15, TODAY)).toEqual({ ok: true, normalized: id18, birthDate: birth, sex, upgradedFrom: id15 });
  });

  it('refuses a 15-digit number with an impossible date or a letter', () => {
    expect(reasonOf('440524801301001')).toMatch(/^出生日期不存在/);
    expect(reasonOf('44052480010100X')).toMatch(/^含有非法字符/);
  });
});

describe('checkResidentId — masked and Excel-destroyed numbers', () => {
  it.each(['3101**********1234', '310115199007XXXX', '310115199007xxxx', '110***********0011', '3101＊＊＊＊＊＊＊＊＊＊1234'])(
    '%s is masked',
    (id) => {
      expect(reasonOf(id)).toBe(REASON_MASKED);
      expect(REASON_MASKED).toBe('号码被遮盖（含 * 或 XXXX），无法校验');
    },
  );

  it.each(['3.60723E+18', '3.60723e+18', '1.10108E+17', '3.60723E18', '３.６０７２３Ｅ＋１８'])('%s is destroyed', (id) => {
    expect(reasonOf(id)).toBe(REASON_EXCEL);
    expect(REASON_EXCEL).toBe('号码已被 Excel 转成科学计数法，末尾数字已丢失，请从原始资料重新录入');
  });

  it('reports an 18-digit string whose last three digits were zeroed by Excel', () => {
    // 110108198503120011 kept to 15 significant digits by Excel; its check character no longer fits.
    expect(reasonOf('110108198503120000')).toBe(REASON_EXCEL);
  });

  it('isIdDestroyedByExcel: scientific strings and numbers ≥ 1e15 are lost, 15-digit numbers survive', () => {
    expect(isIdDestroyedByExcel('3.60723E+18')).toBe(true);
    expect(isIdDestroyedByExcel(' 3.60723e+18 ')).toBe(true);
    expect(isIdDestroyedByExcel(Number('110108198503120011'))).toBe(true); // what a numeric cell yields
    expect(isIdDestroyedByExcel(1e15)).toBe(true);
    expect(isIdDestroyedByExcel(110105491231002)).toBe(false);
    expect(isIdDestroyedByExcel('110108198503120011')).toBe(false);
    expect(isIdDestroyedByExcel('11010519491231002X')).toBe(false);
    expect(isIdDestroyedByExcel(Number.NaN)).toBe(false);
  });
});

describe('helpers', () => {
  it('normalizeIdNumber', () => {
    expect(normalizeIdNumber(' ３２０１０２-19651001 004ｘ\u200B')).toBe('32010219651001004X');
  });

  it('birthDateFromId and sexFromId for 18- and 15-digit numbers', () => {
    expect(birthDateFromId('110108198503120011')).toBe('1985-03-12');
    expect(birthDateFromId('110105491231002')).toBe('1949-12-31');
    expect(birthDateFromId('510107200102290058')).toBeNull();
    expect(birthDateFromId('abc')).toBeNull();
    expect(sexFromId('110108198503120011')).toBe('男');
    expect(sexFromId('32010219651001004x')).toBe('女');
    expect(sexFromId('440524800101001')).toBe('男');
    expect(sexFromId('12')).toBeNull();
  });

  it('maskIdNumber is the one mask of shared/domain/pii.ts: first 6 and last 4 kept (#16)', () => {
    expect(maskIdNumber('110108198503120011')).toBe('110108********0011');
    expect(maskIdNumber('110108198503120011')).toHaveLength(18);
    expect(maskIdNumber('440524800101001')).toBe('440524*****1001');
    expect(maskIdNumber('E12345678')).toBe('*******78');
    expect(maskIdNumber('1234567')).toBe('*****67');
    expect(maskIdNumber('12')).toBe('12');
  });
});

describe('checkOtherId and checkIdNumber', () => {
  it('accepts passports and permits by shape only, upper-cased without spaces', () => {
    expect(checkOtherId('passport', ' e1234 5678 ')).toEqual({ ok: true, normalized: 'E12345678' });
    expect(checkOtherId('hk_mo', 'H12345678')).toEqual({ ok: true, normalized: 'H12345678' });
    expect(checkOtherId('tw', '１２３４５６７８')).toEqual({ ok: true, normalized: '12345678' });
    expect(checkOtherId('other', 'A(123)-45')).toEqual({ ok: true, normalized: 'A(123)-45' });
  });

  it('refuses wrong length and illegal characters with Chinese reasons', () => {
    expect(checkOtherId('passport', 'E12')).toMatchObject({ ok: false, reason: '位数不对（应为 5–30 位，实际 3 位）' });
    expect(checkOtherId('passport', 'E'.repeat(31))).toMatchObject({ ok: false, reason: expect.stringMatching(/^位数不对/) });
    expect(checkOtherId('passport', 'E1234/5678')).toMatchObject({ ok: false, reason: expect.stringMatching(/^含有非法字符「\/」/) });
    expect(checkOtherId('passport', '')).toMatchObject({ ok: false, reason: '号码为空' });
    expect(checkOtherId('passport', 'E12***678')).toMatchObject({ ok: false, reason: REASON_MASKED });
  });

  it('checks 港澳台居民居住证 numbers like resident IDs with an 81/82/83 address code', () => {
    const hk = '81000019900101001';
    expect(checkOtherId('hmt_residence', hk + computeCheckChar(hk))).toEqual({ ok: true, normalized: hk + computeCheckChar(hk) });
    const wrong = computeCheckChar(hk) === '1' ? '2' : '1';
    expect(checkOtherId('hmt_residence', hk + wrong)).toMatchObject({ ok: false, reason: expect.stringMatching(/^有误（最后一位校验码不符），请核对原始证件/) });
    expect(checkOtherId('hmt_residence', '110108198503120011')).toMatchObject({ ok: false, reason: expect.stringMatching(/810000/) });
  });

  it('checkIdNumber dispatches by type', () => {
    expect(checkIdNumber('resident', '110108209903120011', TODAY)).toMatchObject({ ok: false });
    expect(checkIdNumber('resident', '110108198503120011', TODAY)).toEqual({ ok: true, normalized: '110108198503120011' });
    expect(checkIdNumber('passport', 'G1234567', TODAY)).toEqual({ ok: true, normalized: 'G1234567' });
  });
});
