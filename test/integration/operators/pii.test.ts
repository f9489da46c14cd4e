/**
 * Personal information (#16): masking per role in lists, exports (the .xlsx read back with exceljs) and prints
 * (the print HTML), the reason and log of every full-ID export, and 设置 → 个人信息 (查阅复制, anonymising).
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { AuditLogRow, PiiMember, PiiSummary } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/domain/permissions';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

type Ref = { token: string; fileName: string };
const ID = '110108198503120011';
const ID_MASKED = '110108********0011';
const PHONE = '13812341234';
const PHONE_MASKED = '138****1234';
const NAMES: Record<Role, string> = { admin: '王主席', clerk: '李干事', finance: '赵财务', viewer: '钱查阅' };

async function cells(c: AppContext, ref: Ref): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(c.files.resolve(ref.token).path);
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? ''))));
  return out;
}

/** A roster with one member holding an ID, a phone, a wage (dues), a care visit; operators of every role (login on). */
async function office(): Promise<{ c: AppContext; memberId: number; as: (role: Role) => void }> {
  const c = await openTestContext();
  const m = await call<{ id: number }>(c, 'members.create', { member: { name: '张三丰', idNumber: ID, phone: PHONE, monthlyWage: 5000, joinDate: '2010-09-01' } });
  await call(c, 'dues.compute', { period: '2026-01' });
  await call(c, 'care.create', { visit: { memberId: m.id, occasion: 'marriage', visitDate: '2026-02-01', form: 'gift', amount: 500 } });
  for (const role of ROLES) await call(c, 'operators.add', { name: NAMES[role], role, password: `pw-${role}-123` });
  const ops = await call<{ id: number; name: string; role: Role }[]>(c, 'operators.list');
  const as = (role: Role) => {
    const op = ops.find((o) => o.role === role)!;
    c.session.login({ id: op.id, name: op.name, role }, c.clock().getTime());
  };
  return { c, memberId: m.id, as };
}

const EXPORTS: [channel: string, input: (memberId: number) => Record<string, unknown>][] = [
  ['members.export', () => ({ template: 'standard' })],
  ['members.export', () => ({ template: 'hainan' })],
  ['care.listXlsx', () => ({ year: 2026 })],
  ['dues.exportXlsx', () => ({ period: '2026-01' })],
  ['dues.collectionXlsx', () => ({ period: '2026-01' })],
];

