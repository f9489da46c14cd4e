import { describe, expect, it } from 'vitest';
import { proposalFields } from '../../../shared/contract/proposals';
import { PROPOSAL_FIELDS } from '../../../shared/domain/proposal-fields';
import { PROPOSAL_FIELD_LABELS, PROPOSAL_SYNONYMS } from '../../../electron/core/proposals/import/proposal-columns';

const base = { title: '关于增设教工健身房的建议', proposerId: 1, submittedDate: '2026-03-01' };

describe('the proposal field table', () => {
  it('gives the contract its lengths and the wording of its messages', () => {
    for (const key of ['title', 'reasons', 'suggestions', 'category', 'remarks'] as const) {
      const { label, maxLength } = PROPOSAL_FIELDS[key];
      const r = proposalFields.safeParse({ ...base, [key]: '字'.repeat(maxLength + 1) });
      expect(r.error?.issues[0]?.message, key).toBe(`${label}不能超过 ${maxLength} 个字`);
      expect(proposalFields.safeParse({ ...base, [key]: '字'.repeat(maxLength) }).success, key).toBe(true);
    }
    const many = Array.from({ length: PROPOSAL_FIELDS.seconders.maxLength + 1 }, (_, i) => i + 2);
    expect(proposalFields.safeParse({ ...base, seconderIds: many }).error?.issues[0]?.message).toBe('附议人不能超过 30 人');
  });

  it('names import fields with the form labels and spellings', () => {
    expect(PROPOSAL_FIELD_LABELS.reasons).toBe('理由或依据');
    expect(PROPOSAL_SYNONYMS.title).toBe(PROPOSAL_FIELDS.title.synonyms);
    expect(PROPOSAL_SYNONYMS.seq).toContain('序号');
  });
});
