import { describe, expect, it } from 'vitest';
import {
  DEGREES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  ETHNIC_GROUPS,
  ethnicGroupCode,
  HOUSEHOLD_TYPES,
  ID_TYPE_LABELS,
  ID_TYPES,
  listValueLabel,
  MEMBER_LISTS,
  type MemberListKey,
  normalizeListValue,
  POLITICAL_STATUSES,
  politicalStatusCode,
  SEXES,
  VALUE_SYNONYMS,
  YES_NO,
} from '../../../shared/domain/member-labels';

describe('value lists', () => {
  it('has the 56 ethnic groups of GB/T 3304 in code order, then 其他 and 外国血统中国籍人士', () => {
    expect(ETHNIC_GROUPS).toHaveLength(58);
    expect(new Set(ETHNIC_GROUPS).size).toBe(58);
    expect(ETHNIC_GROUPS.slice(0, 5)).toEqual(['汉族', '蒙古族', '回族', '藏族', '维吾尔族']);
    expect(ETHNIC_GROUPS[55]).toBe('基诺族');
    expect(ethnicGroupCode('汉族')).toBe('01');
    expect(ethnicGroupCode('朝鲜族')).toBe('10');
    expect(ethnicGroupCode('基诺族')).toBe('56');
    expect(ethnicGroupCode('其他')).toBe('97');
    expect(ethnicGroupCode('外国血统中国籍人士')).toBe('98');
    expect(ethnicGroupCode('汉')).toBeNull();
  });

  it('has the 13 political statuses of GB/T 4762 in code order', () => {
    expect(POLITICAL_STATUSES).toHaveLength(13);
    expect(politicalStatusCode('中共党员')).toBe('01');
    expect(politicalStatusCode('共青团员')).toBe('03');
    expect(politicalStatusCode('群众')).toBe('13');
  });

  it('labels every ID type code', () => {
    for (const code of ID_TYPES) expect(ID_TYPE_LABELS[code]).toMatch(/\p{Script=Han}/u);
    expect(listValueLabel('idType', 'resident')).toBe('居民身份证');
    expect(listValueLabel('education', '大学本科')).toBe('大学本科');
  });

  it('every synonym points at a member of its list', () => {
    for (const key of Object.keys(VALUE_SYNONYMS) as MemberListKey[]) {
      const values: readonly string[] = MEMBER_LISTS[key];
      for (const [from, to] of Object.entries(VALUE_SYNONYMS[key])) {
        expect(values, `${key}: ${from} → ${to}`).toContain(to);
        expect(from, `${key}: keys are compared lower-cased without spaces`).toBe(from.toLowerCase().replace(/\s+/g, ''));
      }
    }
  });

  it('keeps the other lists as given', () => {
    expect(SEXES).toEqual(['男', '女']);
    expect(DEGREES).toEqual(['博士', '硕士', '学士', '无']);
    expect(EDUCATION_LEVELS[0]).toBe('研究生');
    expect(HOUSEHOLD_TYPES).toEqual(['非农业', '农业', '农转居']);
    expect(YES_NO).toEqual(['是', '否']);
    expect(EMPLOYMENT_STATUSES).toContain('在岗');
    expect(EMPLOYMENT_STATUSES).toContain('退休');
  });
});

describe('normalizeListValue', () => {
  const cases: [MemberListKey, unknown, string, boolean][] = [
    ['ethnicGroup', '汉族', '汉族', true],
    ['ethnicGroup', '汉', '汉族', false],
    ['ethnicGroup', '蒙古', '蒙古族', false],
    ['ethnicGroup', '维吾尔', '维吾尔族', false],
    ['ethnicGroup', ' 回 族 ', '回族', false],
    ['politicalStatus', '中共党员', '中共党员', true],
    ['politicalStatus', '党员', '中共党员', false],
    ['politicalStatus', '共产党员', '中共党员', false],
    ['politicalStatus', '中国共产党党员', '中共党员', false],
    ['politicalStatus', '预备党员', '中共预备党员', false],
    ['politicalStatus', '团员', '共青团员', false],
    ['politicalStatus', '九三学社', '九三学社社员', false],
    ['politicalStatus', '无党派', '无党派人士', false],
    ['education', '本科', '大学本科', false],
    ['education', '大专', '大学专科', false],
    ['education', '研究生', '研究生', true],
    ['education', '硕士研究生', '研究生', false],
    ['education', '博士研究生', '研究生', false],
    ['education', '中专', '中等专科', false],
    ['education', '高中', '普通高中', false],
    ['education', '职高', '职业高中', false],
    ['education', '技校', '技工学校', false],
    ['degree', '硕士', '硕士', true],
    ['degree', '学士学位', '学士', false],
    ['sex', '男', '男', true],
    ['sex', '女', '女', true],
    ['sex', '男性', '男', false],
    ['sex', 'M', '男', false],
    ['sex', 'f', '女', false],
    ['sex', 'Ｆ', '女', false],
    ['sex', 1, '男', false],
    ['sex', '2', '女', false],
    ['yesNo', '是', '是', true],
    ['yesNo', 'Y', '是', false],
    ['yesNo', 'n', '否', false],
    ['yesNo', 1, '是', false],
    ['yesNo', 0, '否', false],
    ['idType', 'resident', 'resident', true],
    ['idType', '居民身份证', 'resident', true],
    ['idType', '身份证', 'resident', false],
    ['idType', '二代身份证', 'resident', false],
    ['idType', '护照', 'passport', true],
    ['idType', '中国护照', 'passport', false],
    ['idType', '台胞证', 'tw', false],
    ['idType', '港澳居民来往内地通行证', 'hk_mo', true],
    ['employmentStatus', '在职', '在岗', false],
    ['employmentStatus', '下(待)岗', '下岗待岗', false],
    ['employmentStatus', '下（待）岗', '下岗待岗', false],
    ['employmentStatus', '内部退养', '内退', false],
    ['householdType', '非农业', '非农业', true],
    ['householdType', '城镇户口', '非农业', false],
    ['householdType', '农村', '农业', false],
  ];
  it.each(cases)('%s: %s → %s (exact %s)', (list, raw, value, exact) => {
    expect(normalizeListValue(list, raw)).toEqual({ value, exact });
  });

  it('does not read 0 as 女 — GB/T 2261.1 uses 0 for 未知', () => {
    expect(normalizeListValue('sex', '0')).toBeNull();
  });

  it('returns null for empty or unknown values', () => {
    expect(normalizeListValue('ethnicGroup', '')).toBeNull();
    expect(normalizeListValue('ethnicGroup', null)).toBeNull();
    expect(normalizeListValue('ethnicGroup', '火星族')).toBeNull();
    expect(normalizeListValue('politicalStatus', '民主党派')).toBeNull(); // which party? cannot guess
    expect(normalizeListValue('sex', 'X')).toBeNull();
  });

  it('accepts a list given as its array, and an office’s own additions', () => {
    expect(normalizeListValue(EDUCATION_LEVELS, '大专')).toEqual({ value: '大学专科', exact: false });
    expect(normalizeListValue(['在编', '编外'], '编外')).toEqual({ value: '编外', exact: true });
    expect(normalizeListValue(['在编', '编外'], '编 外')).toEqual({ value: '编外', exact: false });
    expect(normalizeListValue('employmentStatus', '返聘', ['返聘'])).toEqual({ value: '返聘', exact: true });
    expect(normalizeListValue('employmentStatus', '返聘')).toBeNull();
  });
});
