import type { ArrearsRow, DuesPeriodRow, DuesPeriodSheet, DuesPeriodTotals, DuesRow, DuesSheet } from '../../../shared/contract/dues';
import { duesOf, monthsBack, periodLabel, periodMonths, ruleCode, type DuesRule } from '../../../shared/domain/dues';
import { getSettings } from '../settings/settings.service';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import { runJobInThread } from '../threads/run-job';
import { defineTask } from '../threads/task';
import * as repo from './dues.repo';
import { throwIfCancelled } from '../jobs';

export const toRow = (r: repo.DuesDbRow): DuesRow => ({
  id: r.id,
  memberId: r.member_id,
  name: r.name,
  idNumber: r.id_number,
  department: r.department,
  period: r.period,
  wageFen: r.wage_fen,
  baseFen: r.base_fen,
  amountFen: r.amount_fen,
  exempt: r.exempt === 1,
  reason: r.reason,
  paidOn: r.paid_on,
  payer: r.payer === 'self' || r.payer === 'payroll' ? r.payer : null,
  receiptNo: r.receipt_no,
  paidFen: r.paid_on ? (r.paid_fen ?? r.amount_fen) : null,
  groupId: r.group_id,
  groupName: r.group_name,
  batchId: r.batch_id,
});

/** The rule 设置 holds (wage down to 10 yuan by default; a half fen rounded half up or cut off). */
export function duesRule(ctx: AppContext): DuesRule {
  const s = getSettings(ctx);
  return { floor10: s.duesWageFloor10, fen: s.duesFenRounding };
}

export const duesSheet = (ctx: AppContext, period: string): DuesSheet => sheetOf(ctx.db, period);

/** The month's every row (the CLI, the tests, and the month's 收缴清单 written in the task thread). */
export function sheetOf(db: DB, period: string): DuesSheet {
  const rows = repo.sheetRows(db, period).map(toRow);
  const due = rows.filter((r) => !r.exempt);
  return {
    period,
    rows,
    dueFen: due.reduce((s, r) => s + r.amountFen, 0),
    paidFen: due.filter((r) => r.paidOn).reduce((s, r) => s + (r.paidFen ?? r.amountFen), 0),
    unpaidCount: due.filter((r) => !r.paidOn && r.amountFen > 0).length,
  };
}

/** What one member owes for the month from a wage (the roster's, or an imported one), and why not when nothing. */
export function computeFor(m: { status: string; monthly_wage_fen: number | null }, rule: DuesRule): repo.DuesFigures {
  const code = ruleCode(rule);
  if (m.status === 'retained') return { wage_fen: m.monthly_wage_fen, base_fen: 0, amount_fen: 0, exempt: 1, reason: '保留会籍，免交会费', rule: code };
  if (m.monthly_wage_fen == null) return { wage_fen: null, base_fen: 0, amount_fen: 0, exempt: 0, reason: '未登记月工资', rule: code };
  const { baseFen, amountFen } = duesOf(m.monthly_wage_fen, rule);
  return { wage_fen: m.monthly_wage_fen, base_fen: baseFen, amount_fen: amountFen, exempt: 0, reason: null, rule: code };
}

export const DUES_COMPUTE_CANCELLED = '已取消核算会费，没有更改任何数据';

type Computed<S> = S & { kept: number; written: number };

/**
 * The computation as a task-thread task (threads/task.ts): a year at 100,000 members writes 1.2 million month
 * rows, far longer than the window may wait. Every month in one transaction (all or nothing, as before), then
 * the totals read back on the same connection, for a month as for a longer period: the rows (100,000 members)
 * would cost the main process ~100–150 ms just to receive, so the page reads them a page at a time
 * (dues.periodPage, which takes a month as a period of one). Cancel is looked at every 2,000 members and rolls
 * the whole transaction back.
 */
export const duesComputeTask = defineTask<{ period: string; months: string[]; rule: DuesRule }, Computed<DuesPeriodTotals>>({
  name: 'dues.compute',
  writes: true,
  run: ({ db, now, actor, progress, signal }, { period, months, rule }) => {
    let kept = 0;
    let written = 0;
    db.transaction(() => {
      months.forEach((m, i) => {
        const r = computeMonthIn(db, now, actor, m, rule, (done, total) => {
          throwIfCancelled(signal, DUES_COMPUTE_CANCELLED);
          progress(`正在核算${periodLabel(m)}会费`, i * total + done, months.length * total);
        });
        kept += r.kept;
        written += r.written;
      });
    })();
    progress('正在汇总', 0, null);
    return { ...periodTotalsOf(db, period), kept, written };
  },
});

