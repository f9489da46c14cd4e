import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, naturalCompare } from '../../../shared/domain/natural-order';

const sorted = (xs: string[]) => [...xs].sort(naturalCompare);

describe('natural order of numbered names', () => {
  it('sorts groups by their Chinese numerals, not by pinyin', () => {
    expect(sorted(['第五小组', '第二小组', '第十一小组', '第一小组', '第十小组', '第三小组', '第四小组'])).toEqual([
      '第一小组', '第二小组', '第三小组', '第四小组', '第五小组', '第十小组', '第十一小组',
    ]);
  });

  it('sorts Arabic numerals by value, full-width too', () => {
    expect(sorted(['第10小组', '第2小组', '第１小组', '第11小组'])).toEqual(['第１小组', '第2小组', '第10小组', '第11小组']);
  });

  it('sorts sessions and plain names sensibly', () => {
    expect(sorted(['五届十次', '五届二次', '四届三次', '五届一次'])).toEqual(['四届三次', '五届一次', '五届二次', '五届十次']);
    expect(sorted(['总务处', '教务处', '办公室'])).toEqual(['办公室', '教务处', '总务处']);
  });

  it.each([
    ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23], ['一百零五', 105], ['两千', 2000], ['二〇二四', 2024], ['三万五千', 35000],
  ])('%s = %d', (run, value) => {
    expect(chineseNumeralValue(run)).toBe(value);
  });
});
