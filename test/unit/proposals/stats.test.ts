import { describe, expect, it } from 'vitest';
import { computeStats, rate, type StatItem } from '../../../electron/core/proposals/proposals.stats';
import type { ReplyClass, Satisfaction, WorkflowEvent } from '../../../shared/domain/proposal-workflow';

/**
 * The worked figures of DOMAIN.md §3.5, rebuilt from event histories (not from counts), so the test runs the
 * same derivation the app uses.
 */
const UNIT_A = 1;
const UNIT_B = 2;
const names = new Map([
  [UNIT_A, '后勤管理处'],
  [UNIT_B, '教务处'],
]);
const opts = { today: '2026-06-30', unitNames: names };

type Outcome = 'pending' | 'filed' | 'merged' | 'converted' | 'rejected' | 'withdrawn';

function item(outcome: Outcome, o: { category?: string; delegation?: string; reply?: ReplyClass; feedback?: Satisfaction; lead?: number } = {}): StatItem {
  const events: WorkflowEvent[] = [{ type: 'register', date: '2026-03-01' }];
  const d = '2026-03-10';
  if (outcome === 'merged') events.push({ type: 'merge', date: d, targetId: 1 });
  if (outcome === 'converted') events.push({ type: 'convert', date: d });
  if (outcome === 'rejected') events.push({ type: 'reject', date: d, text: '不属于职权范围' });
  if (outcome === 'withdrawn') events.push({ type: 'withdraw', date: d });
  if (outcome === 'filed') {
    events.push({ type: 'file', date: d });
    if (o.reply || o.lead) events.push({ type: 'assign', date: '2026-03-15', leadUnitId: o.lead ?? UNIT_A, coUnitIds: [], deadline: '2026-05-31' });
    if (o.reply) events.push({ type: 'reply', date: '2026-04-20', unitId: o.lead ?? UNIT_A, replyClass: o.reply });
    if (o.feedback) events.push({ type: 'feedback', date: '2026-05-02', satisfaction: o.feedback });
  }
  return { kind: 'proposal', category: o.category ?? null, delegation: o.delegation ?? null, events };
}