/**
 * Computes the month from each member's monthly wage in the roster. Paid rows are kept as paid (a recompute never
 * changes money already received); unpaid rows are rewritten, so a corrected wage is picked up. In the task thread;
 * answers the month's totals (its rows: dues.periodPage, or dues.sheet for the CLI and the tests).
 */
export async function computeDues(ctx: AppContext, period: string, jobId?: string): Promise<Computed<DuesPeriodTotals>> {
  return computeInThread(ctx, period, [period], jobId);
}

const computeInThread = (ctx: AppContext, period: string, months: string[], jobId: string | undefined): Promise<Computed<DuesPeriodTotals>> =>
  runJobInThread(ctx, jobId, duesComputeTask, { period, months, rule: duesRule(ctx) });

/** One month inside the caller's transaction. Paid rows and imported rows are kept; the rest is rewritten. */
function computeMonthIn(db: DB, now: Date, actor: string, period: string, rule: DuesRule, tick: (done: number, total: number) => void): { kept: number; written: number } {
  let kept = 0;
  let written = 0;
  const members = repo.membersForPeriod(db, period);
  const keep = repo.keptMemberIds(db, period);
  const at = now.toISOString();
  members.forEach((m, i) => {
    if (i % 2000 === 0) tick(i, members.length);
    if (keep.has(m.id)) {
      kept++;
      return;
    }
    written += repo.upsertUnpaid(db, { member_id: m.id, period, ...computeFor(m, rule) }, at);
  });
  const dropped = repo.dropUnpaidNotIn(db, period, JSON.stringify(members.map((m) => m.id)));
  writeAudit(db, actor, now, {
    action: 'dues.compute',
    entity: 'dues_period',
    entityId: period,
    after: { members: members.length, kept, written, dropped, rule: ruleCode(rule) },
  });
  return { kept, written };
}

export const monthsOrThrow = (period: string): string[] => {
  const months = periodMonths(period);
  if (!months) throw new AppError('VALIDATION', `期间「${period}」不对，应为 YYYY-MM、YYYY-Qn、YYYY-H1/H2 或 YYYY`);
  return months;
};

/** Every month of a quarter, half-year or year in one transaction, then the period's totals. */
export async function computePeriod(ctx: AppContext, period: string, jobId?: string): Promise<Computed<DuesPeriodTotals>> {
  return computeInThread(ctx, period, monthsOrThrow(period), jobId);
}

/** A member's months added up: 应缴 and 实缴, unpaid months, the latest payment. */
export function sumRows(rows: DuesRow[]): DuesPeriodRow[] {
  const by = new Map<number, DuesPeriodRow>();
  for (const r of rows) {
    let a = by.get(r.memberId);
    if (!a) {
      a = {
        memberId: r.memberId, name: r.name, idNumber: r.idNumber, department: r.department, groupId: r.groupId, groupName: r.groupName,
        wageFen: r.wageFen, baseFen: r.baseFen, months: 0, unpaidMonths: 0, dueFen: 0, paidFen: 0, exempt: true, reason: null,
        paidOn: null, payer: null, receiptNo: null, unpaidIds: [],
      };
      by.set(r.memberId, a);
    }
    a.months++;
    // Rows come oldest month first, so the last one seen is the period's latest wage.
    a.wageFen = r.wageFen;
    a.baseFen = r.baseFen;
    a.exempt &&= r.exempt;
    if (!r.exempt) a.dueFen += r.amountFen;
    if (r.paidOn) {
      a.paidFen += r.paidFen ?? r.amountFen;
      if (!a.paidOn || r.paidOn >= a.paidOn) {
        a.paidOn = r.paidOn;
        a.payer = r.payer;
      }
      if (r.receiptNo && !(a.receiptNo ?? '').split('、').includes(r.receiptNo)) a.receiptNo = a.receiptNo ? `${a.receiptNo}、${r.receiptNo}` : r.receiptNo;
    } else if (!r.exempt && r.amountFen > 0) {
      a.unpaidMonths++;
      a.unpaidIds.push(r.id);
    }
    if (r.reason && !(a.reason ?? '').includes(r.reason)) a.reason = a.reason ? `${a.reason}；${r.reason}` : r.reason;
  }
  return [...by.values()];
}

