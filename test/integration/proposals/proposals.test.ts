import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { AuditEntry, CongressSession, ProposalDetail, ProposalListRow, Representative } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';
import { act, register, seedSession, type Seeded } from './seed';

let ctx: AppContext;
let now = new Date('2026-03-16T09:00:00+08:00');
let s: Seeded;

beforeEach(async () => {
  now = new Date('2026-03-16T09:00:00+08:00');
  ctx = await openTestContext({ clock: () => now });
  s = await seedSession(ctx);
});
afterEach(async () => {
  await ctx.close();
});

const m = (i: number) => s.members[i]!.id;
const list = (q: Record<string, unknown> = {}) => call<{ total: number; rows: ProposalListRow[] }>(ctx, 'proposals.list', q);
const refused = async (channel: string, input: unknown) => {
  const r = await ctx.dispatch(channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  return r.ok ? { code: '', message: '' } : r.error;
};

describe('sessions and representatives', () => {
  it('labels a session 五届二次 with its full title and refuses a second 五届二次', async () => {
    expect(s.session).toMatchObject({ label: '五届二次', title: '第五届教职工代表大会第二次会议', minSeconders: 2, representativeCount: 6 });
    const dup = await refused('sessions.create', { term: 5, meeting: 2 });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('第五届第二次');
    const bad = await refused('sessions.create', { term: 5, meeting: 3, startDate: '2026-03-20', endDate: '2026-03-01' });
    expect(bad.message).toContain('闭幕日期');
  });

  it('lists representatives by delegation and keeps one who proposed', async () => {
    const reps = await call<Representative[]>(ctx, 'representatives.list', { sessionId: s.session.id });
    expect(reps.map((r) => r.delegation)).toEqual(['第一代表团', '第一代表团', '第一代表团', '第二代表团', '第二代表团', '第二代表团']);
    const again = await call<{ added: number; alreadyThere: number }>(ctx, 'representatives.add', {
      sessionId: s.session.id,
      entries: [{ memberId: m(0), delegation: '第三代表团' }],
    });
    expect(again).toEqual({ added: 0, alreadyThere: 1 });
    await register(ctx, s.session.id, { title: '改善食堂', proposerId: m(0), seconderIds: [m(1), m(2)] });
    const zs = (await call<Representative[]>(ctx, 'representatives.list', { sessionId: s.session.id })).find((r) => r.memberId === m(0))!;
    expect(zs.proposalCount).toBe(1);
    const keep = await refused('representatives.remove', { id: zs.id });
    expect(keep.message).toContain('不能从代表名单中移除');
    const moved = await call<Representative>(ctx, 'representatives.update', { id: zs.id, delegation: '机关代表团' });
    expect(moved.delegation).toBe('机关代表团');
  });

  it('refuses a member who has left as a representative', async () => {
    const gone = await call<{ id: number }>(ctx, 'members.create', { member: { name: '周离开' } });
    await call(ctx, 'members.addEvent', { memberId: gone.id, type: 'leave', date: '2026-01-05' });
    const r = await refused('representatives.add', { sessionId: s.session.id, entries: [{ memberId: gone.id, delegation: '第一代表团' }] });
    expect(r.message).toContain('已退会');
  });

  it('removes a session only while it has no proposals', async () => {
    await register(ctx, s.session.id, { title: '一事一案', proposerId: m(0), seconderIds: [m(1), m(2)] });
    expect((await refused('sessions.remove', { id: s.session.id })).message).toContain('不能删除');
    const empty = await call<CongressSession>(ctx, 'sessions.create', { term: 5, meeting: 3 });
    expect(await call(ctx, 'sessions.remove', { id: empty.id })).toEqual({ removed: true });
  });
});

describe('registering proposals', () => {
  it('numbers proposals in order of registration and 意见建议 in their own series', async () => {
    const a = await register(ctx, s.session.id, { title: '增设教工健身房', proposerId: m(0), seconderIds: [m(1), m(2)], category: '后勤管理与服务' });
    const b = await register(ctx, s.session.id, { title: '完善职称评审办法', proposerId: m(3), seconderIds: [m(4), m(5)] });
    const c = await register(ctx, s.session.id, { title: '延长图书馆开放时间', proposerId: m(1), seconderIds: [m(0)] });
    expect([a.number, b.number]).toEqual(['五届二次 第001号', '五届二次 第002号']);
    expect(a).toMatchObject({ kind: 'proposal', state: 'registered', stateLabel: '待审查', delegation: '第一代表团', seconderCount: 2 });
    expect(c).toMatchObject({ kind: 'opinion', number: '五届二次 意见建议第001号', stateLabel: '待交办' });
    expect(c.warnings[0]).toContain('附议人不足 2 人');
    expect(c.events[0]).toMatchObject({ type: 'register', date: '2026-03-10' });
    const d = await register(ctx, s.session.id, { title: '提案人意愿', proposerId: m(2), seconderIds: [m(0), m(1)] }, { asOpinion: true });
    expect(d.number).toBe('五届二次 意见建议第002号');
    expect((await list({ sessionId: s.session.id })).rows.map((r) => r.number)).toEqual([
      '五届二次 第001号',
      '五届二次 第002号',
      '五届二次 意见建议第001号',
      '五届二次 意见建议第002号',
    ]);
  });

  it('refuses a proposer or seconder who is not a representative of the session, writing nothing', async () => {
    const outsider = await call<{ id: number; name: string }>(ctx, 'members.create', { member: { name: '吴局外' } });
    const r = await refused('proposals.create', {
      sessionId: s.session.id,
      proposal: { title: '外人提案', proposerId: outsider.id, seconderIds: [m(1), m(2)], submittedDate: '2026-03-10' },
    });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toBe('提案人 吴局外 不是五届二次的代表，不能提出提案。');
    const sec = await refused('proposals.create', {
      sessionId: s.session.id,
      proposal: { title: '附议外人', proposerId: m(0), seconderIds: [m(0), outsider.id], submittedDate: '2026-03-10' },
    });
    expect(sec.message).toContain('提案人不能同时作为附议人');
    expect((await list()).total).toBe(0);
  });

  it('warns about a proposal handed in after the collection deadline and refuses a future date', async () => {
    now = new Date('2026-03-18T09:00:00+08:00');
    const late = await register(ctx, s.session.id, { title: '逾期提交', proposerId: m(0), seconderIds: [m(1), m(2)], submittedDate: '2026-03-17' });
    expect(late.warnings.join()).toContain('征集截止日期');
    expect((await refused('proposals.create', { sessionId: s.session.id, proposal: { title: '未来', proposerId: m(0), submittedDate: '2026-04-01' } })).message).toContain(
      '不能晚于今天',
    );
  });

  it('refuses a category outside the configured list, and follows a changed list and number format', async () => {
    const bad = await refused('proposals.create', {
      sessionId: s.session.id,
      proposal: { title: '类别', proposerId: m(0), seconderIds: [m(1), m(2)], category: '民生保障', submittedDate: '2026-03-10' },
    });
    expect(bad.message).toContain('不在提案类别列表中');
    await call(ctx, 'proposals.configUpdate', { categories: ['民生保障', '教学科研'], numberFormat: '{届#}-{次#}-{号:3}' });
    const p = await register(ctx, s.session.id, { title: '类别', proposerId: m(0), seconderIds: [m(1), m(2)], category: '民生保障' });
    expect(p.number).toBe('5-2-001');
    expect((await refused('proposals.configUpdate', { numberFormat: '第号' })).message).toContain('流水号');
    const audit = await call<AuditEntry[]>(ctx, 'audit.list', { limit: 5 });
    expect(audit.map((a) => a.action)).toContain('proposals.config');
  });

  it('edits the text at any time but not the people once reviewed, and keeps the series when seconders change', async () => {
    const p = await register(ctx, s.session.id, { title: '原案由', proposerId: m(0), seconderIds: [m(1), m(2)] });
    const fields = { title: '新案由', proposerId: m(0), seconderIds: [m(1), m(2)], submittedDate: '2026-03-10', reasons: '理由' };
    const fewer = await refused('proposals.update', { id: p.id, proposal: { ...fields, seconderIds: [m(1)] } });
    expect(fewer.message).toContain('附议人不能少于 2 人');
    now = new Date('2026-03-16T10:00:00+08:00');
    const edited = await call<ProposalDetail>(ctx, 'proposals.update', { id: p.id, proposal: { ...fields, seconderIds: [m(2), m(3)] } });
    expect(edited.seconders.map((x) => x.name)).toEqual(['王建国', '赵敏']);
    await act(ctx, { proposalId: p.id, type: 'file', date: '2026-03-12' });
    expect((await refused('proposals.update', { id: p.id, proposal: { ...fields, seconderIds: [m(1), m(3)] } })).message).toContain('不能再更改');
    const text = await call<ProposalDetail>(ctx, 'proposals.update', { id: p.id, proposal: { ...fields, seconderIds: [m(2), m(3)], title: '再改' } });
    expect(text.title).toBe('再改');
    const stale = await refused('proposals.update', { id: p.id, proposal: { ...fields, seconderIds: [m(2), m(3)] }, expectedUpdatedAt: p.updatedAt });
    expect(stale.code).toBe('CONFLICT');
  });
});

describe('the workflow through the router', () => {
  it('runs 立案 → 交办 → 答复 → 反馈 → 办结 with every step recorded and audited', async () => {
    const p = await register(ctx, s.session.id, { title: '改善教工食堂', proposerId: m(0), seconderIds: [m(1), m(2)] });
    const [hq, jw] = s.units;
    const before = await refused('proposals.act', { proposalId: p.id, type: 'reply', date: '2026-03-12', unitId: hq!.id, replyClass: 'A' });
    expect(before.code).toBe('CONFLICT');
    expect(before.message).toContain('尚未交办');
    await act(ctx, { proposalId: p.id, type: 'file', date: '2026-03-12', handler: '李干事', text: '符合立案条件' });
    const assigned = await act(ctx, { proposalId: p.id, type: 'assign', date: '2026-03-13', leadUnitId: hq!.id, coUnitIds: [jw!.id], deadline: '2026-05-31' });
    expect(assigned).toMatchObject({ state: 'assigned', leadUnit: '后勤管理处', coUnits: [{ name: '教务处' }], replyDue: '2026-05-31', overdue: false });
    const noFb = await refused('proposals.act', { proposalId: p.id, type: 'feedback', date: '2026-03-14', satisfaction: 'satisfied' });
    expect(noFb.message).toContain('尚未答复');
    now = new Date('2026-04-10T09:00:00+08:00');
    await act(ctx, { proposalId: p.id, type: 'reply', date: '2026-04-08', unitId: jw!.id, replyClass: 'B', text: '配合后勤处调整排班' });
    const replied = await act(ctx, { proposalId: p.id, type: 'reply', date: '2026-04-09', unitId: hq!.id, replyClass: 'A', text: '已增加窗口' });
    expect(replied).toMatchObject({ state: 'replied', replyClass: 'A', replyDue: null });
    await act(ctx, { proposalId: p.id, type: 'feedback', date: '2026-04-10', satisfaction: 'satisfied', text: '满意' });
    const closed = await act(ctx, { proposalId: p.id, type: 'close', date: '2026-04-10' });
    expect(closed.state).toBe('closed');
    expect(closed.events.map((e) => e.type)).toEqual(['register', 'file', 'assign', 'reply', 'reply', 'feedback', 'close']);
    expect(closed.events[1]).toMatchObject({ handler: '李干事', text: '符合立案条件' });
    // The list's 答复期限 stays the round's 办理期限 after the reply and 办结; only overdue ends with the reply.
    const row = (await list({ sessionId: s.session.id })).rows.find((r) => r.id === p.id)!;
    expect(row).toMatchObject({ state: 'closed', deadline: '2026-05-31', replyDue: null, overdue: false });
    const audit = await call<AuditEntry[]>(ctx, 'audit.list', { limit: 20, entity: 'proposal' });
    expect(audit.map((a) => a.action)).toEqual([
      'proposals.close',
      'proposals.feedback',
      'proposals.reply',
      'proposals.reply',
      'proposals.assign',
      'proposals.file',
      'proposals.create',
    ]);
    const after = await refused('proposals.act', { proposalId: p.id, type: 'withdraw', date: '2026-04-10' });
    expect(after.message).toContain('已办结');
  });

  it('shows overdue replies in the list and the session, and lets 督办 open a new round', async () => {
    const p = await register(ctx, s.session.id, { title: '逾期未复', proposerId: m(3), seconderIds: [m(4), m(5)] });
    await act(ctx, { proposalId: p.id, type: 'file', date: '2026-03-12' });
    await act(ctx, { proposalId: p.id, type: 'assign', date: '2026-03-13', leadUnitId: s.units[2]!.id, deadline: '2026-04-01' });
    expect((await list({ overdue: true })).total).toBe(0);
    const early = await refused('proposals.act', { proposalId: p.id, type: 'supervise', date: '2026-03-16', leadUnitId: s.units[2]!.id, deadline: '2026-04-15' });
    expect(early.message).toContain('尚未超过办理期限');
    now = new Date('2026-04-05T09:00:00+08:00');
    const overdue = await list({ overdue: true });
    expect(overdue.rows.map((r) => [r.number, r.overdue, r.replyDue])).toEqual([['五届二次 第001号', true, '2026-04-01']]);
    expect((await call<CongressSession[]>(ctx, 'sessions.list'))[0]!.overdueCount).toBe(1);
    const again = await act(ctx, { proposalId: p.id, type: 'supervise', date: '2026-04-05', leadUnitId: s.units[2]!.id, deadline: '2026-04-20', text: '请抓紧办理' });
    expect(again).toMatchObject({ round: 2, state: 'assigned', replyDue: '2026-04-20', overdue: false });
    expect((await list({ overdue: true })).total).toBe(0);
  });

  it('merges into a filed proposal of the same session; the merged one keeps its number', async () => {
    const a = await register(ctx, s.session.id, { title: '食堂延时供餐', proposerId: m(0), seconderIds: [m(1), m(2)] });
    const b = await register(ctx, s.session.id, { title: '食堂增加夜宵', proposerId: m(3), seconderIds: [m(4), m(5)] });
    const notYet = await refused('proposals.act', { proposalId: b.id, type: 'merge', date: '2026-03-12', targetId: a.id });
    expect(notYet.message).toContain('须已立案');
    expect((await refused('proposals.act', { proposalId: b.id, type: 'merge', date: '2026-03-12', targetId: b.id })).message).toContain('它自己');
    await act(ctx, { proposalId: a.id, type: 'file', date: '2026-03-12' });
    const merged = await act(ctx, { proposalId: b.id, type: 'merge', date: '2026-03-12', targetId: a.id, text: '内容相近' });
    expect(merged).toMatchObject({ state: 'merged', number: '五届二次 第002号', mergedInto: { id: a.id, number: '五届二次 第001号' } });
    expect(merged.events.at(-1)).toMatchObject({ type: 'merge', target: { number: '五届二次 第001号' } });
    const target = await call<ProposalDetail>(ctx, 'proposals.get', { id: a.id });
    expect(target.mergedFrom).toEqual([{ id: b.id, number: '五届二次 第002号', title: '食堂增加夜宵', proposerName: '赵敏' }]);
  });

  it('needs a reason for 不予立案, and passes a converted proposal and an 意见建议 to units without feedback', async () => {
    const a = await register(ctx, s.session.id, { title: '个人调资', proposerId: m(0), seconderIds: [m(1), m(2)] });
    const noReason = await refused('proposals.act', { proposalId: a.id, type: 'reject', date: '2026-03-12' });
    expect(noReason.code).toBe('VALIDATION');
    const rejected = await act(ctx, { proposalId: a.id, type: 'reject', date: '2026-03-12', text: '属个人事项，建议向人事处反映' });
    expect(rejected.stateLabel).toBe('不予立案');
    const op = await register(ctx, s.session.id, { title: '意见', proposerId: m(1), seconderIds: [] });
    expect((await refused('proposals.act', { proposalId: op.id, type: 'file', date: '2026-03-12' })).message).toContain('不经过立案审查');
    await act(ctx, { proposalId: op.id, type: 'assign', date: '2026-03-12', leadUnitId: s.units[1]!.id, deadline: '2026-04-30' });
    await act(ctx, { proposalId: op.id, type: 'reply', date: '2026-03-14', unitId: s.units[1]!.id, replyClass: 'C' });
    expect((await act(ctx, { proposalId: op.id, type: 'close', date: '2026-03-15' })).state).toBe('closed');
  });

  it('refuses to assign to a deactivated unit; a used unit is deactivated, not removed', async () => {
    const p = await register(ctx, s.session.id, { title: '建议承办', proposerId: m(0), seconderIds: [m(1), m(2)], suggestedUnitId: s.units[0]!.id });
    expect(await call(ctx, 'handlingUnits.remove', { id: s.units[0]!.id })).toEqual({ removed: false, deactivated: true });
    expect(await call(ctx, 'handlingUnits.remove', { id: s.units[2]!.id })).toEqual({ removed: true, deactivated: false });
    await act(ctx, { proposalId: p.id, type: 'file', date: '2026-03-12' });
    const r = await refused('proposals.act', { proposalId: p.id, type: 'assign', date: '2026-03-12', leadUnitId: s.units[0]!.id, deadline: '2026-04-30' });
    expect(r.message).toContain('已停用');
    expect((await refused('handlingUnits.create', { name: '后勤管理处' })).message).toContain('已停用');
  });

  it('keeps attachments inside the database and gives them back unchanged', async () => {
    const p = await register(ctx, s.session.id, { title: '附件', proposerId: m(0), seconderIds: [m(1), m(2)] });
    const bytes = Buffer.from('%PDF-1.4 提案附件内容');
    const up = ctx.files.saveUpload('调研报告.pdf', bytes);
    const withFile = await call<ProposalDetail>(ctx, 'proposals.attachmentAdd', { proposalId: p.id, token: up.token });
    expect(withFile.attachments).toMatchObject([{ fileName: '调研报告.pdf', sizeBytes: bytes.length }]);
    const ref = await call<{ token: string; fileName: string }>(ctx, 'proposals.attachmentGet', { id: withFile.attachments[0]!.id });
    expect(ref.fileName).toBe('调研报告.pdf');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(ctx.files.resolve(ref.token).path).equals(bytes)).toBe(true);
    const gone = await call<ProposalDetail>(ctx, 'proposals.attachmentRemove', { id: withFile.attachments[0]!.id });
    expect(gone.attachments).toEqual([]);
  });
});