const times = <T,>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('session statistics (DOMAIN.md §3.5)', () => {
  it('立案率 = filed ÷ received: 64 of 72 = 88.9 %', () => {
    const s = computeStats([...times(64, () => item('filed')), ...times(8, () => item('rejected'))], opts);
    expect(s.received).toBe(72);
    expect(s.filed).toBe(64);
    expect(s.filingRate).toEqual({ numerator: 64, denominator: 72, percent: 88.9 });
  });

  it('81 received: 67 filed, 14 not filed including 1 withdrawn', () => {
    const s = computeStats([...times(67, () => item('filed')), ...times(13, () => item('rejected')), item('withdrawn')], opts);
    expect([s.received, s.filed, s.rejected + s.withdrawn, s.withdrawn]).toEqual([81, 67, 14, 1]);
    expect(s.filingRate.percent).toBe(82.7);
  });

  it('126 forms → 64 proposals, 31 opinions, 5 rejected, the rest merged: the breakdown adds up', () => {
    const s = computeStats(
      [...times(64, () => item('filed')), ...times(31, () => item('converted')), ...times(5, () => item('rejected')), ...times(26, () => item('merged'))],
      opts,
    );
    expect(s).toMatchObject({ received: 126, filed: 64, converted: 31, rejected: 5, merged: 26, withdrawn: 0, pending: 0 });
    expect(s.filed + s.converted + s.rejected + s.merged + s.withdrawn + s.pending).toBe(s.received);
    expect(s.opinions.converted).toBe(31);
  });

  it('办复率 = replied ÷ filed, and 解决率 (A + B) = 57 of 64 = 89.1 %', () => {
    const replies: ReplyClass[] = [...times(40, () => 'A' as const), ...times(17, () => 'B' as const), ...times(7, () => 'C' as const)];
    const s = computeStats([...replies.map((r) => item('filed', { reply: r })), ...times(8, () => item('filed', { lead: UNIT_B }))], opts);
    expect(s.filed).toBe(72);
    expect(s.replied).toBe(64);
    expect(s.replyRate).toEqual({ numerator: 64, denominator: 72, percent: 88.9 });
    expect(s.solvedRate).toEqual({ numerator: 57, denominator: 64, percent: 89.1 });
    expect(s.replyClasses.map((c) => [c.replyClass, c.count, c.share.percent])).toEqual([
      ['A', 40, 62.5],
      ['B', 17, 26.6],
      ['C', 7, 10.9],
    ]);
    // The 8 assigned to 教务处 are past their 办理期限 of 2026-05-31 without a reply.
    expect(s.overdue).toBe(8);
    const unitB = s.byUnit.find((u) => u.name === '教务处')!;
    expect(unitB).toMatchObject({ lead: 8, replied: 0, overdue: 8 });
    expect(s.byUnit.find((u) => u.name === '后勤管理处')).toMatchObject({ lead: 64, replied: 64, a: 40, b: 17, c: 7, overdue: 0 });
  });

  it('满意率 counts 满意 + 基本满意: 144 + 2 of 146 = 100 %', () => {
    const s = computeStats(
      [...times(144, () => item('filed', { reply: 'A', feedback: 'satisfied' })), ...times(2, () => item('filed', { reply: 'B', feedback: 'basic' }))],
      opts,
    );
    expect(s.feedback).toBe(146);
    expect([s.satisfied, s.basicallySatisfied, s.unsatisfied]).toEqual([144, 2, 0]);
    expect(s.satisfactionRate).toEqual({ numerator: 146, denominator: 146, percent: 100 });
  });

  it('a 不满意 lowers the rate, and only the latest feedback after 督办 counts', () => {
    const redo = item('filed', { reply: 'C', feedback: 'unsatisfied' });
    redo.events = [
      ...redo.events,
      { type: 'supervise', date: '2026-05-10', leadUnitId: UNIT_A, coUnitIds: [], deadline: '2026-06-10' },
      { type: 'reply', date: '2026-06-01', unitId: UNIT_A, replyClass: 'B' },
      { type: 'feedback', date: '2026-06-05', satisfaction: 'basic' },
    ];
    const s = computeStats([redo, item('filed', { reply: 'A', feedback: 'unsatisfied' })], opts);
    expect([s.feedback, s.basicallySatisfied, s.unsatisfied]).toEqual([2, 1, 1]);
    expect(s.satisfactionRate.percent).toBe(50);
    expect(s.replyClasses.find((c) => c.replyClass === 'B')!.count).toBe(1);
    expect(s.replyClasses.find((c) => c.replyClass === 'C')!.count).toBe(0);
  });

  it('by category: 民生保障 46 of 74 filed = 62.2 %', () => {
    const items = [
      ...times(46, () => item('filed', { category: '民生保障' })),
      ...times(16, () => item('filed', { category: '教学科研' })),
      ...times(8, () => item('filed', { category: '管理体制改革' })),
      ...times(4, () => item('filed', { category: '教代会建设' })),
      ...times(3, () => item('rejected', { category: '民生保障' })),
    ];
    const s = computeStats(items, { ...opts, categories: ['教学科研', '民生保障', '管理体制改革', '教代会建设', '其他'] });
    expect(s.filed).toBe(74);
    expect(s.byCategory.map((c) => c.category)).toEqual(['教学科研', '民生保障', '管理体制改革', '教代会建设']);
    expect(s.byCategory.find((c) => c.category === '民生保障')).toMatchObject({ received: 49, filed: 46, share: { numerator: 46, denominator: 74, percent: 62.2 } });
  });

  it('by delegation, including delegations that proposed nothing', () => {
    const s = computeStats([item('filed', { delegation: '第一代表团' }), item('rejected', { delegation: '第一代表团' })], {
      ...opts,
      delegations: new Map([
        ['第一代表团', 5],
        ['第二代表团', 4],
      ]),
    });
    expect(s.byDelegation).toEqual([
      { delegation: '第一代表团', representatives: 5, received: 2, filed: 1, filingRate: rate(1, 2) },
      { delegation: '第二代表团', representatives: 4, received: 0, filed: 0, filingRate: { numerator: 0, denominator: 0, percent: null } },
    ]);
  });

  it('keeps 意见建议 out of the proposal rates', () => {
    const opinion: StatItem = {
      kind: 'opinion',
      category: null,
      delegation: null,
      events: [
        { type: 'register', date: '2026-03-01' },
        { type: 'assign', date: '2026-03-05', leadUnitId: UNIT_B, coUnitIds: [], deadline: '2026-04-01' },
      ],
    };
    const s = computeStats([opinion, item('filed')], opts);
    expect(s.received).toBe(1);
    expect(s.opinions).toEqual({ registered: 1, converted: 0, assigned: 1, replied: 0, closed: 0 });
    expect(s.overdue).toBe(0);
    expect(s.byUnit).toEqual([]);
  });

  it('has no rate without a denominator', () => {
    const s = computeStats([], opts);
    expect(s.filingRate.percent).toBeNull();
    expect(s.satisfactionRate.percent).toBeNull();
  });
});
