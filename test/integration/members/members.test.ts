import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { MemberDetail, MemberListRow, UnionUnit } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext;
const clock = () => new Date('2026-11-21T08:00:00Z');

beforeEach(async () => {
  ctx = await openTestContext({ clock });
});
afterEach(async () => {
  await ctx.close();
});

const create = (member: Record<string, unknown>, arrival?: Record<string, unknown>) =>
  call<MemberDetail>(ctx, 'members.create', { member, ...(arrival ? { arrival } : {}) });
const list = (q: Record<string, unknown> = {}) => call<{ total: number; rows: MemberListRow[] }>(ctx, 'members.list', q);

describe('member files', () => {
  it('creates a member whose ID number decides birth date and sex, and warns about a disagreeing typed value', async () => {
    const m = await create({ name: '张三丰', idNumber: '１１０１０８ １９８５０３１２００１１', birthDate: '1985-03-13', gender: '女', joinDate: '2008-09-01' });
    expect(m.idNumber).toBe('110108198503120011');
    expect(m.birthDate).toBe('1985-03-12');
    expect(m.gender).toBe('男');
    expect(m.age).toBe(41);
    expect(m.warnings.join()).toContain('出生日期');
    expect(m.warnings.join()).toContain('性别');
    expect(m.status).toBe('active');
    expect(m.events.map((e) => [e.type, e.date])).toEqual([['join', '2008-09-01']]);
  });

  it('refuses an invalid ID with a Chinese message on the field and writes nothing', async () => {
    const r = await ctx.dispatch('members.create', { member: { name: '李四', idNumber: '110108198503120012' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toContain('校验码');
    expect(r.error.details).toMatchObject({ issues: [{ path: ['member', 'idNumber'] }] });
    expect((await list()).total).toBe(0);
  });

  it('names the existing member when an ID number or 会员证号 is already used', async () => {
    await create({ name: '王五', idNumber: '310115199007040026', memberNo: 'GH-001' });
    const dupId = await ctx.dispatch('members.create', { member: { name: '王六', idNumber: '310115199007040026' } });
    expect(dupId.ok).toBe(false);
    if (!dupId.ok) {
      expect(dupId.error.code).toBe('CONFLICT');
      expect(dupId.error.message).toContain('王五');
      expect(dupId.error.message).toContain('GH-001');
    }
    const dupNo = await ctx.dispatch('members.create', { member: { name: '赵七', memberNo: 'GH-001' } });
    expect(dupNo.ok).toBe(false);
    expect((await list()).total).toBe(1);
  });

  it('accepts a member without an ID number but flags it, and a passport without checksum', async () => {
    const a = await create({ name: '无证人', memberNo: 'N-1' });
    expect(a.flags).toEqual(['noId']);
    const b = await create({ name: 'John Smith', idType: 'passport', idNumber: 'e12345678' });
    expect(b.idNumber).toBe('E12345678');
    expect(b.flags).toEqual([]);
  });

  it('derives the status from the lifecycle and refuses events the history does not allow', async () => {
    const m = await create({ name: '钱八', idNumber: '440306197812250039' }, { type: 'join', date: '2000-05-01' });
    const retired = await call<MemberDetail>(ctx, 'members.addEvent', { memberId: m.id, type: 'retain', date: '2025-12-31', reason: '退休' });
    expect(retired.status).toBe('retained');
    const bad = await ctx.dispatch('members.addEvent', { memberId: m.id, type: 'retain', date: '2026-01-05' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('保留会籍');
    const early = await ctx.dispatch('members.addEvent', { memberId: m.id, type: 'transfer_out', date: '2020-01-01', otherUnion: '某区教育工会' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('早于');
    const noUnion = await ctx.dispatch('members.addEvent', { memberId: m.id, type: 'transfer_out', date: '2026-02-01' });
    expect(noUnion.ok).toBe(false);
    const out = await call<MemberDetail>(ctx, 'members.addEvent', {
      memberId: m.id,
      type: 'transfer_out',
      date: '2026-02-01',
      otherUnion: '某区教育工会',
      handler: '李干事',
    });
    expect(out.status).toBe('transferred_out');
    expect(out.events.map((e) => e.type)).toEqual(['join', 'retain', 'transfer_out']);
    // Lists show 在册 + 保留会籍 by default; the others are one filter away.
    expect((await list()).total).toBe(0);
    expect((await list({ statuses: ['transferred_out'] })).rows[0]?.name).toBe('钱八');
  });

  it('keeps a 分工会 → 工会小组 tree with counts and records moves in the history', async () => {
    const branch = await call<UnionUnit>(ctx, 'groups.create', { parentId: null, kind: 'branch', name: '语文教研组分工会' });
    const g1 = await call<UnionUnit>(ctx, 'groups.create', { parentId: branch.id, kind: 'group', name: '高一语文组' });
    const g2 = await call<UnionUnit>(ctx, 'groups.create', { parentId: branch.id, kind: 'group', name: '高二语文组' });
    const a = await create({ name: '孙一', groupId: g1.id });
    const b = await create({ name: '孙二', groupId: g1.id });
    await call(ctx, 'groups.update', { id: g1.id, name: '高一语文组', leaderMemberId: a.id });
    const moved = await call<{ moved: number }>(ctx, 'members.moveGroup', { memberIds: [b.id], toGroupId: g2.id, date: '2026-09-01', reason: '任课调整' });
    expect(moved.moved).toBe(1);
    const tree = await call<UnionUnit[]>(ctx, 'groups.tree');
    const byName = Object.fromEntries(tree.map((u) => [u.name, u]));
    expect(byName['高一语文组']).toMatchObject({ memberCount: 1, leaderName: '孙一' });
    expect(byName['高二语文组']?.memberCount).toBe(1);
    expect(byName['语文教研组分工会']?.memberCount).toBe(2);
    const detail = await call<MemberDetail>(ctx, 'members.get', { id: b.id });
    expect(detail.events.at(-1)).toMatchObject({ type: 'group_move', fromGroup: '高一语文组', toGroup: '高二语文组' });
    expect((await list({ groupId: branch.id })).total).toBe(2);
    expect((await list({ groupId: branch.id, includeSubgroups: false })).total).toBe(0);
    const refuse = await ctx.dispatch('groups.remove', { id: g2.id });
    expect(refuse.ok).toBe(false);
  });

  it('finds members by 1–3 character name fragments, pinyin, and number fragments', async () => {
    await create({ name: '张三丰', idNumber: '110108198503120011', phone: '13800138000', memberNo: 'HY2020001' });
    await create({ name: '张三', idNumber: '32010219651001004X' });
    await create({ name: '单田芳', idNumber: '110101200501010105' });
    await create({ name: '曾国藩' });
    const names = async (search: string) => (await list({ search })).rows.map((r) => r.name).sort();
    expect(await names('张')).toEqual(['张三', '张三丰']);
    expect(await names('三丰')).toEqual(['张三丰']);
    expect(await names('张三丰')).toEqual(['张三丰']);
    expect(await names('zsf')).toEqual(['张三丰']);
    expect(await names('zs')).toEqual(['张三', '张三丰']);
    expect(await names('zhangsan')).toEqual(['张三', '张三丰']);
    expect(await names('stf')).toEqual(['单田芳']);
    expect(await names('zgf')).toEqual(['曾国藩']);
    expect(await names('0138')).toEqual(['张三丰']);
    expect(await names('1004x')).toEqual(['张三']);
    expect(await names('HY2020')).toEqual(['张三丰']);
    const row = (await list({ search: '张三丰' })).rows[0]!;
    expect(row.idNumberMasked).toBe('110108********0011');
  });

  it('sorts names by pinyin and filters by sex, age and join date', async () => {
    await create({ name: '安琪', idNumber: '310115199007040026', joinDate: '2015-01-01' });
    await create({ name: '周杰', idNumber: '440306197812250039', joinDate: '2001-01-01' });
    await create({ name: '白雪', idNumber: '330106197311110066', joinDate: '1999-01-01' });
    expect((await list()).rows.map((r) => r.name)).toEqual(['安琪', '白雪', '周杰']);
    expect((await list({ gender: '男' })).rows.map((r) => r.name)).toEqual(['周杰']);
    expect((await list({ ageMin: 40, ageMax: 50 })).rows.map((r) => r.name)).toEqual(['周杰']);
    expect((await list({ joinedFrom: '2000-01-01' })).total).toBe(2);
  });

  it('reports stats by status, group and age band', async () => {
    await create({ name: '甲', idNumber: '310115199007040026' });
    await create({ name: '乙', idNumber: '440306197812250039' });
    const stats = await call<{ total: number; ageBands: { band: string; male: number; female: number }[] }>(ctx, 'members.stats');
    expect(stats.total).toBe(2);
    expect(stats.ageBands.find((b) => b.band === '31–40 岁')).toMatchObject({ female: 1, male: 0 });
    expect(stats.ageBands.find((b) => b.band === '41–50 岁')).toMatchObject({ male: 1 });
  });

  it('prints 工作单位 as the unit (from 设置 or the member) and the department in its own cell', async () => {
    await call(ctx, 'settings.update', { unitName: '某某市第一中学' });
    const m = await create({ name: '周老师', department: '理化生组' });
    const cell = (html: string, label: string) => new RegExp(`<td class="l">${label}</td><td[^>]*>([^<]*)</td>`).exec(html)?.[1];
    const { html } = await call<{ html: string }>(ctx, 'members.registrationHtml', { id: m.id });
    expect(cell(html, '工作单位')).toBe('某某市第一中学');
    expect(cell(html, '部　　门')).toBe('理化生组');
    const own = await create({ name: '吴医生', workUnit: '某某市人民医院', department: '内科' });
    const second = (await call<{ html: string }>(ctx, 'members.registrationHtml', { id: own.id })).html;
    expect(cell(second, '工作单位')).toBe('某某市人民医院');
    expect(cell(second, '部　　门')).toBe('内科');
  });

  it('prints the 登记表 as escaped HTML', async () => {
    const m = await create({ name: '<b>钱</b>', remarks: '第一行\n第二行' });
    const { html } = await call<{ html: string }>(ctx, 'members.registrationHtml', { id: m.id });
    expect(html).toContain('工会会员登记表');
    expect(html).toContain('&lt;b&gt;钱&lt;/b&gt;');
    expect(html).toContain('第一行<br>第二行');
  });
});