describe('masking per role in exports and prints (#16)', () => {
  it('查阅 gets every workbook and the 登记表 masked, and may not ask for full numbers; 干事 gets them full with a reason', async () => {
    const o = await office();
    ctx = o.c;
    const c = o.c;
    o.as('viewer');
    for (const [channel, input] of EXPORTS) {
      const text = (await cells(c, await call<Ref>(c, channel, input(o.memberId)))).join('\n');
      expect(text, channel).toContain(ID_MASKED);
      expect(text, channel).not.toContain(ID);
      expect(text, channel).not.toContain(PHONE);
      const full = await c.dispatch(channel, { ...input(o.memberId), revealIds: true, reason: '核对' });
      expect(full.ok ? null : full.error, channel).toMatchObject({ code: 'FORBIDDEN' });
    }
    const html = (await call<{ html: string }>(c, 'members.registrationHtml', { id: o.memberId })).html;
    expect(html).toContain(ID_MASKED);
    expect(html).toContain(PHONE_MASKED);
    expect(html).not.toContain(ID);
    // Masked workbooks are not logged as full-ID exports.
    expect((await call<{ total: number }>(c, 'audit.query', { action: 'members.export' })).total).toBe(0);

    o.as('clerk');
    for (const [channel, input] of EXPORTS) {
      const refused = await c.dispatch(channel, input(o.memberId));
      expect(refused.ok ? null : refused.error, channel).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('请填写导出原因') });
      const text = (await cells(c, await call<Ref>(c, channel, { ...input(o.memberId), reason: '报送上级工会' }))).join('\n');
      expect(text, channel).toContain(ID);
      // Masked on request needs no reason.
      expect((await cells(c, await call<Ref>(c, channel, { ...input(o.memberId), revealIds: false }))).join('\n'), channel).toContain(ID_MASKED);
    }
    expect((await call<{ html: string }>(c, 'members.registrationHtml', { id: o.memberId })).html).toContain(ID);
  }, 60_000);

  it('every full export is logged with its file name, row count and reason', async () => {
    const o = await office();
    ctx = o.c;
    const c = o.c;
    o.as('finance');
    for (const [channel, input] of EXPORTS) {
      const ref = await call<Ref>(c, channel, { ...input(o.memberId), reason: `原因-${channel}` });
      const entry = (await call<{ rows: AuditLogRow[] }>(c, 'audit.query', { action: channel })).rows[0]!;
      expect(entry, channel).toMatchObject({ operator: '赵财务', actionLabel: expect.stringMatching(/^导出/) });
      expect(entry.changes, channel).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ label: '文件名', after: ref.fileName }),
          expect.objectContaining({ label: '条数', after: expect.any(Number) }),
          expect.objectContaining({ label: '原因', after: `原因-${channel}` }),
        ]),
      );
    }
    const labels = (await call<{ rows: AuditLogRow[] }>(c, 'audit.query', {})).rows.map((r) => r.actionLabel);
    expect(labels).toEqual(expect.arrayContaining(['导出会员花名册', '导出慰问记录', '导出会费收缴清单', '导出会费上解清单']));
  }, 60_000);

  it('设置 → 个人信息 can mask exports and prints for every role; without login nobody is asked for a reason', async () => {
    ctx = await openTestContext();
    const c = ctx;
    const m = await call<{ id: number }>(c, 'members.create', { member: { name: '张三丰', idNumber: ID, phone: PHONE } });
    expect((await cells(c, await call<Ref>(c, 'members.export', {}))).join('\n')).toContain(ID);
    await call(c, 'settings.update', { piiMask: true });
    expect((await cells(c, await call<Ref>(c, 'members.export', {}))).join('\n')).toContain(ID_MASKED);
    expect((await call<{ html: string }>(c, 'members.registrationHtml', { id: m.id })).html).toContain(ID_MASKED);
    // 含完整号码 is a deliberate choice; still no reason asked while login is off, but logged.
    const full = await call<Ref & { masked: boolean }>(c, 'members.export', { revealIds: true });
    expect(full.masked).toBe(false);
    expect((await cells(c, full)).join('\n')).toContain(ID);
    // Both full exports are logged (the first by the default, the second asked for).
    expect((await call<{ total: number }>(c, 'audit.query', { action: 'members.export' })).total).toBe(2);
  });

  it('a reveal in the window is logged with whose numbers were shown', async () => {
    const o = await office();
    ctx = o.c;
    const c = o.c;
    o.as('finance');
    const file = await call<{ id: number }>(c, 'care.hardshipCreate', {
      hardship: { memberId: o.memberId, category: '低保户', mainReason: '患重特大疾病', familySize: 3, incomePerHead: 800, filedOn: '2026-01-05', bankAccount: '6222021234567890123' },
    });
    expect((await call<{ bankAccountMasked: string }>(c, 'care.hardshipGet', { id: file.id })).bankAccountMasked).toBe('622202*********0123');
    await call(c, 'care.hardshipGet', { id: file.id, revealIds: true });
    const entry = (await call<{ rows: AuditLogRow[] }>(c, 'audit.query', { action: 'pii.reveal' })).rows[0]!;
    expect(entry).toMatchObject({ operator: '赵财务', entity: 'hardship_file', entityId: String(file.id) });
  });
});

