import { describe, expect, it } from 'vitest';
import { memberInput } from '../../../shared/contract/members';
import { MEMBER_COLUMN_LABELS, MEMBER_FIELDS, type MemberField } from '../../../shared/domain/member-fields';
import { guessMemberField, MEMBER_FIELD_LABELS, MEMBER_SYNONYMS } from '../../../electron/core/members/import/member-columns';
import { STANDARD_TEMPLATE } from '../../../electron/core/members/members.export-templates';

describe('the member field table', () => {
  it('gives the contract its lengths and the wording of its messages', () => {
    for (const [key, spec] of Object.entries(MEMBER_FIELDS) as [MemberField, { label: string; maxLength?: number }][]) {
      if (!spec.maxLength || key === 'phone') continue;
      const r = memberInput.safeParse({ name: '张三', [key]: '字'.repeat(spec.maxLength + 1) });
      expect(r.success, key).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(`${spec.label}不能超过 ${spec.maxLength} 个字`);
      expect(memberInput.safeParse({ name: '张三', [key]: '字'.repeat(spec.maxLength) }).success, key).toBe(true);
    }
  });

  it('names import fields and stored columns with the same labels', () => {
    expect(MEMBER_FIELD_LABELS.idNumber).toBe(MEMBER_FIELDS.idNumber.label);
    expect(MEMBER_SYNONYMS.birthDate).toBe(MEMBER_FIELDS.birthDate.synonyms);
    expect(MEMBER_COLUMN_LABELS.birth_date).toBe('出生日期');
    expect(MEMBER_COLUMN_LABELS.group_id).toBe('工会小组');
  });

  it('our own export reads back: every standard header is recognised as its field', () => {
    const own = STANDARD_TEMPLATE.columns.filter((c) => c.header !== '会籍状态');
    expect(own.length).toBeGreaterThan(20);
    for (const c of own) {
      const field = (Object.keys(MEMBER_FIELDS) as MemberField[]).find((k) => MEMBER_FIELDS[k].label === c.header);
      expect(field, c.header).toBeDefined();
      expect(guessMemberField(c.header)?.field, c.header).toBe(field);
    }
  });
});