export const periodSheet = (ctx: AppContext, period: string): DuesPeriodSheet => periodSheetOf(ctx.db, period);

/** The period summed per member, every row: read in the task thread by the dues files (dues.collection.ts). */
export function periodSheetOf(db: DB, period: string): DuesPeriodSheet {
  const months = monthsOrThrow(period);
  const rows = sumRows(repo.periodRows(db, months).map(toRow));
  return {
    period,
    label: periodLabel(period),
    months,
    rows,
    dueFen: rows.reduce((s, r) => s + r.dueFen, 0),
    paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
    unpaidCount: rows.filter((r) => r.unpaidMonths > 0).length,
  };
}

function periodTotalsOf(db: DB, period: string): DuesPeriodTotals {
  const months = monthsOrThrow(period);
  const t = repo.periodTotals(db, months);
  return { period, label: periodLabel(period), months, members: t.members, dueFen: t.due_fen, paidFen: t.paid_fen, unpaidCount: t.unpaid_count };
}

/** The totals read every month row of the period (~1.1 s for a year at 100,000 members): read-only, in the task thread. */
export const duesTotalsTask = defineTask<{ period: string }, DuesPeriodTotals>({
  name: 'dues.periodTotals',
  writes: false,
  run: ({ db }, { period }) => periodTotalsOf(db, period),
});

export async function periodTotals(ctx: AppContext, period: string): Promise<DuesPeriodTotals> {
  monthsOrThrow(period);
  return runJobInThread(ctx, undefined, duesTotalsTask, { period });
}

function periodPageOf(db: DB, period: string, offset: number, limit: number): { rows: DuesPeriodRow[] } {
  const months = monthsOrThrow(period);
  const ids = repo.periodMemberPage(db, months, offset, limit);
  return { rows: ids.length ? sumRows(repo.periodRowsOf(db, months, ids).map(toRow)) : [] };
}

/** A page past this many members is read in the task thread: each member skipped costs ~2.5 µs (dues.repo). */
export const DUES_PAGE_INLINE_OFFSET = 5_000;

export const duesPageTask = defineTask<{ period: string; offset: number; limit: number }, { rows: DuesPeriodRow[] }>({
  name: 'dues.periodPage',
  writes: false,
  run: ({ db }, { period, offset, limit }) => periodPageOf(db, period, offset, limit),
});

/**
 * One page of the period's rows for the table. The first pages (≤ 12 ms skipping, ~3 ms reading 100 members'
 * months) are read here; a deep one (a jump to page 800 is 300 ms of skipping) in the task thread.
 */
export async function periodPage(ctx: AppContext, period: string, offset: number, limit: number): Promise<{ rows: DuesPeriodRow[] }> {
  if (offset <= DUES_PAGE_INLINE_OFFSET) return periodPageOf(ctx.db, period, offset, limit);
  monthsOrThrow(period);
  return runJobInThread(ctx, undefined, duesPageTask, { period, offset, limit });
}

export function markDuesPaid(ctx: AppContext, ids: number[], paidOn: string, payer: 'self' | 'payroll', receiptNo: string | null | undefined): number {
  const db = ctx.db;
  const now = ctx.clock();
  return db.transaction(() => {
    let n = 0;
    for (const id of ids) n += repo.markPaid(db, id, paidOn, payer, receiptNo?.trim() || null, now.toISOString());
    if (n === 0) throw new AppError('CONFLICT', '所选记录都已缴纳或免交，没有可登记的。');
    writeAudit(db, ctx.actor(), now, { action: 'dues.markPaid', entity: 'dues_record', entityId: null, after: { ids, paidOn, payer, receiptNo, marked: n } });
    return n;
  })();
}

/** 连续欠缴 follow-up list: a flag for the clerk, never a status change (the constitution's 自动退会 is a decision). */
export function arrears(ctx: AppContext, asOf: string, months: number): ArrearsRow[] {
  const from = monthsBack(asOf, months)[0]!;
  return repo.arrearsRows(ctx.db, from, asOf, months).map((r) => ({
    memberId: r.member_id,
    name: r.name,
    idNumber: r.id_number,
    unpaidMonths: r.unpaid_months,
    unpaidFen: r.unpaid_fen,
    oldest: r.oldest,
  }));
}
