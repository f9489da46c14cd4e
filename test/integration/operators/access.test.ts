import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract';
import { channelAccess, ROLES, roleHas, type ChannelAccess, type Role } from '../../../shared/domain/permissions';
import type { AppContext } from '../../../electron/core/context';
import { call, openTestContext } from '../../helpers/context';

/**
 * Every channel's expected access, written out by hand: a channel added without a decision here fails the
 * first test, and a default by name that disagrees with this table fails the second.
 */
const EXPECTED: Record<string, ChannelAccess> = {
  'app.info': 'public', 'app.openDataFolder': 'admin', 'backup.create': 'admin', 'backup.list': 'admin', 'backup.restore': 'admin',
  'backup.export': 'admin', 'audit.list': 'read', 'files.pickOpen': 'read', 'files.saveAs': 'read',
  'archive.config': 'read', 'archive.updateConfig': 'admin', 'archive.kinds': 'read', 'archive.years': 'read', 'archive.get': 'read',
  'archive.plan': 'records', 'archive.updateItem': 'records', 'archive.exclude': 'records', 'archive.merge': 'records',
  'archive.unmerge': 'records', 'archive.move': 'records', 'archive.inspectUpload': 'records', 'archive.addManual': 'records',
  'archive.removeManual': 'records', 'archive.number': 'records', 'archive.checks': 'read', 'archive.seal': 'admin',
  'archive.unseal': 'admin', 'archive.verify': 'read', 'archive.printHtml': 'read', 'archive.printPdf': 'read',
  'archive.binderPdf': 'read', 'archive.catalogueXlsx': 'read', 'archive.exportPackage': 'records', 'archive.verifyPackage': 'read',
  'care.list': 'read', 'care.create': 'money', 'care.remove': 'money', 'care.hardshipList': 'read', 'care.hardshipCreate': 'money',
  'care.hardshipReview': 'money', 'care.birthdays': 'read', 'care.listXlsx': 'read', 'care.approve': 'money', 'care.occasionsGet': 'read',
  'care.occasionsUpdate': 'admin', 'care.hardshipGet': 'read', 'care.hardshipUpdate': 'money', 'care.hardshipAidAdd': 'money',
  'care.hardshipAidRemove': 'money', 'care.hardshipAttachmentAdd': 'money', 'care.hardshipAttachmentRemove': 'money',
  'care.hardshipAttachmentFile': 'read', 'care.hardshipHtml': 'read', 'care.hardshipPdf': 'read', 'care.hardshipRosterXlsx': 'read',
  'care.birthdaysHtml': 'read', 'care.birthdaysPdf': 'read', 'care.birthdaysXlsx': 'read', 'care.decadeHtml': 'read', 'care.decadePdf': 'read',
  'care.decadeXlsx': 'read', 'care.lunarGet': 'read', 'care.lunarSet': 'money',
  'disclosures.list': 'read', 'disclosures.get': 'read', 'disclosures.find': 'read', 'disclosures.create': 'records',
  'disclosures.update': 'records', 'disclosures.remove': 'records', 'disclosures.inspectUpload': 'records',
  'disclosures.openAttachment': 'records', 'disclosures.attachmentFile': 'read', 'disclosures.catalogueHtml': 'read',
  'disclosures.cataloguePdf': 'read', 'disclosures.catalogueXlsx': 'read', 'disclosures.years': 'read',
  'opinions.list': 'read', 'opinions.get': 'read', 'opinions.create': 'records', 'opinions.update': 'records', 'opinions.reply': 'records',
  'opinions.archive': 'records', 'opinions.remove': 'records', 'opinions.dueDate': 'read',
  'dues.compute': 'money', 'dues.sheet': 'read', 'dues.markPaid': 'money', 'dues.arrears': 'read', 'dues.exportXlsx': 'read',
  'dues.computePeriod': 'money', 'dues.computeCancel': 'read', 'dues.periodSheet': 'read',
  'dues.periodTotals': 'read', 'dues.periodPage': 'read', 'dues.exportCancel': 'read', 'dues.importSheets': 'money', 'dues.importPreview': 'money',
  'dues.importCommit': 'money', 'dues.importCancel': 'read', 'dues.importBatches': 'read', 'dues.importUndo': 'money',
  'dues.collectionHtml': 'read', 'dues.collectionPdf': 'read', 'dues.collectionXlsx': 'read', 'dues.summary': 'read', 'dues.summaryXlsx': 'read',
  'members.importPreview': 'records', 'members.importCommit': 'records', 'members.importBatches': 'read',
  'members.importIssuesFile': 'records', 'members.importUndo': 'records', 'members.importUndoCancel': 'read', 'members.list': 'read', 'members.get': 'read',
  'members.find': 'read', 'members.create': 'records', 'members.update': 'records', 'members.remove': 'records',
  'members.addEvent': 'records', 'members.checkId': 'read', 'members.moveGroup': 'records', 'members.stats': 'read',
  // #16: exports and prints with ID numbers are reads (masked for 查阅); full numbers need reveal (revealIds).
  'members.export': 'read', 'members.registrationPdf': 'read', 'members.registrationHtml': 'read',
  'pii.summary': 'read', 'pii.member': 'read', 'pii.memberFile': 'reveal', 'pii.anonymise': 'admin',
  'groups.tree': 'read', 'groups.create': 'records', 'groups.update': 'records', 'groups.remove': 'records',
  'proposals.importPreview': 'records', 'proposals.importCommit': 'records', 'proposals.importBatches': 'read',
  'proposals.importUndo': 'records', 'sessions.list': 'read', 'sessions.create': 'records', 'sessions.update': 'records',
  'sessions.remove': 'records', 'representatives.list': 'read', 'representatives.add': 'records',
  'representatives.update': 'records', 'representatives.remove': 'records', 'handlingUnits.list': 'read',
  'handlingUnits.create': 'records', 'handlingUnits.update': 'records', 'handlingUnits.remove': 'records',
  'proposals.config': 'read', 'proposals.configUpdate': 'records', 'proposals.list': 'read', 'proposals.get': 'read',
  'proposals.create': 'records', 'proposals.update': 'records', 'proposals.act': 'records', 'proposals.stats': 'read',
  'proposals.statsXlsx': 'read', 'proposals.printHtml': 'read', 'proposals.printPdf': 'read', 'proposals.attachmentAdd': 'records',
  'proposals.attachmentGet': 'read', 'proposals.attachmentRemove': 'records', 'settings.get': 'public', 'settings.update': 'admin',
  'operators.current': 'public', 'operators.login': 'public', 'operators.logout': 'public', 'operators.list': 'admin',
  'operators.add': 'admin', 'operators.remove': 'admin', 'operators.passwd': 'public', 'audit.query': 'read',
  'audit.exportXlsx': 'read', 'operators.skipLogin': 'admin',
  'archive.binderCancel': 'read', 'archive.numberCancel': 'read', 'members.exportCancel': 'read', 'members.importSheets': 'records', 'members.importCancel': 'read',
  'proposals.importSheets': 'records', 'proposals.importCancel': 'read', 'care.payoutHtml': 'read', 'care.payoutPdf': 'read',
  'plans.parse': 'records', 'plans.save': 'records', 'plans.get': 'read', 'plans.itemUpdate': 'records', 'plans.home': 'read',
  'plans.summary': 'read', 'plans.summaryDocx': 'read',
  'activities.list': 'read', 'activities.create': 'records', 'activities.remove': 'records', 'activities.export': 'read',
  'activities.printPreview': 'read', 'activities.print': 'read', 'awards.list': 'read', 'awards.create': 'records',
  'care.decade': 'read', 'mediation.list': 'read', 'mediation.create': 'records', 'mediation.close': 'records', 'mediation.print': 'read',
  'mediation.get': 'read', 'mediation.update': 'records', 'mediation.printPreview': 'read', 'activities.signInPreview': 'records',
};

