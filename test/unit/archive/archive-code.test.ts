import { describe, expect, it } from 'vitest';
import { archiveCode, classKey, itemNoText } from '../../../electron/core/archive/archive-code';
import { catalogueDate, printedTitle } from '../../../shared/domain/archive-labels';

const example = { fondsCode: 'Z109', categoryCode: 'WS', year: 2011, retention: 'Y' as const, orgCode: 'BGS', itemNo: 1 };

describe('档号 (DOMAIN.md §5.5)', () => {
  it('reproduces the DA/T 22-2015 example exactly', () => {
    expect(archiveCode('dat22-2015', 'year-retention-org', example)).toBe('Z109-WS·2011-Y-BGS-0001');
  });
  it('reproduces the DA/T 13-2022 form exactly', () => {
    expect(archiveCode('dat13-2022', 'year-retention-org', example)).toBe('Z109-WS·2011·Y·BGS-0001');
  });
  it('follows the scheme: 机构 above 保管期限, or no 机构 at all', () => {
    expect(archiveCode('dat22-2015', 'year-org-retention', example)).toBe('Z109-WS·2011-BGS-Y-0001');
    expect(archiveCode('dat22-2015', 'year-retention', example)).toBe('Z109-WS·2011-Y-0001');
    expect(archiveCode('dat13-2022', 'year-retention', { ...example, retention: 'D30', itemNo: 5 })).toBe('Z109-WS·2011·D30-0005');
  });
  it('件号 is four digits, zero-padded; the lowest class keys the run', () => {
    expect(itemNoText(1)).toBe('0001');
    expect(itemNoText(123)).toBe('0123');
    expect(classKey('year-retention-org', 'D10', 'GH')).toBe('D10/GH');
    expect(classKey('year-retention', 'D10', 'GH')).toBe('D10');
  });
  it('日期 prints as YYYYMMDD and a self-made 题名 in [ ]', () => {
    expect(catalogueDate('1999-09-09')).toBe('19990909');
    expect(printedTitle('工会会员名册', true)).toBe('[工会会员名册]');
    expect(printedTitle('关于X的通知', false)).toBe('关于X的通知');
  });
});