describe('设置 → 个人信息 (#16)', () => {
  it('counts what is held and exports one member\'s file (查阅复制) in full, logged with its reason', async () => {
    const o = await office();
    ctx = o.c;
    const c = o.c;
    o.as('viewer');
    const s = await call<PiiSummary>(c, 'pii.summary');
    const count = (key: string) => s.rows.find((r) => r.key === key)!.count;
    expect([count('members'), count('idNumbers'), count('phones'), count('careVisits'), count('duesRecords')]).toEqual([1, 1, 1, 1, 1]);
    expect((await c.dispatch('pii.memberFile', { memberId: o.memberId, reason: '本人申请' })).ok).toBe(false);

    o.as('clerk');
    const held = await call<PiiMember>(c, 'pii.member', { memberId: o.memberId });
    expect(held.held.find((h) => h.key === 'care')!.count).toBe(1);
    expect(held.refusal).toContain('只有已转出、退会、开除或去世的会员才能匿名化');
    const ref = await call<Ref & { rows: number }>(c, 'pii.memberFile', { memberId: o.memberId, reason: '本人申请查阅复制' });
    const text = (await cells(c, ref)).join('\n');
    for (const want of ['内部资料 含个人信息 请妥善保管', '张三丰', ID, PHONE, '2026-01', '2026-02-01']) expect(text).toContain(want);
    const entry = (await call<{ rows: AuditLogRow[] }>(c, 'audit.query', { action: 'pii.memberFile' })).rows[0]!;
    expect(entry).toMatchObject({ actionLabel: '导出本人个人信息（查阅复制）', recordName: '张三丰' });
    expect(entry.changes).toContainEqual(expect.objectContaining({ label: '原因', after: '本人申请查阅复制' }));
  });

  it('anonymises a member who left once retention allows: live rows replaced in one go, the sealed archive snapshot untouched', async () => {
    ctx = await openTestContext();
    const c = ctx;
    await call(c, 'settings.update', { unionName: '第一中学工会', fondsCode: 'Z109', fondsName: '第一中学工会', operator: '李干事', orgCodes: [{ code: 'GH', name: '工会办公室' }] });
    const m = await call<{ id: number }>(c, 'members.create', { member: { name: '张三丰', idNumber: ID, phone: PHONE, joinDate: '2010-09-01' } });
    await call(c, 'members.create', { member: { name: '李秀英', idNumber: '310115199007040026', joinDate: '2012-01-01' } });
    await call(c, 'members.addEvent', { memberId: m.id, type: 'transfer_out', date: '2019-06-30', reason: '调离', otherUnion: '第二中学工会' });
    await call(c, 'archive.plan', { year: 2019 });
    await call(c, 'archive.number', { year: 2019 });
    await call(c, 'archive.seal', { year: 2019, reason: '测试封存' });
    const snapshot = () => (c.db.prepare('SELECT group_concat(data_json) AS d FROM archive_items WHERE year = 2019').get() as { d: string }).d;
    const sealedBefore = snapshot();
    expect(sealedBefore).toContain('张三丰');

    // Within the retention years: refused with the date it ends.
    await call(c, 'settings.update', { piiRetentionYears: 30 });
    const early = await c.dispatch('pii.anonymise', { memberId: m.id, confirmName: '张三丰' });
    expect(early.ok ? null : early.error).toMatchObject({ code: 'CONFLICT', message: '「张三丰」于 2019-06-30 离会，个人信息按设置保留 30 年（到 2049-06-30），保留期满后才能匿名化。' });
    await call(c, 'settings.update', { piiRetentionYears: 3 });
    expect((await call<PiiSummary>(c, 'pii.summary')).candidates).toEqual([expect.objectContaining({ memberId: m.id, name: '张三丰', leftOn: '2019-06-30' })]);
    const wrongName = await c.dispatch('pii.anonymise', { memberId: m.id, confirmName: '张三' });
    expect(wrongName.ok ? null : wrongName.error.message).toBe('确认姓名与会员「张三丰」不符，未匿名化。');

    const done = await call<{ replaced: string[] }>(c, 'pii.anonymise', { memberId: m.id, confirmName: '张三丰' });
    expect(done.replaced).toEqual(expect.arrayContaining(['姓名', '证件号码', '手机号码']));
    const live = await call<{ name: string; idNumber: string | null; phone: string | null; status: string }>(c, 'members.get', { id: m.id });
    expect(live).toMatchObject({ name: `已匿名${m.id}`, idNumber: null, phone: null, status: 'transferred_out' });
    // Not findable by the old name or number, and counted as anonymised.
    expect((await call<{ total: number }>(c, 'members.list', { search: '张三丰', statuses: ['transferred_out'] })).total).toBe(0);
    expect((await call<{ total: number }>(c, 'members.list', { search: '120011', statuses: ['transferred_out'] })).total).toBe(0);
    expect((await call<PiiSummary>(c, 'pii.summary')).rows.find((r) => r.key === 'anonymised')!.count).toBe(1);
    // The sealed 2019 archive still holds what was true then, and still verifies.
    expect(snapshot()).toBe(sealedBefore);
    expect(await call<{ ok: boolean }>(c, 'archive.verify', { year: 2019 })).toMatchObject({ ok: true });
    const entry = (await call<{ rows: AuditLogRow[] }>(c, 'audit.query', { action: 'pii.anonymise' })).rows[0]!;
    expect(entry.actionLabel).toBe('匿名化离会会员的个人信息');
    expect(JSON.stringify(entry)).not.toContain(ID);
    const again = await c.dispatch('pii.anonymise', { memberId: m.id, confirmName: `已匿名${m.id}` });
    expect(again.ok ? null : again.error.message).toBe('该会员已经匿名化。');
  });

  it('refuses a current member, and only 管理员 may anonymise', async () => {
    const o = await office();
    ctx = o.c;
    o.as('clerk');
    const r = await o.c.dispatch('pii.anonymise', { memberId: o.memberId, confirmName: '张三丰' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'FORBIDDEN' });
    o.as('admin');
    const refused = await o.c.dispatch('pii.anonymise', { memberId: o.memberId, confirmName: '张三丰' });
    expect(refused.ok ? null : refused.error.message).toBe('「张三丰」的会籍状态是「在册」，只有已转出、退会、开除或去世的会员才能匿名化。');
  });
});
