import { describe, expect, it } from 'vitest';
import { headerHints, normalizeHeader } from '../../../electron/core/spreadsheet/header-text';
import {
  guessMemberField,
  headerSignature,
  mapMemberColumns,
  MEMBER_IMPORT_FIELDS,
  memberHeaderScore,
} from '../../../electron/core/members/import/member-columns';
import type { DetectedColumn } from '../../../electron/core/spreadsheet/detect';

const cols = (...headers: string[]): DetectedColumn[] => headers.map((h, index) => ({ index, header: h, name: h }));

describe('normalizeHeader', () => {
  it.each([
    ['身份证号码\n（必填）*', '身份证号码'],
    ['* 姓名', '姓名'],
    ['姓　名', '姓名'],
    ['出生日期(yyyyMMdd)', '出生日期'],
    ['手机号码：', '手机号码'],
    ['【备注】说明', '说明'],
    ['ＱＱ号', 'qq号'],
    ['性别(男是0，女是1)', '性别'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('headerHints', () => {
  it.each([
    ['性别(男是0，女是1)', { '0': '男', '1': '女' }],
    ['性别（1男2女）', { '1': '男', '2': '女' }],
    ['性别(男1女2)', { '1': '男', '2': '女' }],
    ['性别（1-男，2-女）', { '1': '男', '2': '女' }],
    ['性别(0=女,1=男)', { '0': '女', '1': '男' }],
  ])('%s → value map', (header, map) => {
    expect(headerHints(header).valueMap).toEqual(map);
  });

  it('date layout and required marks', () => {
    expect(headerHints('出生日期(yyyyMMdd)').dateFormat).toBe('yyyyMMdd');
    expect(headerHints('入会时间（YYYY-MM）').dateFormat).toBe('YYYY-MM');
    expect(headerHints('姓名*').required).toBe(true);
    expect(headerHints('身份证号（必填）').required).toBe(true);
    expect(headerHints('备注')).toEqual({});
  });
});

describe('synonyms (DOMAIN.md §1.4)', () => {
  it.each([
    ['公民身份号码', 'idNumber'], ['身份证号码', 'idNumber'], ['身份证号', 'idNumber'], ['证件号码', 'idNumber'], ['有效证件号码', 'idNumber'],
    ['出生年月', 'birthDate'], ['出生日期', 'birthDate'], ['生年月日', 'birthDate'], ['生日', 'birthDate'],
    ['会员证号', 'memberNo'], ['会员证号码', 'memberNo'], ['会员编号', 'memberNo'], ['会员号', 'memberNo'], ['会员卡号', 'memberNo'],
    ['手机号码', 'phone'], ['移动电话', 'phone'], ['联系电话', 'phone'], ['电话', 'phone'],
    ['工作单位', 'workUnit'], ['单位名称', 'workUnit'], ['所在单位', 'workUnit'],
    ['所属工会', 'group'], ['分会', 'group'], ['分工会', 'group'], ['工会小组', 'group'], ['所在部门', 'department'], ['部门', 'department'],
    ['文化程度', 'education'], ['学历', 'education'], ['当前学历', 'education'], ['学位', 'degree'],
    ['就业状况', 'employmentStatus'], ['人员类别', 'employmentStatus'], ['职工类型', 'employmentStatus'], ['人员身份', 'employmentStatus'],
    ['户口类型', 'householdType'], ['户籍类型', 'householdType'], ['户口性质', 'householdType'], ['户籍所在地', 'householdPlace'],
    ['入会时间', 'joinDate'], ['入会日期', 'joinDate'], ['首次入会时间', 'joinDate'],
    ['工资', 'monthlyWage'], ['月工资', 'monthlyWage'], ['月薪', 'monthlyWage'],
    ['序号', 'seq'], ['姓名', 'name'], ['会员名称', 'name'], ['性别', 'gender'], ['民族', 'ethnicity'], ['籍贯', 'nativePlace'],
    ['政治面貌', 'politicalStatus'], ['职务', 'jobTitle'], ['职称', 'professionalTitle'], ['工号', 'staffNo'],
    ['有效证件类别', 'idType'], ['证件类型', 'idType'], ['是否农民工', 'isMigrantWorker'], ['备注', 'remarks'],
  ])('%s → %s', (header, field) => {
    expect(guessMemberField(header)).toEqual({ field, confidence: 1 });
  });

  it('a neutral qualifier matches with lower confidence; somebody else’s field never matches', () => {
    expect(guessMemberField('学生联系电话')).toEqual({ field: 'phone', confidence: 0.7 });
    expect(guessMemberField('职工身份证号码')).toEqual({ field: 'idNumber', confidence: 0.7 });
    expect(guessMemberField('家长联系电话')).toBeNull();
    expect(guessMemberField('配偶姓名')).toBeNull();
    expect(guessMemberField('紧急联系人电话')).toBeNull();
    expect(guessMemberField('部门编号')).toBeNull();
    expect(guessMemberField('学籍号')).toBeNull();
  });

  it('every field key has a Chinese label for the mapping UI', () => {
    for (const f of MEMBER_IMPORT_FIELDS) expect(f.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('header score: known words count, 序号 little, unknown nothing', () => {
    expect(memberHeaderScore('身份证号')).toBe(1);
    expect(memberHeaderScore('学籍号')).toBe(0.5);
    expect(memberHeaderScore('序号')).toBe(0.3);
    expect(memberHeaderScore('项目名称')).toBe(0);
  });
});

describe('mapMemberColumns', () => {
  it('each field goes to one column: the exact match wins, the other is left with a note', () => {
    const m = mapMemberColumns(cols('姓名', '联系电话', '学生联系电话', '手机号码'));
    expect(m.columns.map((c) => c.field)).toEqual(['name', 'phone', null, null]);
    expect(m.columns[2]?.note).toBe('也像「手机号码」，但已由「联系电话」列导入');
    expect(m.missingRequired).toEqual([]);
  });

  it('duplicate headers under groups are separate columns, never merged', () => {
    const grouped: DetectedColumn[] = [
      { index: 0, header: '小组A/姓名', group: '小组A', name: '姓名' },
      { index: 1, header: '小组B/姓名', group: '小组B', name: '姓名' },
    ];
    const m = mapMemberColumns(grouped);
    expect(m.columns.map((c) => [c.header, c.field])).toEqual([
      ['小组A/姓名', 'name'],
      ['小组B/姓名', null],
    ]);
  });

  it('header hints are carried on the column', () => {
    const m = mapMemberColumns(cols('姓名', '性别(男是0，女是1)', '出生日期(yyyyMMdd)'));
    expect(m.columns[1]).toMatchObject({ field: 'gender', hints: { valueMap: { '0': '男', '1': '女' } } });
    expect(m.columns[2]).toMatchObject({ field: 'birthDate', hints: { dateFormat: 'yyyyMMdd' } });
  });

  it('user overrides win and take the field from the guessed column; 姓名 is reported missing', () => {
    const m = mapMemberColumns(cols('名字', '电话', '家庭电话'), { 家庭电话: 'phone', 名字: null });
    expect(m.columns.map((c) => c.field)).toEqual([null, null, 'phone']);
    expect(m.columns[2]?.userChosen).toBe(true);
    expect(m.missingRequired).toEqual(['name']);
  });

  it('the header signature is stable over decoration and differs for another layout', () => {
    const a = headerSignature(cols('姓名', '身份证号'));
    expect(headerSignature(cols('姓名*', '身份证号\n(必填)'))).toBe(a);
    expect(headerSignature(cols('身份证号', '姓名'))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});
