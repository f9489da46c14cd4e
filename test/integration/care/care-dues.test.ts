import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { careArchive } from '../../../electron/core/care/care.archive';
import type { AppContext } from '../../../electron/core/context';
import type { ArrearsRow, AuditEntry, BirthdayRow, CareVisitRow, DuesPeriodTotals, DuesSheet, FileRef, HardshipRow } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext;
const now = new Date('2026-12-07T09:00:00+08:00');

beforeEach(async () => {
  ctx = await openTestContext({ clock: () => now });
});
afterEach(async () => {
  await ctx.close();
});

const refused = async (channel: string, input: unknown) => {
  const r = await ctx.dispatch(channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  return r.ok ? { code: '', message: '' } : r.error;
};
/** dues.compute answers the month's totals only (never 100,000 rows through the main thread); its rows are the month's sheet. */
const computed = async (period: string) => {
  const totals = await call<DuesPeriodTotals & { kept: number; written: number }>(ctx, 'dues.compute', { period });
  expect(totals).not.toHaveProperty('rows');
  return { ...totals, rows: (await call<DuesSheet>(ctx, 'dues.sheet', { period })).rows };
};

const member = (m: Record<string, unknown>) => call<{ id: number }>(ctx, 'members.create', { member: m });

async function roster() {
  const a = await member({ name: '张三丰', idNumber: '110108198503120011', monthlyWage: 4567.89, joinDate: '2010-09-01', birthDate: '1985-03-12' });
  const b = await member({ name: '李秀英', idNumber: '310115199007040026', monthlyWage: 9999, joinDate: '2015-01-01', birthDate: '1990-07-04' });
  const c = await member({ name: '王建国', idNumber: '440306197812250039', monthlyWage: 5000, joinDate: '2000-01-01', birthDate: '1978-12-25' });
  const late = await member({ name: '赵敏', idNumber: '32010219651001004X', monthlyWage: 6000, joinDate: '2026-11-15' });
  const noWage = await member({ name: '钱学森', idNumber: '330106197311110066', joinDate: '2001-01-01' });
  await call(ctx, 'members.addEvent', { memberId: c.id, type: 'retain', date: '2026-01-01', reason: '退休' });
  return { a, b, c, late, noWage };
}

describe('dues (会费)', () => {
  it('computes 0.5 % of the wage rounded down to 10 yuan, exempts 保留会籍, starts from the join month', async () => {
    const m = await roster();
    const oct = await computed('2026-10');
    const by = (s: DuesSheet, id: number) => s.rows.find((r) => r.memberId === id);
    expect(by(oct, m.a.id)).toMatchObject({ wageFen: 456789, baseFen: 456000, amountFen: 2280, exempt: false });
    expect(by(oct, m.b.id)).toMatchObject({ baseFen: 999000, amountFen: 4995 });
    expect(by(oct, m.c.id)).toMatchObject({ amountFen: 0, exempt: true, reason: '保留会籍，免交会费' });
    expect(by(oct, m.noWage.id)).toMatchObject({ amountFen: 0, reason: '未登记月工资' });
    expect(by(oct, m.late.id)).toBeUndefined();
    expect(oct.dueFen).toBe(2280 + 4995);
    const nov = await computed('2026-11');
    expect(by(nov, m.late.id)).toMatchObject({ amountFen: 3000 });
  });

  it('keeps paid records on a recompute, picks up a corrected wage for unpaid ones, and writes the audit', async () => {
    const m = await roster();
    const s = await computed('2026-10');
    const rowA = s.rows.find((r) => r.memberId === m.a.id)!;
    expect(await call(ctx, 'dues.markPaid', { ids: [rowA.id], paidOn: '2026-10-20', payer: 'payroll', receiptNo: 'R-001' })).toEqual({ marked: 1 });
    const detailA = await call<{ updatedAt: string }>(ctx, 'members.get', { id: m.a.id });
    await call(ctx, 'members.update', { id: m.a.id, member: { name: '张三丰', idNumber: '110108198503120011', monthlyWage: 8000, joinDate: '2010-09-01' }, expectedUpdatedAt: detailA.updatedAt });
    const detailB = await call<{ updatedAt: string }>(ctx, 'members.get', { id: m.b.id });
    await call(ctx, 'members.update', { id: m.b.id, member: { name: '李秀英', idNumber: '310115199007040026', monthlyWage: 3000, joinDate: '2015-01-01' }, expectedUpdatedAt: detailB.updatedAt });
    const again = await computed('2026-10');
    expect(again.kept).toBe(1);
    expect(again.rows.find((r) => r.memberId === m.a.id)).toMatchObject({ amountFen: 2280, paidOn: '2026-10-20', payer: 'payroll', receiptNo: 'R-001' });
    expect(again.rows.find((r) => r.memberId === m.b.id)).toMatchObject({ amountFen: 1500, paidOn: null });
    expect(again.paidFen).toBe(2280);
    const audit = await call<AuditEntry[]>(ctx, 'audit.list', { limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['dues.compute', 'dues.markPaid']));
    const twice = await refused('dues.markPaid', { ids: [rowA.id], paidOn: '2026-10-21', payer: 'self' });
    expect(twice.message).toContain('已缴纳');
  });

  it('flags a member unpaid for 6 months, never one who paid in between', async () => {
    const m = await roster();
    for (const p of ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) {
      const s = await computed(p);
      if (p === '2026-08') await call(ctx, 'dues.markPaid', { ids: [s.rows.find((r) => r.memberId === m.b.id)!.id], paidOn: '2026-08-30', payer: 'self' });
    }
    const flagged = await call<ArrearsRow[]>(ctx, 'dues.arrears', { asOf: '2026-10', months: 6 });
    expect(flagged.map((f) => f.name)).toEqual(['张三丰']);
    expect(flagged[0]).toMatchObject({ unpaidMonths: 6, unpaidFen: 6 * 2280, oldest: '2026-05' });
    const member = await call<{ status: string }>(ctx, 'members.get', { id: m.a.id });
    expect(member.status).toBe('active');
  });

  it('exports the month as .xlsx with IDs as text and the total', async () => {
    await roster();
    await call(ctx, 'dues.compute', { period: '2026-10' });
    const ref = await call<FileRef>(ctx, 'dues.exportXlsx', { period: '2026-10' });
    expect(ref.fileName).toBe('会费收缴清单-2026-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ctx.files.resolve(ref.token).path);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('2026年10月会费收缴清单');
    const names = [3, 4, 5, 6].map((r) => ws.getCell(r, 2).value);
    const rowOf = names.indexOf('张三丰') + 3;
    expect(ws.getCell(rowOf, 3).value).toBe('110108198503120011');
    expect(ws.getCell(rowOf, 7).value).toBe(22.8);
    expect(ws.getCell(7, 2).value).toBe('合计');
    expect(ws.getCell(7, 7).value).toBeCloseTo(72.75);
  });

  it('refuses a bad month', async () => {
    expect((await refused('dues.compute', { period: '2026-13' })).message).toContain('YYYY-MM');
  });
});

describe('care (慰问, 困难职工, 生日)', () => {
  it('refuses a visit over the cap without a reason, records it with one and marks it', async () => {
    const m = await roster();
    const visit = { memberId: m.a.id, occasion: 'illness', eventDate: '2026-03-01', visitDate: '2026-03-03', visitors: '工会主席 王老师', form: 'cash', amount: 1200 };
    const r = await refused('care.create', { visit });
    expect(r.message).toContain('超过标准');
    const saved = await call<CareVisitRow>(ctx, 'care.create', { visit: { ...visit, reason: '重大手术，经工会委员会研究' } });
    expect(saved).toMatchObject({ amountFen: 120000, occasionLabel: '生病住院', reason: '重大手术，经工会委员会研究' });
    expect(saved.overRule).toContain('超过标准');
    // 住院 once a year: the second is refused without a reason even under the cap.
    const second = await refused('care.create', { visit: { ...visit, visitDate: '2026-06-01', eventDate: '2026-05-30', amount: 300 } });
    expect(second.message).toContain('每年一次');
    const sheet = await call<{ html: string; count: number }>(ctx, 'care.payoutHtml', { year: 2026, month: 3 });
    expect(sheet.count).toBe(1);
    expect(sheet.html).toContain('合计（大写：壹仟贰佰元整）');
    expect(sheet.html).toContain('领款人签字');
    expect(sheet.html).toContain('重大手术，经工会委员会研究');
    const list = await call<{ rows: CareVisitRow[]; totalFen: number }>(ctx, 'care.list', { year: 2026 });
    expect(list.totalFen).toBe(120000);
    expect((await call<{ rows: CareVisitRow[] }>(ctx, 'care.list', { year: 2025 })).rows).toHaveLength(0);
  });

  it('refuses negative, non-numeric and over-100,000 amounts in Chinese', async () => {
    const m = await roster();
    const base = { memberId: m.a.id, occasion: 'marriage', visitDate: '2026-05-01', form: 'gift' };
    expect((await refused('care.create', { visit: { ...base, amount: -1 } })).message).toContain('不能为负数');
    expect((await refused('care.create', { visit: { ...base, amount: 'abc' } })).message).toContain('数字');
    expect((await refused('care.create', { visit: { ...base, amount: 100001 } })).message).toContain('100,000');
  });

  it('files a hardship record, lists it as due for review after a year, and reviews it', async () => {
    const m = await roster();
    const f = await call<HardshipRow>(ctx, 'care.hardshipCreate', {
      hardship: { memberId: m.b.id, category: '低保边缘户', mainReason: '患重特大疾病', familySize: 4, incomePerHead: 820.5, filedOn: '2025-11-01' },
    });
    expect(f).toMatchObject({ status: 'open', incomePerHeadFen: 82050, reviewDue: '2026-11-01', reviewOverdue: true });
    expect((await refused('care.hardshipCreate', { hardship: { memberId: m.b.id, category: '低保户', mainReason: '其他', filedOn: '2026-01-01' } })).code).toBe('CONFLICT');
    expect((await refused('care.hardshipReview', { id: f.id, status: 'resolved', reviewedOn: '2026-12-01' })).message).toContain('复核说明');
    const kept = await call<HardshipRow>(ctx, 'care.hardshipReview', { id: f.id, status: 'open', reviewedOn: '2026-12-01' });
    expect(kept).toMatchObject({ reviewDue: '2027-12-01', reviewOverdue: false });
  });

  it('lists this month’s birthdays of serving members only', async () => {
    await roster();
    const mar = await call<BirthdayRow[]>(ctx, 'care.birthdays', { year: 2026, month: 3 });
    expect(mar).toEqual([{ memberId: expect.any(Number), name: '张三丰', birthDate: '1985-03-12', age: 41, department: null, date: '2026-03-12', lunar: null }]);
    // 王建国 (25 December) is 保留会籍, so December lists nobody.
    expect(await call<BirthdayRow[]>(ctx, 'care.birthdays', { year: 2026, month: 12 })).toEqual([]);
  });

  it('gives the archive each visit and the year’s dues ledger as items', async () => {
    const m = await roster();
    await call(ctx, 'care.create', { visit: { memberId: m.a.id, occasion: 'marriage', visitDate: '2026-05-01', form: 'gift', amount: 500 } });
    await call(ctx, 'dues.compute', { period: '2026-10' });
    const items = [...careArchive.items(ctx.db, 2026)];
    expect(items.map((i) => i.kind)).toEqual(['care.visit', 'care.dues']);
    expect(items[0]!.title).toBe('张三丰结婚慰问');
    expect(items[1]!.renderHtml!()).toContain('2026年度会费收缴台账');
    expect([...careArchive.items(ctx.db, 2025)]).toEqual([]);
  });

  it('joins the year-end archive: planned, numbered, sealed, and then read-only', async () => {
    await call(ctx, 'settings.update', { unionName: '第一中学工会', fondsCode: 'Z109', fondsName: '第一中学工会', operator: '李干事', orgCodes: [{ code: 'GH', name: '工会办公室' }] });
    const m = await roster();
    await call(ctx, 'care.create', { visit: { memberId: m.a.id, occasion: 'marriage', visitDate: '2026-05-01', form: 'gift', amount: 500 } });
    const s = await computed('2026-10');
    const view = await call<{ items: { sourceKey: string }[] }>(ctx, 'archive.plan', { year: 2026 });
    expect(view.items.map((i) => i.sourceKey)).toEqual(expect.arrayContaining([expect.stringMatching(/^care:\d+$/), 'dues:2026']));
    await call(ctx, 'archive.number', { year: 2026 });
    await call(ctx, 'archive.seal', { year: 2026, reason: '测试封存' });
    const paid = await refused('dues.markPaid', { ids: [s.rows.find((r) => r.memberId === m.a.id)!.id], paidOn: '2026-12-01', payer: 'self' });
    expect(paid.message).toContain('2026 年度已封存');
    const v = (await call<{ rows: CareVisitRow[] }>(ctx, 'care.list', { year: 2026 })).rows[0]!;
    expect((await refused('care.remove', { id: v.id, reason: '误录' })).message).toContain('2026 年度已封存');
  });
});

