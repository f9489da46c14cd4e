import { afterEach, describe, expect, it } from 'vitest';
import { computeCheckChar } from '../../../shared/domain/id-number';
import { formatInfo, makeNumberCell } from '../../../electron/core/spreadsheet/number-format';
import type { Cell } from '../../../electron/core/spreadsheet/types';
import { mapMemberColumns, type MemberFieldKey } from '../../../electron/core/members/import/member-columns';
import {
  cellAsText,
  convertCell,
  createRecordConverter,
  MSG_ID_NUMERIC,
  recordValues,
} from '../../../electron/core/spreadsheet/values';

const TODAY = new Date(2026, 0, 15);
const text = (s: string): Cell => ({ value: s, text: s });
const num = (n: number, fmt?: string): Cell => makeNumberCell(n, fmt ? formatInfo(fmt) : undefined, false) as Cell;
const date = (y: number, m: number, d: number): Cell => ({ value: new Date(Date.UTC(y, m - 1, d)), text: `${y}-${m}-${d}`, isDateFormat: true });
const conv = (field: MemberFieldKey, cell: Cell | undefined, hints = {}) => convertCell(field, cell, { hints }, { today: TODAY });

const ID = (() => {
  const body = '11010519850312002';
  return body + computeCheckChar(body);
})();

