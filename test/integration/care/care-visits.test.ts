import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { CareOccasionRow, CareVisitRow, FileRef } from '../../../shared/contract';
import { DEFAULT_CARE_OCCASIONS } from '../../../shared/domain/care-labels';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-12-07T09:00:00+08:00') });
});
afterEach(async () => {
  await ctx.close();
});

const refused = async (channel: string, input: unknown) => {
  const r = await ctx.dispatch(channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  return r.ok ? { code: '', message: '' } : r.error;
};
const visit = (memberId: number, v: Record<string, unknown>) =>
  call<CareVisitRow>(ctx, 'care.create', { visit: { memberId, visitDate: '2026-03-01', form: 'cash', amount: 100, ...v } });

describe('慰问事由与标准 in 设置 (#13)', () => {
  it('starts from the defaults; an edited cap, a new occasion and a yearly count are what the check uses', async () => {
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011' } });
    expect(await call<CareOccasionRow[]>(ctx, 'care.occasionsGet', {})).toEqual(DEFAULT_CARE_OCCASIONS);

    const edited = DEFAULT_CARE_OCCASIONS.map((o) => (o.key === 'illness' ? { ...o, capYuan: 500, timesPerYear: 2 } : o));
    const saved = await call<CareOccasionRow[]>(ctx, 'care.occasionsUpdate', {
      occasions: [...edited, { label: '重大疾病', capYuan: 2000, frequency: 'year', timesPerYear: 1 }],
    });
    const added = saved.find((o) => o.label === '重大疾病')!;
    expect(added.key).toMatch(/^custom\d+$/);

    // 600 > the new 500 cap: refused without a reason, then marked.
    expect((await refused('care.create', { visit: { memberId: m.id, occasion: 'illness', visitDate: '2026-03-01', form: 'cash', amount: 600 } })).message).toContain('生病住院标准 500 元');
    const first = await visit(m.id, { occasion: 'illness', amount: 600, reason: '住院两周' });
    expect(first.overRule).toBe('超过标准（生病住院标准 500 元）');
    // Twice a year is allowed now; the third is over the count.
    await visit(m.id, { occasion: 'illness', amount: 300, visitDate: '2026-06-01' });
    const third = await refused('care.create', { visit: { memberId: m.id, occasion: 'illness', visitDate: '2026-09-01', form: 'cash', amount: 300 } });
    expect(third.message).toContain('超过次数（生病住院每年最多 2 次）');

    const big = await visit(m.id, { occasion: added.key, amount: 2000 });
    expect(big).toMatchObject({ occasionLabel: '重大疾病', overRule: null });
    // Once per event: a second visit for the same 发生日期 needs a reason.
    await visit(m.id, { occasion: 'childbirth', eventDate: '2026-02-20', amount: 300 });
    expect((await refused('care.create', { visit: { memberId: m.id, occasion: 'childbirth', eventDate: '2026-02-20', visitDate: '2026-03-05', form: 'cash', amount: 100 } })).message).toContain('每次事件一次');

    // An occasion in use cannot leave 设置; an unknown key is refused in Chinese.
    expect((await refused('care.occasionsUpdate', { occasions: edited })).message).toContain('「重大疾病」已有慰问记录');
    expect((await refused('care.create', { visit: { memberId: m.id, occasion: 'nope', visitDate: '2026-03-01', form: 'cash', amount: 1 } })).message).toContain('没有这种慰问事由');
    expect((await refused('care.occasionsUpdate', { occasions: [{ label: '结婚', capYuan: 1, frequency: 'event' }, { label: '结婚', capYuan: 2, frequency: 'event' }] })).message).toContain('重复');
    const audit = ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'care.occasionsUpdate'").get() as { n: number };
    expect(audit.n).toBe(1);
  });
});

describe('审批、签字、入账 and lists per group and member (#13)', () => {
  it('records the chain with dates and names, refuses a date without a name or out of order, and exports .xlsx', async () => {
    const branch = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'branch', name: '内科分工会' });
    const group = await call<{ id: number }>(ctx, 'groups.create', { parentId: branch.id, kind: 'group', name: '心内小组' });
    const a = await call<{ id: number }>(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', groupId: group.id } });
    const b = await call<{ id: number }>(ctx, 'members.create', { member: { name: '李秀英', idNumber: '310115199007040026' } });

    const v = await visit(a.id, {
      occasion: 'marriage',
      amount: 500,
      approval: { group: { on: '2026-02-25', by: '王组长' }, branch: { on: '2026-02-26', by: '赵主席' } },
    });
    expect(v.approval).toEqual({ group: { on: '2026-02-25', by: '王组长' }, branch: { on: '2026-02-26', by: '赵主席' }, union: { on: null, by: null } });
    expect(v).toMatchObject({ payeeSigned: false, voucherNo: null, groupName: '心内小组' });

    expect((await refused('care.approve', { id: v.id, approval: { union: { on: '2026-02-28' } } })).message).toBe('工会审批请同时填写日期和审批人。');
    expect((await refused('care.approve', { id: v.id, approval: { group: { on: '2026-02-25', by: '王组长' }, union: { on: '2026-02-20', by: '钱主席' } } })).message).toContain('不能早于工会小组');
    const done = await call<CareVisitRow>(ctx, 'care.approve', {
      id: v.id,
      approval: { group: { on: '2026-02-25', by: '王组长' }, branch: { on: '2026-02-26', by: '赵主席' }, union: { on: '2026-02-28', by: '钱主席' } },
      payeeSigned: true,
      voucherNo: '记-2026-031',
    });
    expect(done).toMatchObject({ payeeSigned: true, voucherNo: '记-2026-031', approval: { union: { on: '2026-02-28', by: '钱主席' } } });
    const audit = ctx.db.prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'care.approve'").get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json)).toMatchObject({ payee_signed: 0, voucher_no: null });
    expect(JSON.parse(audit.after_json)).toMatchObject({ payee_signed: 1, voucher_no: '记-2026-031', union_approver: '钱主席' });

    await visit(b.id, { occasion: 'retirement', amount: 800, visitDate: '2025-12-30' });
    await visit(b.id, { occasion: 'retirement', amount: 200, visitDate: '2026-04-01' });
    // Per group: the 分工会 includes its 小组.
    expect((await call<{ rows: CareVisitRow[] }>(ctx, 'care.list', { year: 2026, groupId: branch.id })).rows.map((r) => r.memberName)).toEqual(['张三丰']);
    // Per occasion.
    expect((await call<{ rows: CareVisitRow[] }>(ctx, 'care.list', { year: 2026, occasion: 'retirement' })).rows).toHaveLength(1);
    // The member's file: every year.
    const hist = await call<{ rows: CareVisitRow[]; totalFen: number }>(ctx, 'care.list', { memberId: b.id });
    expect(hist.rows.map((r) => r.visitDate)).toEqual(['2025-12-30', '2026-04-01']);
    expect(hist.totalFen).toBe(100000);
    expect((await refused('care.list', {})).message).toContain('请选择年度');

    const ref = await call<FileRef>(ctx, 'care.listXlsx', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ctx.files.resolve(ref.token).path);
    const ws = wb.worksheets[0]!;
    // Full ID numbers: the notice row first (#16), then the title rows.
    expect(ws.getRow(1).getCell(1).value).toBe('内部资料 含个人信息 请妥善保管');
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['工会小组审批', '分工会审批', '工会审批', '领款人签字', '入账凭证号']));
    const row = (ws.getRow(5).values as unknown[]).slice(1);
    expect(row).toEqual(expect.arrayContaining(['张三丰', '110108198503120011', '心内小组', '结婚', '钱主席 2026-02-28', '已签', '记-2026-031']));
    expect(ws.getRow(5).getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(String(ws.getRow(7).getCell(1).value)).toBe('共 2 次，合计 700.00 元（大写：柒佰元整）');
  });
});

describe('农历 birthdays (#13)', () => {
  it('a member who keeps the 农历 birthday is listed in the month of its lunar day this year', async () => {
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011' } });
    const march = () => call<{ name: string; date: string; lunar: string | null }[]>(ctx, 'care.birthdays', { year: 2025, month: 3 });
    expect((await march()).map((r) => [r.name, r.date, r.lunar])).toEqual([['张三丰', '2025-03-12', null]]);
    expect(await call(ctx, 'care.lunarSet', { memberId: m.id, lunar: true })).toEqual({ lunar: true, label: '农历正月廿一' });
    expect(await march()).toEqual([]);
    const feb = await call<{ name: string; date: string; lunar: string | null }[]>(ctx, 'care.birthdays', { year: 2025, month: 2 });
    expect(feb.map((r) => [r.name, r.date, r.lunar])).toEqual([['张三丰', '2025-02-18', '农历正月廿一']]);
    expect(await call(ctx, 'care.lunarGet', { memberId: m.id })).toEqual({ lunar: true, label: '农历正月廿一' });
    await call(ctx, 'care.lunarSet', { memberId: m.id, lunar: false });
    expect((await march()).map((r) => r.name)).toEqual(['张三丰']);
  });
});
