import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_STATUSES, MEMBER_STATUS_LABELS, MEMBER_TOTAL_LABELS } from '../../../shared/domain/member-lifecycle';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the two member totals on 首页', () => {
  it('are labelled by what each counts', () => {
    for (const s of CURRENT_STATUSES) expect(MEMBER_TOTAL_LABELS.currentNote).toContain(MEMBER_STATUS_LABELS[s]);
    expect(MEMBER_TOTAL_LABELS.all).toContain('含已转出');
    expect(MEMBER_TOTAL_LABELS.all).not.toBe(MEMBER_TOTAL_LABELS.current);
  });

  it('no screen calls either of them plain 会员 or 现有会员合计', () => {
    const home = fs.readFileSync(path.join(ROOT, 'renderer/src/pages/home/HomePage.tsx'), 'utf8');
    const panel = fs.readFileSync(path.join(ROOT, 'renderer/src/components/members/MemberStatsPanel.tsx'), 'utf8');
    expect(home).toContain('members: MEMBER_TOTAL_LABELS.all');
    expect(home).not.toMatch(/members: '会员'/);
    expect(panel).toContain('{MEMBER_TOTAL_LABELS.current}</Tooltip>');
    expect(panel).not.toContain('title="现有会员合计"');
  });
});
