/**
 * Issue 15 item 16: the dues page never has a whole period pass the main process. dues.computePeriod and
 * dues.periodTotals give the figures only, dues.periodPage one page of members; together they must say exactly
 * what the whole sheet (dues.periodSheet, what the CLI and the prints read) says.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { DUES_PAGE_INLINE_OFFSET } from '../../../electron/core/dues/dues.service';
import type { Logger } from '../../../electron/core/log';
import type { DuesPeriodRow, DuesPeriodSheet, DuesPeriodTotals, DuesSheet, ImportResult } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { tokenOf, writeXlsx } from '../members-import/helpers';
import { useWorkerBundle } from '../members-import/worker-bundles';

const warnings: string[] = [];
const logger: Logger = { info: () => undefined, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m), child: () => logger };

let ctx: AppContext;
beforeEach(async () => {
  warnings.length = 0;
  ctx = await openTestContext({ logger, clock: () => new Date('2026-12-07T09:00:00+08:00') });
});
afterEach(async () => {
  await ctx.close();
});

const totalsOf = (s: DuesPeriodSheet): DuesPeriodTotals => ({
  period: s.period, label: s.label, months: s.months, members: s.rows.length, dueFen: s.dueFen, paidFen: s.paidFen, unpaidCount: s.unpaidCount,
});

async function everyPage(period: string, limit: number): Promise<DuesPeriodRow[]> {
  const rows: DuesPeriodRow[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await call<{ rows: DuesPeriodRow[] }>(ctx, 'dues.periodPage', { period, offset, limit });
    rows.push(...page.rows);
    if (page.rows.length < limit) return rows;
  }
}

describe('dues period: totals and pages', () => {
  it('the totals and the pages, read in turn, are the whole sheet: joined late, exempt, paid, and a member removed since', async () => {
    const m = async (name: string, wage: number | null, joinDate = '2010-01-01') =>
      (await call<{ id: number }>(ctx, 'members.create', { member: { name, monthlyWage: wage, joinDate } })).id;
    await m('张三丰', 4567.89);
    await m('李秀英', 9999);
    await m('赵敏', 6000, '2026-10-15'); // on the ledger from October only
    await m('钱学森', null); // 未登记月工资
    const sun = await m('孙丽', 3210.5);
    const retired = await m('王建国', 5000);
    await call(ctx, 'members.addEvent', { memberId: retired, type: 'retain', date: '2026-01-01', reason: '退休' });

    const computed = await call<DuesPeriodTotals & { kept: number; written: number }>(ctx, 'dues.computePeriod', { period: '2026-h2' });
    expect(computed).not.toHaveProperty('rows');
    const first = await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-H2' });
    expect(computed).toEqual({ ...totalsOf(first), kept: 0, written: computed.written });

    // 孙丽 pays her months, then is removed: her paid rows stay on the period's ledger (and in its totals).
    const sunRow = first.rows.find((r) => r.memberId === sun)!;
    await call(ctx, 'dues.markPaid', { ids: sunRow.unpaidIds, paidOn: '2026-12-01', payer: 'self', receiptNo: 'R-1' });
    expect(await call(ctx, 'members.remove', { id: sun, reason: '录入重复' })).toEqual({ removed: true });
    const sheet = await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-H2' });
    expect(sheet.rows.map((r) => r.memberId)).toContain(sun);

    expect(await call(ctx, 'dues.periodTotals', { period: '2026-h2' })).toEqual(totalsOf(sheet));
    expect(sheet.paidFen).toBe(6 * 1605);
    // Pages of 2 and of 200, joined, are the sheet's rows in the sheet's order.
    expect(await everyPage('2026-H2', 2)).toEqual(sheet.rows);
    expect(await everyPage('2026-H2', 200)).toEqual(sheet.rows);
    expect((await call<{ rows: DuesPeriodRow[] }>(ctx, 'dues.periodPage', { period: '2026-H2', offset: 100, limit: 50 })).rows).toEqual([]);
    // A month is a period too; a period nobody computed has no members.
    expect((await call<DuesPeriodTotals>(ctx, 'dues.periodTotals', { period: '2026-10' })).members).toBe(6);
    expect(await call(ctx, 'dues.periodTotals', { period: '2025' })).toMatchObject({ members: 0, dueFen: 0, paidFen: 0, unpaidCount: 0 });
    expect(await ctx.dispatch('dues.periodPage', { period: '2026-H2', offset: 0, limit: 201 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a month: dues.compute answers the totals, and the month’s pages are its sheet', async () => {
    const m = async (name: string, wage: number | null, joinDate = '2010-01-01') =>
      (await call<{ id: number }>(ctx, 'members.create', { member: { name, monthlyWage: wage, joinDate } })).id;
    await m('张三丰', 4567.89);
    await m('李秀英', 9999);
    await m('赵敏', 6000, '2026-11-15'); // not on October's ledger
    await m('钱学森', null);
    const computed = await call<DuesPeriodTotals & { kept: number; written: number }>(ctx, 'dues.compute', { period: '2026-10' });
    expect(computed).not.toHaveProperty('rows');
    const month = await call<DuesSheet>(ctx, 'dues.sheet', { period: '2026-10' });
    expect(computed).toEqual({
      period: '2026-10', label: '2026年10月', months: ['2026-10'], members: 3, dueFen: month.dueFen, paidFen: month.paidFen, unpaidCount: month.unpaidCount, kept: 0, written: 3,
    });
    expect(await call(ctx, 'dues.periodTotals', { period: '2026-10' })).toEqual(totalsOf(await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-10' })));
    // The window's month view pages through dues.periodPage: one member a row, the month's row ids to mark paid.
    const pages = await everyPage('2026-10', 2);
    expect(pages.map((r) => [r.memberId, r.dueFen, r.unpaidIds])).toEqual(
      month.rows.map((r) => [r.memberId, r.exempt ? 0 : r.amountFen, !r.paidOn && !r.exempt && r.amountFen > 0 ? [r.id] : []]),
    );
  });

  it('a deep page and the totals come from the task thread, the same as read here', { timeout: 120_000 }, async () => {
    const bundle = await useWorkerBundle('tasks');
    try {
      const n = DUES_PAGE_INLINE_OFFSET + 120;
      const rows: (string | number | null)[][] = [['姓名', '会员证号', '入会时间', '月工资（元）']];
      for (let i = 1; i <= n; i++) rows.push([`会员${i}`, `HY-${i}`, '2010-09-01', 3000 + (i % 50) * 100]);
      const file = await writeXlsx(path.join(tempDir(), '花名册.xlsx'), { 花名册: rows });
      expect((await call<ImportResult>(ctx, 'members.importCommit', { token: tokenOf(ctx, file) })).counts.created).toBe(n);
      await call(ctx, 'dues.computePeriod', { period: '2026-10' });
      const sheet = await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-10' });
      expect(sheet.rows).toHaveLength(n);
      const offset = DUES_PAGE_INLINE_OFFSET + 50;
      const deep = await call<{ rows: DuesPeriodRow[] }>(ctx, 'dues.periodPage', { period: '2026-10', offset, limit: 100 });
      expect(deep.rows).toEqual(sheet.rows.slice(offset));
      const near = await call<{ rows: DuesPeriodRow[] }>(ctx, 'dues.periodPage', { period: '2026-10', offset: 100, limit: 100 });
      expect(near.rows).toEqual(sheet.rows.slice(100, 200));
      expect(await call(ctx, 'dues.periodTotals', { period: '2026-10' })).toEqual(totalsOf(sheet));
      // Nothing fell back to the main process.
      expect(warnings).toEqual([]);
    } finally {
      bundle.dispose();
    }
  });
});