let ctx: AppContext | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

const NAMES: Record<Role, string> = { admin: '王主席', clerk: '李干事', finance: '赵财务', viewer: '钱查阅' };

async function withOperators(): Promise<AppContext> {
  const c = await openTestContext();
  for (const role of ROLES) await call(c, 'operators.add', { name: NAMES[role], role, password: `pw-${role}-123` });
  return c;
}

describe('channel permissions (#16)', () => {
  it('every channel has a decision in this table', () => {
    const missing = CHANNEL_NAMES.filter((c) => !(c in EXPECTED));
    expect(missing, `channels without an expected permission: ${missing.join(', ')}`).toEqual([]);
  });

  it('the shared table gives each channel the expected permission', () => {
    const wrong = CHANNEL_NAMES.filter((c) => channelAccess(c) !== EXPECTED[c]).map((c) => `${c}: ${channelAccess(c)} ≠ ${EXPECTED[c]}`);
    expect(wrong).toEqual([]);
  });

  it('every channel × every role: refused with FORBIDDEN and a Chinese message exactly when the role lacks it', async () => {
    ctx = await withOperators();
    const c = ctx;
    const ops = await call<{ id: number; name: string; role: Role }[]>(c, 'operators.list');
    for (const role of ROLES) {
      const op = ops.find((o) => o.role === role)!;
      for (const channel of CHANNEL_NAMES) {
        const need = EXPECTED[channel]!;
        if (need === 'public') continue; // login/logout/current change the session themselves
        c.session.login({ id: op.id, name: op.name, role }, c.clock().getTime());
        // An input no schema accepts: an allowed channel answers VALIDATION, a refused one FORBIDDEN.
        const r = await c.dispatch(channel, { __probe: true });
        const allowed = roleHas(role, need);
        expect({ channel, role, code: r.ok ? 'OK' : r.error.code }).toEqual({ channel, role, code: allowed ? expect.not.stringMatching(/^FORBIDDEN$/) : 'FORBIDDEN' });
        if (!r.ok && r.error.code === 'FORBIDDEN') expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  }, 60_000);

  it('without operators nothing changes: no login, every channel runs as the single 管理员', async () => {
    ctx = await openTestContext();
    const s = await call<{ loginEnabled: boolean; operator: { name: string; role: string } }>(ctx, 'operators.current');
    expect(s.loginEnabled).toBe(false);
    expect(s.operator).toMatchObject({ role: 'admin' });
    await call(ctx, 'settings.update', { operator: '张三' });
    expect(ctx.actor()).toBe('张三');
  });

  it('with login on: refused until logged in; wrong password refused; 5 wrong tries slow down; idle lock', async () => {
    let now = new Date('2026-03-02T09:00:00Z').getTime();
    ctx = await openTestContext({ clock: () => new Date(now) });
    const c = ctx;
    await call(c, 'operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
    // The admin who turned login on is logged in as that operator.
    expect((await call<{ operator: { name: string } }>(c, 'operators.current')).operator.name).toBe('王主席');
    await call(c, 'operators.logout');
    const refused = await c.dispatch('members.list', {});
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'FORBIDDEN', message: '请先登录。' });

    for (let i = 0; i < 5; i++) {
      const r = await c.dispatch('operators.login', { name: '王主席', password: 'wrong' });
      expect(r.ok ? null : r.error.message).toBe('操作员或密码不正确。');
    }
    const slowed = await c.dispatch('operators.login', { name: '王主席', password: 'secret-1' });
    expect(slowed.ok ? null : slowed.error).toMatchObject({ code: 'FORBIDDEN', message: '密码错误次数过多，请 30 秒后再试。' });
    now += 31_000;
    await call(c, 'operators.login', { name: '王主席', password: 'secret-1' });
    expect((await c.dispatch('members.list', {})).ok).toBe(true);
    expect(c.actor()).toBe('王主席');

    now += 16 * 60_000;
    const locked = await c.dispatch('members.list', {});
    expect(locked.ok ? null : locked.error).toMatchObject({ code: 'FORBIDDEN', message: '长时间未操作，已自动锁定，请重新登录。' });
  });

  it('the last 管理员 with a password cannot be removed while others can log in', async () => {
    ctx = await withOperators();
    const ops = await call<{ id: number; role: Role }[]>(ctx, 'operators.list');
    ctx.session.logout();
    const clerk = ops.find((o) => o.role === 'clerk')!;
    ctx.session.login({ id: null, name: 'CLI', role: 'admin' }, ctx.clock().getTime());
    const r = await ctx.dispatch('operators.remove', { id: ops.find((o) => o.role === 'admin')!.id });
    expect(r.ok ? null : r.error.message).toContain('至少要有一位设了密码的管理员');
    expect((await ctx.dispatch('operators.remove', { id: clerk.id })).ok).toBe(true);
  });
});

describe('masking, append-only log and change log (#16)', () => {
  it('查阅 sees masked ID numbers and phones in members.list/get and may not reveal; 干事 sees them', async () => {
    ctx = await withOperators();
    const c = ctx;
    const m = await call<{ id: number }>(c, 'members.create', { member: { name: '李四', idNumber: '32010219651001004X', phone: '13812341234' } });
    const ops = await call<{ id: number; name: string; role: Role }[]>(c, 'operators.list');
    const as = (role: Role) => {
      const op = ops.find((o) => o.role === role)!;
      c.session.login({ id: op.id, name: op.name, role }, c.clock().getTime());
    };
    as('viewer');
    const got = await call<{ idNumber: string; phone: string }>(c, 'members.get', { id: m.id });
    expect(got.idNumber).toBe('320102********004X');
    expect(got.phone).toBe('138****1234');
    const list = await call<{ rows: { phone: string }[] }>(c, 'members.list', {});
    expect(list.rows[0]!.phone).toBe('138****1234');
    const reveal = await c.dispatch('members.list', { revealIds: true });
    expect(reveal.ok ? null : reveal.error).toMatchObject({ code: 'FORBIDDEN', message: '查阅不能查看完整身份证号。' });
    as('clerk');
    expect((await call<{ idNumber: string }>(c, 'members.get', { id: m.id })).idNumber).toBe('32010219651001004X');
    const full = await call<{ rows: { idNumber: string }[] }>(c, 'members.list', { revealIds: true });
    expect(full.rows[0]!.idNumber).toBe('32010219651001004X');
    const log = await call<{ rows: { action: string; operator: string; actionLabel: string }[] }>(c, 'audit.query', { action: 'pii.reveal' });
    expect(log.rows[0]).toMatchObject({ operator: '李干事', actionLabel: '查看完整身份证号' });
  });

  it('the change log refuses UPDATE and DELETE at the database level', async () => {
    ctx = await openTestContext();
    await call(ctx, 'settings.update', { operator: '张三' });
    expect(() => ctx!.db.exec("UPDATE audit_log SET actor = 'x'")).toThrow('修改记录只能追加，不能修改或删除');
    expect(() => ctx!.db.exec('DELETE FROM audit_log')).toThrow('修改记录只能追加，不能修改或删除');
  });

  it('audit.query gives Chinese action labels, the member by name, changed fields, and filters', async () => {
    ctx = await openTestContext();
    await call(ctx, 'settings.update', { operator: '张三' });
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '王五' } });
    await call(ctx, 'members.update', { id: m.id, member: { name: '王五', phone: '13900001111' } });
    const r = await call<{ rows: { actionLabel: string; recordName: string; operator: string; changes: { label: string; after: unknown }[] }[] }>(
      ctx,
      'audit.query',
      { entity: 'member', operator: '张三' },
    );
    expect(r.rows.map((e) => e.actionLabel)).toEqual(['修改会员', '新增会员']);
    expect(r.rows[0]).toMatchObject({ recordName: '王五', operator: '张三' });
    expect(r.rows[0]!.changes).toContainEqual(expect.objectContaining({ label: '手机号码', after: '13900001111' }));
  });

  it('shows stored codes by their Chinese labels (证件类型 resident → 居民身份证)', async () => {
    ctx = await openTestContext();
    await call(ctx, 'members.create', { member: { name: '赵六', idType: 'resident', idNumber: '11010519491231002X' } });
    const r = await call<{ rows: { changes: { label: string; after: unknown }[] }[] }>(ctx, 'audit.query', { entity: 'member' });
    const changes = r.rows[0]!.changes;
    expect(changes).toContainEqual(expect.objectContaining({ label: '证件类型', after: '居民身份证' }));
    expect(JSON.stringify(changes)).not.toContain('"resident"');
  });
});
