import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { AuditEntry, PlanDetail, PlanItemRow, YearSummary } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-06-10T09:00:00+08:00') });
});
afterEach(async () => {
  await ctx.close();
});

const plan = () =>
  call<PlanDetail>(ctx, 'plans.save', {
    year: 2026, period: 'year', title: '2026年工会工作计划', areas: [],
    items: [{ month: 3, title: '三八节活动', kind: 'festival' }, { month: 7, monthTo: 8, title: '暑期疗休养', kind: 'health' }, { month: null, title: '做好送温暖', kind: 'care' }],
  });

describe('plan item editing on the board', () => {
  it('changes title, kind, month and owner; a range keeps its end when it still follows; the audit holds only what changed', async () => {
    const p = await plan();
    const [march, summer, open] = p.items as [PlanItemRow, PlanItemRow, PlanItemRow];
    const moved = await call<PlanItemRow>(ctx, 'plans.itemUpdate', { id: march.id, status: 'active', month: 7, owner: '李干事', title: '三八节趣味活动', kind: 'sports' });
    expect(moved).toMatchObject({ month: 7, monthTo: 7, owner: '李干事', title: '三八节趣味活动', kind: 'sports', kindLabel: '文体活动', status: 'active', statusLabel: '进行中', overdue: false });
    // 7–8月 moved to start in 8月 keeps its end; moved to 9月 it becomes one month.
    expect(await call<PlanItemRow>(ctx, 'plans.itemUpdate', { id: summer.id, status: 'pending', month: 8 })).toMatchObject({ month: 8, monthTo: 8 });
    expect(await call<PlanItemRow>(ctx, 'plans.itemUpdate', { id: summer.id, status: 'pending', month: 7, monthTo: 8 })).toMatchObject({ month: 7, monthTo: 8 });
    expect(await call<PlanItemRow>(ctx, 'plans.itemUpdate', { id: summer.id, status: 'pending', month: 9 })).toMatchObject({ month: 9, monthTo: 9 });
    // An open item gets a month; a month taken away leaves no end month.
    expect(await call<PlanItemRow>(ctx, 'plans.itemUpdate', { id: open.id, status: 'pending', month: 5 })).toMatchObject({ month: 5, monthTo: 5, overdue: true });
    expect(await call<PlanItemRow>(ctx, 'plans.itemUpdate', { id: open.id, status: 'pending', month: null })).toMatchObject({ month: null, monthTo: null, overdue: false });

    const bad = await ctx.dispatch('plans.itemUpdate', { id: march.id, status: 'done', title: '  ' });
    expect(bad.ok ? '' : bad.error.message).toContain('事项不能为空');

    const audit = await call<{ rows: AuditEntry[] }>(ctx, 'audit.query', {});
    const first = audit.rows.filter((a) => a.action === 'plans.itemUpdate').at(-1)!;
    expect(JSON.stringify(first)).toContain('三八节趣味活动');
    expect(JSON.stringify(first)).not.toContain('status_reason');
  });
});

describe('计划事项类别 in 设置', () => {
  it('defaults to the issue list; an added kind is stored by its name, an unknown one refused, a built-in one always accepted', async () => {
    const s = await call<{ planItemKinds: string[] }>(ctx, 'settings.get', {});
    expect(s.planItemKinds).toEqual(['节日活动', '文体活动', '体检/疗养', '培训/学习', '评优表彰', '劳动竞赛/合理化建议', '会议', '送温暖/帮扶', '维权', '其他']);
    await call(ctx, 'settings.update', { planItemKinds: [...s.planItemKinds.filter((k) => k !== '维权'), '读书活动'] });

    const p = await call<PlanDetail>(ctx, 'plans.save', {
      year: 2026, period: 'year', title: '计划', areas: [], items: [{ month: 4, title: '读书月', kind: '读书活动' }, { month: 5, title: '劳动法宣传', kind: 'rights' }],
    });
    expect(p.items.map((i) => [i.kind, i.kindLabel])).toEqual([['读书活动', '读书活动'], ['rights', '维权']]);
    const bad = await ctx.dispatch('activities.create', { activity: { name: '某活动', kind: '瞎编类别', startDate: '2026-04-02' } });
    expect(bad.ok ? '' : bad.error.message).toBe('类别「瞎编类别」不在设置的计划事项类别中（节日活动、文体活动、体检/疗养、培训/学习、评优表彰、劳动竞赛/合理化建议、会议、送温暖/帮扶、其他、读书活动）。');
    await call(ctx, 'activities.create', { activity: { name: '读书分享会', kind: '读书活动', startDate: '2026-04-23', headCount: 25, planItemIds: [p.items[0]!.id] } });
    const badItem = await ctx.dispatch('plans.itemUpdate', { id: p.items[1]!.id, status: 'pending', kind: '瞎编类别' });
    expect(badItem.ok).toBe(false);

    const sum = await call<YearSummary>(ctx, 'plans.summary', { year: 2026 });
    expect(sum.kinds.find((k) => k.kind === '读书活动')).toMatchObject({ label: '读书活动', planned: 1, done: 1, activities: 1, participants: 25 });
    const list = await call<{ rows: { kindLabel: string }[] }>(ctx, 'activities.list', { year: 2026, kind: '读书活动' });
    expect(list.rows.map((r) => r.kindLabel)).toEqual(['读书活动']);
  });
});
