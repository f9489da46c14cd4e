import { describe, expect, it } from 'vitest';
import {
  builtinFormat,
  formatDate,
  formatInfo,
  formatNumber,
  generalText,
  isDateFormatCode,
  makeNumberCell,
  serialToDate,
} from '../../../electron/core/spreadsheet/number-format';

const utc = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));

describe('date formats', () => {
  it.each([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58])('built-in id %i is a date format', (id) => {
    expect(formatInfo(builtinFormat(id)).isDate).toBe(true);
  });

  it.each([0, 1, 2, 3, 4, 9, 10, 11, 49])('built-in id %i is not a date', (id) => {
    expect(formatInfo(builtinFormat(id)).isDate).toBe(false);
  });

  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"', true],
    ['[$-804]yyyy年m月d日', true],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', true],
    ['mm:ss', true],
    ['h:mm AM/PM', true],
    ['0.00', false],
    ['#,##0.00_ ', false],
    ['0"元"', false],
    ['General', false],
    ['@', false],
    ['0.00E+00', false],
    ['[Red]0.00;[Blue]-0.00', false],
  ])('%s → date %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });
});

describe('serials', () => {
  it('1900 system, including Lotus 1-2-3’s fake 29 February 1900', () => {
    expect(serialToDate(31118, false)).toEqual(utc(1985, 3, 12));
    expect(serialToDate(1, false)).toEqual(utc(1900, 1, 1));
    expect(serialToDate(59, false)).toEqual(utc(1900, 2, 28));
    expect(serialToDate(60, false)).toBeNull();
    expect(serialToDate(61, false)).toEqual(utc(1900, 3, 1));
    expect(serialToDate(31118.5, false)).toEqual(utc(1985, 3, 12, 12));
  });

  it('1904 system (old Mac workbooks) and out-of-range serials', () => {
    expect(serialToDate(29656, true)).toEqual(utc(1985, 3, 12));
    expect(serialToDate(0.25, false)).toBeNull();
    expect(serialToDate(3_000_000, false)).toBeNull();
    expect(serialToDate(-1, false)).toBeNull();
  });

  it('a date-formatted number becomes a Date with the text the clerk sees; time-only stays a number', () => {
    expect(makeNumberCell(31118, formatInfo(builtinFormat(31)), false)).toEqual({
      value: utc(1985, 3, 12),
      text: '1985年3月12日',
      numFmt: 'yyyy"年"m"月"d"日"',
      isDateFormat: true,
    });
    const time = makeNumberCell(0.5, formatInfo('h:mm'), false);
    expect(time).toMatchObject({ value: 0.5, text: '12:00', isDateFormat: true });
  });
});

describe('text as shown', () => {
  it('General: integers up to 11 digits in full, longer ones in scientific notation like Excel', () => {
    expect(generalText(13800138000)).toBe('13800138000');
    expect(generalText(360723200000000000)).toBe('3.60723E+17');
    expect(generalText(100000000000)).toBe('1E+11');
    expect(generalText(0.1 + 0.2)).toBe('0.3');
    expect(generalText(-42)).toBe('-42');
  });

  it.each([
    [1234.5, '0.00', '1234.50'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1234, '000000', '001234'],
    [0.256, '0.0%', '25.6%'],
    [5000, '0"元"', '5000元'],
    [-12, '0.00', '-12.00'],
    [-12, '0.00;(0.00)', '(12.00)'],
    [123456, '0.00E+00', '1.23E+05'],
  ])('%s with %s → %s', (n, code, text) => {
    expect(formatNumber(n, code)).toBe(text);
  });

  it.each([
    ['yyyy-mm-dd', '1985-03-12'],
    ['yyyy/m/d', '1985/3/12'],
    ['yyyy"年"m"月"', '1985年3月'],
    ['m"月"d"日"', '3月12日'],
    ['yyyy-mm-dd hh:mm', '1985-03-12 08:05'],
    ['h"时"mm"分"', '8时05分'],
    ['上午/下午h"时"mm"分"', '上午8时05分'],
    ['aaaa', '星期二'],
  ])('date %s → %s', (code, text) => {
    expect(formatDate(utc(1985, 3, 12, 8, 5), code)).toBe(text);
  });
});

