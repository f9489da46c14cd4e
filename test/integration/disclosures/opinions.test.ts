import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { AuditEntry, DisclosureDetail, DisclosureListRow, OpinionRow } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';
import { createDisclosure, createOpinion, opinion } from './helpers';

let ctx: AppContext;
let now = new Date('2026-03-13T10:00:00+08:00');
const clock = () => now;
const open = async (at: string) => {
  now = new Date(`${at}T10:00:00+08:00`);
  ctx = await openTestContext({ clock });
};
afterEach(async () => {
  await ctx.close();
});

const list = (q: Record<string, unknown> = {}) => call<{ total: number; rows: OpinionRow[] }>(ctx, 'opinions.list', q);

describe('opinions: 答复期限 and overdue', () => {
  it('defaults 答复期限 to 5 working days after receipt, skipping the weekend', async () => {
    await open('2026-03-13');
    const fri = await createOpinion(ctx, { receivedOn: '2026-03-06' });
    const sat = await createOpinion(ctx, { receivedOn: '2026-03-07' });
    const mon = await createOpinion(ctx, { receivedOn: '2026-03-09' });
    expect([fri.dueOn, sat.dueOn, mon.dueOn]).toEqual(['2026-03-13', '2026-03-13', '2026-03-16']);
    expect(await call(ctx, 'opinions.dueDate', { receivedOn: '2026-03-06' })).toEqual({ dueOn: '2026-03-13', workdays: 5 });
    expect(fri).toMatchObject({ status: 'pending', overdue: false, daysLate: 0 });
  });

  it('becomes overdue the day after 答复期限 — over a weekend, Monday is already late', async () => {
    await open('2026-03-13');
    const o = await createOpinion(ctx, { receivedOn: '2026-03-06' });
    expect(o.overdue).toBe(false);
    for (const [day, overdue, late] of [
      ['2026-03-13', false, 0],
      ['2026-03-14', true, 1],
      ['2026-03-15', true, 2],
      ['2026-03-16', true, 3],
    ] as const) {
      now = new Date(`${day}T10:00:00+08:00`);
      expect(await call<OpinionRow>(ctx, 'opinions.get', { id: o.id }), day).toMatchObject({ overdue, daysLate: late });
    }
    expect((await list({ overdueOnly: true })).rows.map((r) => r.id)).toEqual([o.id]);
  });

  it('follows 设置: other reply days, holidays and make-up working days', async () => {
    await open('2026-09-30');
    await call(ctx, 'settings.update', {
      opinionReplyDays: 3,
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      makeupWorkdays: ['2026-10-10'],
    });
    const o = await createOpinion(ctx, { receivedOn: '2026-09-30' });
    // 8 Oct, 9 Oct, then the worked Saturday 10 Oct.
    expect(o.dueOn).toBe('2026-10-10');
    const typed = await createOpinion(ctx, { receivedOn: '2026-09-30', dueOn: '2026-10-20' });
    expect(typed.dueOn).toBe('2026-10-20');
  });

  it('lists only open ones as overdue, oldest deadline first, and shows them on the disclosure', async () => {
    await open('2026-03-06');
    const d = await createDisclosure(ctx);
    const a = await createOpinion(ctx, { receivedOn: '2026-03-02', disclosureId: d.id });
    const b = await createOpinion(ctx, { receivedOn: '2026-03-03', forwardedTo: '后勤处', forwardedOn: '2026-03-04' });
    const c = await createOpinion(ctx, { receivedOn: '2026-03-04' });
    await call(ctx, 'opinions.reply', { id: c.id, reply: '已在公开栏答复。', repliedOn: '2026-03-06' });
    now = new Date('2026-03-20T10:00:00+08:00');
    const overdue = await list({ overdueOnly: true });
    expect(overdue.rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(overdue.rows.map((r) => r.status)).toEqual(['pending', 'in_progress']);
    const replied = await call<OpinionRow>(ctx, 'opinions.get', { id: c.id });
    expect(replied).toMatchObject({ status: 'replied', overdue: false, daysLate: 0 });
    const rows = (await call<{ rows: DisclosureListRow[] }>(ctx, 'disclosures.list', {})).rows;
    expect(rows[0]).toMatchObject({ opinionCount: 1, overdueOpinionCount: 1 });
    const detail = await call<DisclosureDetail>(ctx, 'disclosures.get', { id: d.id });
    expect(detail.opinions.map((o) => o.id)).toEqual([a.id]);
    expect(detail.opinions[0]).toMatchObject({ disclosureRegNo: d.regNo, overdue: true, disclosureDeleted: false });
    // A deleted disclosure stays named on its opinions, marked as deleted.
    await call(ctx, 'disclosures.remove', { id: d.id, reason: '登记错误' });
    expect(await call<OpinionRow>(ctx, 'opinions.get', { id: a.id })).toMatchObject({ disclosureRegNo: d.regNo, disclosureDeleted: true });
  });

  it('counts a late reply’s days late after it was replied', async () => {
    await open('2026-03-20');
    const o = await createOpinion(ctx, { receivedOn: '2026-03-06' });
    const r = await call<OpinionRow>(ctx, 'opinions.reply', { id: o.id, reply: '已转后勤处落实。', repliedOn: '2026-03-17' });
    expect(r).toMatchObject({ status: 'replied', overdue: false, daysLate: 4, repliedBy: null });
  });
});

describe('opinions: workflow 待转交 → 办理中 → 已答复 → 已归档', () => {
  it('derives the status from the record and audits each step', async () => {
    await open('2026-03-13');
    await call(ctx, 'settings.update', { operator: '李干事' });
    const o = await createOpinion(ctx);
    expect(o.status).toBe('pending');
    const fwd = await call<OpinionRow>(ctx, 'opinions.update', { id: o.id, opinion: opinion({ forwardedTo: '后勤处' }) });
    expect(fwd).toMatchObject({ status: 'in_progress', forwardedOn: '2026-03-13' });
    const early = await ctx.dispatch('opinions.archive', { id: o.id });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('答复后才能归档');
    const rep = await call<OpinionRow>(ctx, 'opinions.reply', { id: o.id, reply: '合同已在公开栏公布。', repliedOn: '2026-03-12' });
    expect(rep).toMatchObject({ status: 'replied', repliedBy: '李干事', forwardedTo: '后勤处' });
    const arc = await call<OpinionRow>(ctx, 'opinions.archive', { id: o.id });
    expect(arc.status).toBe('archived');
    const edit = await ctx.dispatch('opinions.update', { id: o.id, opinion: opinion() });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.message).toContain('已归档');
    const back = await call<OpinionRow>(ctx, 'opinions.archive', { id: o.id, archived: false });
    expect(back.status).toBe('replied');
    const audit = await call<AuditEntry[]>(ctx, 'audit.list', { entity: 'opinion' });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'opinions.create',
      'opinions.update',
      'opinions.reply',
      'opinions.archive',
      'opinions.unarchive',
    ]);
    expect(audit[1]).toMatchObject({ before: { status: 'replied' }, after: { status: 'archived' } });
  });

  it('keeps no name for anonymous opinions and wants one otherwise', async () => {
    await open('2026-03-13');
    const anon = await createOpinion(ctx, { anonymous: true, reporter: '张三', contact: '13800000000' });
    expect(anon).toMatchObject({ anonymous: true, reporter: null, contact: null });
    const r = await ctx.dispatch('opinions.create', { opinion: opinion({ anonymous: false }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toMatchObject({ issues: [{ path: ['opinion', 'reporter'] }] });
    const named = await createOpinion(ctx, { anonymous: false, reporter: '张老师', channel: '座谈会' });
    expect(named).toMatchObject({ reporter: '张老师', channel: '座谈会' });
  });

  it('refuses dates that cannot be, an unknown channel and a deleted disclosure, writing nothing', async () => {
    await open('2026-03-13');
    const d = await createDisclosure(ctx);
    await call(ctx, 'disclosures.remove', { id: d.id, reason: '重复' });
    for (const [bad, what] of [
      [{ receivedOn: '2026-03-14' }, '晚于今天'],
      [{ dueOn: '2026-03-01' }, '答复期限'],
      [{ forwardedOn: '2026-03-07' }, '转交部门'],
      [{ channel: '飞鸽传书' }, '渠道'],
      [{ disclosureId: d.id }, '不存在'],
    ] as const) {
      const r = await ctx.dispatch('opinions.create', { opinion: opinion(bad) });
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(what);
    }
    expect((await list()).total).toBe(0);
    const o = await createOpinion(ctx);
    const late = await ctx.dispatch('opinions.reply', { id: o.id, reply: '已答复', repliedOn: '2026-03-05' });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.message).toContain('早于收到日期');
  });

  it('filters by status, year and text, and removes with a reason', async () => {
    await open('2026-03-13');
    const a = await createOpinion(ctx, { content: '建议公开职称评审结果' });
    await createOpinion(ctx, { content: '食堂价格偏高', forwardedTo: '后勤处' });
    expect((await list({ statuses: ['in_progress'] })).rows.map((r) => r.content)).toEqual(['食堂价格偏高']);
    expect((await list({ search: '职称' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await list({ year: 2025 })).total).toBe(0);
    await call(ctx, 'opinions.remove', { id: a.id, reason: '误录' });
    expect((await list()).total).toBe(1);
  });
});
