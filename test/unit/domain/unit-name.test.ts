import { describe, expect, it } from 'vitest';
import { unitKindOf, unitNameClean, unitNameKey, unitPlanLines } from '../../../shared/domain/unit-name';

describe('unit names', () => {
  it('one key for the spellings of one unit', () => {
    for (const s of ['第一小组', '第1小组', '第１小组', ' 第一小组 ', '第 一 小组', '第一小组\u3000']) expect(unitNameKey(s), s).toBe(unitNameKey('第一小组'));
    expect(unitNameKey('第十一小组')).toBe(unitNameKey('第11小组'));
    expect(unitNameKey('第二十小组')).toBe(unitNameKey('第20小组'));
    expect(unitNameKey('第一小组')).not.toBe(unitNameKey('第十一小组'));
    expect(unitNameKey('第二小组')).not.toBe(unitNameKey('第一小组'));
    expect(unitNameKey('理科分工会')).not.toBe(unitNameKey('文科分工会'));
  });

  it('stores half-width text with spaces collapsed, the clerk’s numerals kept', () => {
    expect(unitNameClean(' 第１小组  ')).toBe('第1小组');
    expect(unitNameClean('第一小组')).toBe('第一小组');
  });

  it('tells 分工会 from 工会小组 by the name, then by the column', () => {
    expect(unitKindOf('理科分工会', '工会小组')).toBe('branch');
    expect(unitKindOf('后勤分会', '所在小组')).toBe('branch');
    expect(unitKindOf('第一小组', '所属分会')).toBe('group');
    expect(unitKindOf('后勤', '所属分会')).toBe('branch');
    expect(unitKindOf('后勤', '工会小组')).toBe('group');
  });

  it('says what the import will do with units', () => {
    const lines = unitPlanLines({
      create: true,
      toCreate: [
        { kind: 'group', name: '第一小组' },
        { kind: 'group', name: '第二小组' },
        { kind: 'branch', name: '理科分工会' },
      ],
      matches: [{ given: '第1小组', name: '第一小组', existing: true, rows: 3 }],
      missing: [],
    });
    expect(lines).toEqual(['将新建 1 个分工会：理科分工会', '将新建 2 个工会小组：第一小组、第二小组', '「第1小组」按已有的「第一小组」导入（3 行）']);
    expect(unitPlanLines({ create: false, toCreate: [], matches: [], missing: [{ name: '第五小组', rows: 4 }] })).toEqual(['1 个组织不存在，4 名会员未设置工会小组：第五小组']);
  });
});