describe('Excel’s number-format language (numfmt underneath, issue 17)', () => {
  it.each([
    // Conditions keep the sign of the value; the standard two-section form still shows the negative section as written.
    [-25, '[Red][<=-25]General;[Blue][>=25]General;[Green]General;[Yellow]General', '-25'],
    [-1, '[Red][<=-25]General;[Blue][>=25]General;[Green]General;[Yellow]General', '-1'],
    [30, '[Red][<=-25]General;[Blue][>=25]General;[Green]General', '30'],
    [-12, '#,##0;(#,##0)', '(12)'],
    // Fractions.
    [12345.6789, '# ?/?', '12345 2/3'],
    [12345.6789, '# ??/??', '12345 55/81'],
    [0.5, '?/?', '1/2'],
    // Literals after an escaped space, accounting padding and suffixes.
    [1234567.89, '#,##0.00\\ "р."', '1,234,567.89 р.'],
    [1234.5, '_-* #,##0.00" TL"_-', ' 1,234.50 TL '],
    [1234.5, '_-* #,##0.00\\ "р."_-;\\-* #,##0.00\\ "р."_-;_-* "-"??\\ "р."_-;_-@_-', ' 1,234.50 р. '],
    [0, '_-* #,##0.00\\ "р."_-;\\-* #,##0.00\\ "р."_-;_-* "-"??\\ "р."_-;_-@_-', ' -   р. '],
    // Empty sections: nothing shown for negatives and zero.
    [-12.34, '#,###;;', ''],
    [0, '#,###;;', ''],
    [12.34, '#,###;;', '12'],
    // Literals between digits.
    [12345.6789, '"a"#"b"#"c"0.0"d"0', 'a123b4c5.6d8'],
    [13800138000, '000-0000-0000', '138-0013-8000'],
    [5000, '#,##0"元"', '5,000元'],
  ])('%s with %s → %j', (n, code, shown) => {
    expect(formatNumber(n, code)).toBe(shown);
    expect(makeNumberCell(n, formatInfo(code), false)?.value).toBe(n);
  });

  it.each([
    [27, '1985年3月'],
    [28, '3月12日'],
    [29, '3月12日'],
    [30, '3-12-85'],
    [31, '1985年3月12日'],
    [32, '8时05分'],
    [33, '8时05分00秒'],
    [34, '上午8时05分'],
    [35, '上午8时05分00秒'],
    [36, '1985年3月'],
    [50, '1985年3月'],
    [51, '3月12日'],
    [52, '1985年3月'],
    [53, '3月12日'],
    [54, '3月12日'],
    [55, '上午8时05分'],
    [56, '上午8时05分00秒'],
    [57, '1985年3月'],
    [58, '3月12日'],
  ])('zh-CN built-in id %i (not in the file, not known to exceljs) → %s', (id, shown) => {
    const serial = 31118 + (8 * 60 + 5) / 1440;
    const cell = makeNumberCell(serial, formatInfo(builtinFormat(id)), false);
    expect(cell?.text).toBe(shown);
    expect(cell?.isDateFormat).toBe(true);
    expect(cell?.value).toEqual(utc(1985, 3, 12, 8, 5));
  });

  it('下午 for the afternoon; 1904 serials render the same day as their 1900 twin', () => {
    expect(formatDate(utc(1985, 3, 12, 16, 30), builtinFormat(34))).toBe('下午4时30分');
    expect(makeNumberCell(29656, formatInfo('yyyy-mm-dd'), true)?.text).toBe(makeNumberCell(31118, formatInfo('yyyy-mm-dd'), false)?.text);
  });
});