describe('dates in every form a clerk types', () => {
  it.each<[string, Cell, string, string | undefined]>([
    ['Excel serial with a date format (a Date)', date(1985, 3, 12), '1985-03-12', undefined],
    ['Excel serial without a date format', num(31118), '1985-03-12', undefined],
    ['1985.03 typed into a numeric cell', num(1985.03), '1985-03-01', 'month'],
    ['198503 as a number', num(198503), '1985-03-01', 'month'],
    ['19850312 as a number', num(19850312), '1985-03-12', undefined],
    ['1985.03 as text', text('1985.03'), '1985-03-01', 'month'],
    ['1985年3月', text('1985年3月'), '1985-03-01', 'month'],
    ['19850312 as text', text('19850312'), '1985-03-12', undefined],
    ['198503 as text', text('198503'), '1985-03-01', 'month'],
    ['1985/3/12', text('1985/3/12'), '1985-03-12', undefined],
    ['2010.9', text('2010.9'), '2010-09-01', 'month'],
    ['full-width digits', text('１９８５－０３－１２'), '1985-03-12', undefined],
    ['with spaces', text(' 1985 年 3 月 12 日 '), '1985-03-12', undefined],
  ])('%s', (_what, cell, iso, precision) => {
    const r = conv('birthDate', cell);
    expect(r.value).toBe(iso);
    expect(r.precision).toBe(precision);
    expect(r.error).toBeUndefined();
  });

  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('a Date from the grid is the same day in any time zone (no 8-hour shift)', () => {
    for (const tz of ['Asia/Shanghai', 'UTC', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(conv('joinDate', date(2010, 9, 1)).value).toBe('2010-09-01');
    }
  });

  it('a date written at local midnight in China by a UTC-storing library (16:00 the day before) is that day', () => {
    for (const tz of ['Asia/Shanghai', 'UTC', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      const shifted = makeNumberCell(31117 + 16 / 24, formatInfo('yyyy-mm-dd'), false) as Cell;
      expect(conv('birthDate', shifted).value).toBe('1985-03-12');
      expect(conv('joinDate', { ...date(2010, 9, 1), value: new Date(Date.UTC(2010, 8, 1, 9, 30)) }).value).toBe('2010-09-01');
    }
  });

  it('unreadable dates are errors with the raw text kept', () => {
    const r = conv('birthDate', text('85.03'));
    expect(r).toMatchObject({ value: null, raw: '85.03' });
    expect(r.error).toContain('不是能识别的日期');
  });
});

describe('ID numbers', () => {
  it('valid, with full-width digits and spaces, lower-case x', () => {
    expect(conv('idNumber', text(ID)).value).toBe(ID);
    expect(conv('idNumber', text(` ${ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} `)).value).toBe(ID);
  });

  it('an 18-digit ID stored as a number has lost its tail: row error, never a corrected guess', () => {
    const r = conv('idNumber', num(Number(ID.slice(0, 17) + '0')));
    expect(r).toEqual({ value: null, raw: expect.stringMatching(/E\+17$/), error: MSG_ID_NUMERIC });
    expect(MSG_ID_NUMERIC).toBe('身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为文本后从原始资料重新录入');
  });

  it('the scientific-notation text of a CSV is refused the same way', () => {
    const r = conv('idNumber', text('3.60723E+18'));
    expect(r.value).toBeNull();
    expect(r.error).toContain('科学计数法（3.60723E+18）');
  });

  it('a 15-digit legacy ID survives a numeric cell and is upgraded', () => {
    const r = conv('idNumber', num(110105491231002));
    expect(r.value).toBe('11010519491231002X');
    expect(r.warning).toContain('升级为 18 位');
  });

  it('masked IDs are reported as not checkable and not stored', () => {
    for (const masked of ['36242920011220XXXX', '110105********0012']) {
      const r = conv('idNumber', text(masked));
      expect(r.value).toBeNull();
      expect(r.warning).toBe(`身份证号被遮盖（${masked}），无法校验，未导入该号码`);
    }
  });

  it('a wrong check digit is an error; other document types get their own check', () => {
    expect(conv('idNumber', text(ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1'))).error).toContain('身份证号有误（最后一位校验码不符），请核对原始证件');
    const passport = convertCell('idNumber', text('e12345678'), { hints: {} }, { today: TODAY, idType: 'passport' });
    expect(passport.value).toBe('E12345678');
  });
});

describe('numbers stored as text and text stored as numbers', () => {
  it('a phone stored as a number keeps all its digits', () => {
    expect(conv('phone', num(13800138000))).toEqual({ value: '13800138000', raw: '13800138000' });
  });

  it('a landline stored as a number may have lost its leading 0', () => {
    expect(conv('phone', num(57188886666)).warning).toContain('开头的 0 可能已丢失');
  });

  it('a zero-padded number format keeps the padding; full-width digits become ASCII', () => {
    expect(conv('staffNo', num(1234, '000000')).value).toBe('001234');
    expect(conv('memberNo', text('ＨＹ０００１')).value).toBe('HY0001');
    expect(conv('monthlyWage', text('５，０００元')).value).toBe(5000);
    expect(conv('monthlyWage', num(4321.456)).warning).toContain('4321.46');
  });

  it('a masked phone is left out with a warning, a garbled one is an error', () => {
    expect(conv('phone', text('1376624XXXX'))).toMatchObject({ value: null, warning: expect.stringContaining('被遮盖') });
    expect(conv('phone', text('151U7086'))).toMatchObject({ value: null, error: expect.stringContaining('格式不对') });
  });

  it('cellAsText: Dates as ISO days, booleans as 是/否, export-protected text unprotected', () => {
    expect(cellAsText(date(2001, 2, 3))).toBe('2001-02-03');
    expect(cellAsText({ value: true, text: 'TRUE' })).toBe('是');
    expect(cellAsText(text("'=SUM(A1)"))).toBe('=SUM(A1)');
  });
});

describe('list values', () => {
  it('sex: exact, synonyms with a warning, header code map, 男生/女生', () => {
    expect(conv('gender', text('男'))).toEqual({ value: '男', raw: '男' });
    expect(conv('gender', text('女性'))).toMatchObject({ value: '女', warning: '性别「女性」按「女」导入' });
    expect(conv('gender', text('0'), { valueMap: { '0': '男', '1': '女' } }).value).toBe('男');
    expect(conv('gender', num(1), { valueMap: { '0': '男', '1': '女' } }).value).toBe('女');
    expect(conv('gender', text('男生')).value).toBe('男');
    expect(conv('gender', text('0')).error).toContain('无法识别');
  });

  it('other lists: normalised with a warning, unknown values kept as typed with a warning', () => {
    expect(conv('ethnicity', text('汉'))).toMatchObject({ value: '汉族', warning: '民族「汉」按「汉族」导入' });
    expect(conv('politicalStatus', text('中共党员'))).toEqual({ value: '中共党员', raw: '中共党员' });
    expect(conv('education', text('本科')).value).toBe('大学本科');
    expect(conv('ethnicity', text('穿青人'))).toMatchObject({ value: '穿青人', warning: expect.stringContaining('不在民族列表中') });
    expect(conv('idType', text('护照')).value).toBe('passport');
    expect(conv('idType', text('驾驶证')).error).toContain('不认识的证件类型');
    expect(conv('isMigrantWorker', text('是')).value).toBe(true);
    expect(conv('isMigrantWorker', { value: false, text: 'FALSE' }).value).toBe(false);
  });
});

describe('records', () => {
  const mapping = mapMemberColumns([
    { index: 0, header: '证件类型', name: '证件类型' },
    { index: 1, header: '证件号码', name: '证件号码' },
    { index: 2, header: '姓名', name: '姓名' },
    { index: 3, header: '学籍号', name: '学籍号' },
    { index: 4, header: '序号', name: '序号' },
  ]);

  it('the ID type of the row decides how its ID is checked; destroyed numbers in unmapped columns are reported', () => {
    const convert = createRecordConverter(mapping, { today: TODAY });
    const r = convert({ excelRow: 7, cells: [text('护照'), text('E1234567'), text('张三'), text('3.60723E+18'), num(1)] });
    expect(recordValues(r)).toEqual({ idType: 'passport', idNumber: 'E1234567', name: '张三' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { row: 7, column: '学籍号', field: null, message: '「学籍号」列的数字已被 Excel 转成科学计数法（3.60723E+18），原值已丢失；该列未导入' },
    ]);
    const bad = convert({ excelRow: 8, cells: [undefined, num(360723200000000000), text('李四')] });
    expect(bad.errors).toEqual([{ row: 8, column: '证件号码', field: 'idNumber', message: MSG_ID_NUMERIC }]);
    expect(recordValues(bad)).toEqual({ name: '李四' });
  });
});
