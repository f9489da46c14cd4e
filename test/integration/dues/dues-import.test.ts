import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { ArrearsRow, DuesImportBatch, DuesImportResult, DuesPeriodSheet, DuesPeriodTotals, DuesSheet, ImportResult } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { tokenOf, writeXlsx } from '../members-import/helpers';
import { useWorkerBundle } from '../members-import/worker-bundles';
import { duesImportWriteTask } from '../../../electron/core/dues/import/import-write';

let ctx: AppContext;
let dir: string;
const now = new Date('2026-12-07T09:00:00+08:00');

beforeEach(async () => {
  dir = tempDir();
  ctx = await openTestContext({ clock: () => now });
});
afterEach(async () => {
  await ctx.close();
});

/** dues.compute answers the month's totals only (never 100,000 rows through the main thread); its rows are the month's sheet. */
const computed = async (period: string) => {
  const totals = await call<DuesPeriodTotals & { kept: number; written: number }>(ctx, 'dues.compute', { period });
  expect(totals).not.toHaveProperty('rows');
  return { ...totals, rows: (await call<DuesSheet>(ctx, 'dues.sheet', { period })).rows };
};

/**
 * A roster as offices keep it: a title row, 序号, names with full-width spaces, an ID with a lower-case x, 入会时间
 * written three ways, wages as text with a thousands comma, one without a wage, a 保留会籍 retiree, a footer.
 */
async function messyRoster(): Promise<void> {
  const file = await writeXlsx(path.join(dir, '花名册.xlsx'), {
    会员: [
      ['某某中学工会会员花名册', null, null, null, null, null, null],
      ['序号', '姓  名', '性别', '身份证号码', '所属工会小组', '入会时间', '月工资（元）'],
      [1, '张　三丰', '男', '110108198503120011', '第1小组', '2010.9', '4,567.89'],
      [2, '李秀英', '女', '310115199007040026', '第一小组', '2015年1月', 9999],
      [3, '王建国', '男', '440306197812250039', '第二小组', '2000-01-01', 5000],
      [4, '赵敏', '女', '32010219651001004x', '第二小组', '2001/3/1', 6000],
      [5, '钱学森', '男', '330106197311110066', '第二小组', '2001-01-01', null],
      [6, '孙丽', '女', '110101200501010105', '第一小组', '2024-09-01', 3210.5],
      ['制表人：工会办公室', null, null, null, null, null, null],
    ],
  });
  const r = await call<ImportResult>(ctx, 'members.importCommit', { token: tokenOf(ctx, file) });
  expect(r.counts.created).toBe(6);
  const wang = ctx.db.prepare(`SELECT id FROM members WHERE name = '王建国'`).get() as { id: number };
  await call(ctx, 'members.addEvent', { memberId: wang.id, type: 'retain', date: '2026-01-01', reason: '退休' });
}

/** 财务's deduction list for the half-year: 实缴 = six months, one row per person, 赵敏 left out (she did not pay). */
async function paymentList(name = '会费代扣.xlsx'): Promise<string> {
  return writeXlsx(path.join(dir, name), {
    代扣: [
      ['2026年下半年工会会费代扣明细', null, null, null, null, null],
      ['序号', '身份证号', '姓名', '实缴会费（元）', '扣款日期', '备注'],
      [1, '110108198503120011', '张三丰', 6 * 22.8, '2026-12-05', null],
      [2, '310115199007040026', '李秀英', '299.70', '2026/12/5', null],
      [3, null, '孙丽', 6 * 16.05, '2026年12月5日', '无身份证号，按姓名'],
      [4, '110105194912310021', '周外人', 30, '2026-12-05', '不在花名册'],
      [5, '440306197812250039', '王建国', 25, '2026-12-05', '退休（应免交）'],
      ['合计', null, null, null, null, null],
    ],
  });
}

