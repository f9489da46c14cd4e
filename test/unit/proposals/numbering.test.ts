import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  DEFAULT_NUMBER_FORMAT,
  DEFAULT_OPINION_NUMBER_FORMAT,
  formatProposalNumber,
  numberFormatProblem,
  parseChineseNumeral,
  parseSessionKey,
  sessionLabel,
  sessionTitle,
  stateLabel,
} from '../../../shared/domain/proposal-workflow';
import { defaultCategories, ENTERPRISE_CATEGORIES, SCHOOL_CATEGORIES } from '../../../shared/domain/proposal-labels';

describe('Chinese numerals for 届 and 次', () => {
  it('writes numbers the way session names do', () => {
    const cases: [number, string][] = [
      [1, '一'], [2, '二'], [9, '九'], [10, '十'], [11, '十一'], [12, '十二'], [19, '十九'], [20, '二十'], [21, '二十一'],
      [30, '三十'], [99, '九十九'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [123, '一百二十三'],
    ];
    for (const [n, s] of cases) expect(chineseNumeral(n)).toBe(s);
  });

  it('reads them back, with 两 and arabic digits', () => {
    for (let n = 1; n < 100; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('7')).toBe(7);
    expect(parseChineseNumeral('十十')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('五届')).toBeNull();
  });
});

describe('sessions', () => {
  it('labels a session 五届二次 and 第五届第二次', () => {
    expect(sessionLabel(5, 2)).toBe('五届二次');
    expect(sessionTitle(12, 1)).toBe('第十二届第一次');
  });

  it('reads the ways a clerk names a session', () => {
    for (const s of ['五届二次', '第五届第二次', '第五届第二次会议', '5届2次', '第5届第2次', '5-2', ' 五届 二次 ', '五届二次教代会']) {
      expect(parseSessionKey(s), s).toEqual({ term: 5, meeting: 2 });
    }
    expect(parseSessionKey('十二届三次')).toEqual({ term: 12, meeting: 3 });
    for (const s of ['五届', '二次', '第五次', 'abc', '0-1', '']) expect(parseSessionKey(s), s).toBeNull();
  });
});

describe('proposal numbers', () => {
  it('formats the default as 五届二次 第023号 and 意见建议 in their own words', () => {
    expect(formatProposalNumber(DEFAULT_NUMBER_FORMAT, { term: 5, meeting: 2, serial: 23 })).toBe('五届二次 第023号');
    expect(formatProposalNumber(DEFAULT_OPINION_NUMBER_FORMAT, { term: 5, meeting: 2, serial: 4 })).toBe('五届二次 意见建议第004号');
  });

  it('honours other formats: arabic numbers, the year, widths', () => {
    expect(formatProposalNumber('{届#}-{次#}-{号:3}', { term: 7, meeting: 7, serial: 23 })).toBe('7-7-023');
    expect(formatProposalNumber('{年}年提案第{号}号', { term: 7, meeting: 7, serial: 5, year: 2026 })).toBe('2026年提案第5号');
    expect(formatProposalNumber('第{号:4}号', { term: 1, meeting: 1, serial: 12345 })).toBe('第12345号');
  });

  it('explains a format it cannot use', () => {
    expect(numberFormatProblem(DEFAULT_NUMBER_FORMAT)).toBeNull();
    expect(numberFormatProblem('{届}届{次}次')).toContain('流水号');
    expect(numberFormatProblem('{号}{号}')).toContain('只有一个');
    expect(numberFormatProblem('第{序号}号')).toContain('无法识别');
    expect(numberFormatProblem('第{号:9}号')).toContain('无法识别');
    expect(numberFormatProblem('第{号}号}')).toContain('不成对');
    expect(numberFormatProblem('  ')).toContain('不能为空');
  });
});

describe('labels', () => {
  it('calls an 意见建议 waiting for 交办 that, not 待审查', () => {
    expect(stateLabel('registered', 'proposal')).toBe('待审查');
    expect(stateLabel('registered', 'opinion')).toBe('待交办');
    expect(stateLabel('closed', 'opinion')).toBe('已办结');
  });

  it('starts schools and enterprises from their own category lists (DOMAIN.md §3.2)', () => {
    expect(defaultCategories('school')).toEqual([...SCHOOL_CATEGORIES]);
    expect(defaultCategories('company')).toEqual([...ENTERPRISE_CATEGORIES]);
    expect(defaultCategories('hospital')).toContain('劳动保护');
    expect(SCHOOL_CATEGORIES).toContain('教职工权益');
  });
});