const memberCount = () => (ctx.db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;

describe('dues import (工资 / 实缴)', () => {
  it('a messy roster computed for a half-year, paid by import, the one member left unpaid 6 months is flagged; undo puts it back', async () => {
    await messyRoster();
    const totals = await call<DuesPeriodTotals>(ctx, 'dues.computePeriod', { period: '2026-h2' });
    expect(totals.months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    const computed = await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-H2' });
    expect(totals).toMatchObject({ members: computed.rows.length, dueFen: computed.dueFen, paidFen: 0, unpaidCount: computed.unpaidCount });
    const by = (s: DuesPeriodSheet, name: string) => s.rows.find((r) => r.name === name)!;
    expect(by(computed, '张三丰')).toMatchObject({ dueFen: 6 * 2280, unpaidMonths: 6 });
    expect(by(computed, '孙丽')).toMatchObject({ dueFen: 6 * 1605 });
    expect(by(computed, '王建国')).toMatchObject({ exempt: true, dueFen: 0 });
    expect(by(computed, '钱学森')).toMatchObject({ dueFen: 0, reason: '未登记月工资' });
    expect((await call<ArrearsRow[]>(ctx, 'dues.arrears', { asOf: '2026-12', months: 6 })).map((a) => a.name).sort()).toEqual(['孙丽', '张三丰', '李秀英', '赵敏'].sort());

    const members = memberCount();
    const token = tokenOf(ctx, await paymentList());
    const dry = await call<DuesImportResult>(ctx, 'dues.importCommit', { token, period: '2026-H2', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, batchId: null, kind: 'payment' });
    expect(dry.counts).toMatchObject({ rowsRead: 5, updated: 3, skipped: 2, monthsPaid: 18, paidFen: 6 * 2280 + 29970 + 6 * 1605 });
    const err = (name: string) => dry.rows.find((r) => r.name === name || r.excelRow === (name === '周外人' ? 6 : -1))!;
    expect(err('周外人').errors[0]!.message).toContain('花名册中没有身份证号为 110105194912310021');
    expect(err('王建国').errors[0]!.message).toContain('保留会籍');
    expect(dry.rows.find((r) => r.name === '孙丽')!.note).toBe('按姓名对应');

    const r = await call<DuesImportResult>(ctx, 'dues.importCommit', { token, period: '2026-H2' });
    expect(r.batchId).toEqual(expect.any(Number));
    expect(r.backup).toMatch(/pre-import/);
    expect(memberCount()).toBe(members); // 周外人 is a row error, never a new member
    const sheet = await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-H2' });
    expect(by(sheet, '张三丰')).toMatchObject({ paidFen: 6 * 2280, unpaidMonths: 0, paidOn: '2026-12-05', payer: 'payroll' });
    expect(by(sheet, '李秀英')).toMatchObject({ paidFen: 29970, unpaidMonths: 0 });
    const flagged = await call<ArrearsRow[]>(ctx, 'dues.arrears', { asOf: '2026-12', months: 6 });
    expect(flagged).toEqual([expect.objectContaining({ name: '赵敏', unpaidMonths: 6, unpaidFen: 6 * 3000, oldest: '2026-07' })]);
    const status = ctx.db.prepare(`SELECT status FROM members WHERE name = '赵敏'`).get() as { status: string };
    expect(status.status).toBe('active'); // a flag for the clerk, never a status change

    // A recompute keeps the paid months.
    const again = await call<DuesPeriodTotals & { kept: number }>(ctx, 'dues.computePeriod', { period: '2026-H2' });
    expect(again.kept).toBe(18);
    expect(again.paidFen).toBe(sheet.paidFen);
    expect(by(await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-H2' }), '张三丰').paidFen).toBe(6 * 2280);

    const batches = await call<DuesImportBatch[]>(ctx, 'dues.importBatches', {});
    expect(batches[0]).toMatchObject({ id: r.batchId, period: '2026-H2', updated: 3, skipped: 2, monthsWritten: 18 });
    const undone = await call<{ restored: number; removed: number }>(ctx, 'dues.importUndo', { batchId: r.batchId });
    expect(undone).toMatchObject({ restored: 18, removed: 0 });
    expect((await call<ArrearsRow[]>(ctx, 'dues.arrears', { asOf: '2026-12', months: 6 })).length).toBe(4);
    const audit = ctx.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'dues.import%' ORDER BY id`).all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['dues.importCommit', 'dues.importUndo']);
    expect((await ctx.dispatch('dues.importUndo', { batchId: r.batchId })).ok).toBe(false);
  });

  it('a wage sheet sets the month’s base by the rule, is kept by a recompute, and refuses its undo once a row was paid', async () => {
    await messyRoster();
    await call(ctx, 'dues.compute', { period: '2026-10' });
    const file = await writeXlsx(path.join(dir, '10月工资.xlsx'), {
      工资: [
        ['工号', '职工姓名', '身份证号', '应发工资', '部门'],
        [null, '张三丰', '110108198503120011', 8888.88, '语文组'],
        [null, '李秀英', '310115199007040026', '-100', '数学组'],
        [null, '李秀英', '310115199007040026', 'abc', '数学组'],
        [null, '不认识', '110101200501010105', 5000, ''],
      ],
    });
    const r = await call<DuesImportResult>(ctx, 'dues.importCommit', { token: tokenOf(ctx, file), period: '2026-10' });
    expect(r.kind).toBe('wage');
    expect(r.counts).toMatchObject({ updated: 2, skipped: 2 });
    expect(r.errors.map((e) => e.message)).toEqual(expect.arrayContaining(['月工资不能为负数（-100）', '月工资「abc」不是数字']));
    // 不认识 carries 孙丽's ID: matched by the ID, the name difference is a warning.
    expect(r.warnings.map((w) => w.message).join()).toContain('与花名册「孙丽」不同');
    const oct = await call<DuesSheet>(ctx, 'dues.sheet', { period: '2026-10' });
    expect(oct.rows.find((x) => x.name === '张三丰')).toMatchObject({ wageFen: 888888, baseFen: 888000, amountFen: 4440, batchId: r.batchId });
    const kept = await computed('2026-10');
    expect(kept.rows.find((x) => x.name === '张三丰')!.amountFen).toBe(4440);
    await call(ctx, 'dues.markPaid', { ids: [oct.rows.find((x) => x.name === '张三丰')!.id], paidOn: '2026-10-20', payer: 'self' });
    const refused = await ctx.dispatch('dues.importUndo', { batchId: r.batchId });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toContain('不能撤销');
  });

  it('settings: the whole wage counted, a half fen truncated or rounded half up', async () => {
    await messyRoster();
    await call(ctx, 'settings.update', { duesWageFloor10: false, duesFenRounding: 'truncate' });
    const t = await computed('2026-10');
    expect(t.rows.find((x) => x.name === '张三丰')).toMatchObject({ baseFen: 456789, amountFen: 2283 }); // 22.83945 → 22.83
    expect(t.rows.find((x) => x.name === '孙丽')).toMatchObject({ baseFen: 321050, amountFen: 1605 }); // 16.0525 → 16.05
    await call(ctx, 'settings.update', { duesFenRounding: 'halfUp' });
    const h = await computed('2026-10');
    expect(h.rows.find((x) => x.name === '张三丰')!.amountFen).toBe(2284);
    expect(h.rows.find((x) => x.name === '李秀英')!.amountFen).toBe(5000); // 49.995 → 50.00
  });
});

describe('dues import in the task thread', () => {
  it('writes and undoes through the bundled task thread as the app ships it', { timeout: 60_000 }, async () => {
    const bundle = await useWorkerBundle('tasks');
    try {
      await messyRoster();
      await call(ctx, 'dues.computePeriod', { period: '2026-H2' });
      const r = await call<DuesImportResult>(ctx, 'dues.importCommit', { token: tokenOf(ctx, await paymentList()), period: '2026-H2' });
      expect(r.counts.monthsPaid).toBe(18);
      // The thread wrote on its own connection; this one sees the commit.
      expect((await call<ArrearsRow[]>(ctx, 'dues.arrears', { asOf: '2026-12', months: 6 })).map((a) => a.name)).toEqual(['赵敏']);
      expect(await call(ctx, 'dues.importUndo', { batchId: r.batchId })).toMatchObject({ restored: 18, removed: 0 });
      expect((await call<ArrearsRow[]>(ctx, 'dues.arrears', { asOf: '2026-12', months: 6 })).length).toBe(4);
    } finally {
      bundle.dispose();
    }
  });

  it('computes a period in the task thread, and a cancel rolls every month back', { timeout: 60_000 }, async () => {
    const bundle = await useWorkerBundle('tasks');
    try {
      await messyRoster();
      const count = () => (ctx.db.prepare('SELECT count(*) AS n FROM dues_records').get() as { n: number }).n;
      const audits = () => (ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'dues.compute'").get() as { n: number }).n;
      // Cancelled as soon as it starts: the thread reads the shared cancel flag inside its one transaction.
      const running = ctx.dispatch('dues.computePeriod', { period: '2026-H2', jobId: 'dues-job-1' });
      expect(await ctx.dispatch('dues.computeCancel', { jobId: 'dues-job-1' })).toEqual({ ok: true, data: { cancelled: true } });
      expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: '已取消核算会费，没有更改任何数据' } });
      expect([count(), audits()]).toEqual([0, 0]);
      // Not cancelled: the sheet comes back from the thread, as the main process would have made it.
      const seen: string[] = [];
      ctx.events.on((name, p) => {
        if (name === 'progress:update' && (p as { jobId: string }).jobId === 'dues-job-2') seen.push((p as { label: string }).label);
      });
      const s = await call<DuesPeriodTotals & { written: number }>(ctx, 'dues.computePeriod', { period: '2026-H2', jobId: 'dues-job-2' });
      expect(s.months).toHaveLength(6);
      expect(s.written).toBe(count());
      expect(s.members).toBeGreaterThan(0);
      expect(audits()).toBe(6);
      expect(seen[0]).toMatch(/^正在核算2026年7月会费$/);
      // Totals only (the rows are paged); the same as the totals read on their own, also in the thread.
      expect(s).toEqual({ ...(await call<DuesPeriodTotals>(ctx, 'dues.periodTotals', { period: '2026-H2' })), kept: 0, written: s.written });
    } finally {
      bundle.dispose();
    }
  });

  it('refuses the whole batch when a planned row changed before the write', async () => {
    await messyRoster();
    await call(ctx, 'dues.compute', { period: '2026-10' });
    const row = ctx.db.prepare(`SELECT * FROM dues_records WHERE period = '2026-10' LIMIT 1`).get() as Record<string, unknown> & { updated_at: string };
    const stale = { ...row, updated_at: '2000-01-01T00:00:00.000Z' } as never;
    const after = { ...row, paid_on: '2026-10-30', paid_fen: row.amount_fen } as never;
    const env = { db: ctx.db, now, actor: '测试', progress: () => undefined, signal: new AbortController().signal };
    const input = { fileName: 'x.xlsx', sheet: 'S', summary: {} as never, writes: [{ after, before: stale }], mapping: null, rows: 1 };
    expect(() => duesImportWriteTask.run(env, input)).toThrow('又被修改');
    expect((ctx.db.prepare(`SELECT count(*) AS n FROM import_batches WHERE kind = 'dues'`).get() as { n: number }).n).toBe(0);
  });
});

describe('ledger dues import', () => {
  it('--dry-run --json reports without writing; then imports and undo-import takes it back', async () => {
    const data = tempDir();
    await withContext(data, async (c) => {
      await call(c, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', monthlyWage: 4567.89, joinDate: '2010-09-01' } });
    });
    const file = await writeXlsx(path.join(dir, 'pay.xlsx'), { S: [['姓名', '实缴'], ['张三丰', 22.8], ['李四', 10]] });
    const dry = await ledgerInProcess(['--data-dir', data, 'dues', 'import', file, '--period', '2026-10', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    // The document itself, as `members import --json` prints it.
    const d = jsonOf<{ dryRun: boolean; updated: number; skipped: number; errors: { row: number; message: string }[] }>(dry);
    expect(d).toMatchObject({ dryRun: true, updated: 1, skipped: 1 });
    expect(d.errors[0]).toMatchObject({ row: 3 });
    expect(d.errors[0]!.message).toContain('花名册中没有「李四」');
    const real = await ledgerInProcess(['--data-dir', data, 'dues', 'import', file, '--period', '2026-10']);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('登记缴纳 1 个月');
    const batch = /批次号 (\d+)/.exec(real.stdout)![1]!;
    const unpaid = await ledgerInProcess(['--data-dir', data, 'dues', 'undo-import', batch]);
    expect(unpaid.code).toBe(0);
    expect(unpaid.stdout).toContain('移除 1 条');
    const usage = await ledgerInProcess(['--data-dir', data, 'dues', 'import', file]);
    expect(usage.code).toBe(2);
  });

  it('ledger settings set takes the 会费 settings in Chinese words', async () => {
    const data = tempDir();
    for (const [key, value] of [['会费收缴周期', '按半年'], ['duesWageFloor10', '否'], ['会费分位取舍', '舍去']]) {
      expect((await ledgerInProcess(['--data-dir', data, 'settings', 'set', key!, value!])).code).toBe(0);
    }
    const got = await ledgerInProcess(['--data-dir', data, 'settings', 'get', '--json']);
    expect(jsonOf<{ data: Record<string, unknown> }>(got).data).toMatchObject({ duesPeriodKind: 'half', duesWageFloor10: false, duesFenRounding: 'truncate' });
    expect((await ledgerInProcess(['--data-dir', data, 'settings', 'set', 'duesPeriodKind', '每周'])).code).toBe(1);
  });
});
