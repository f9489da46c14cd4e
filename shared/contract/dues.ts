import { z } from 'zod';
import { fileRef } from './app';
import { channel, id, isoDate, optText, piiExportAsk } from './define';
import { cancelChannel, jobId } from './imports';

export const duesPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** A collection period of any kind: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY (upper-cased before the check). */
export const duesAnyPeriod = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, '期间格式应为 YYYY-MM、YYYY-Qn、YYYY-H1/H2 或 YYYY'),
);

export const duesRow = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  name: z.string(),
  idNumber: z.string().nullable(),
  department: z.string().nullable(),
  period: z.string(),
  wageFen: z.number().int().nullable(),
  baseFen: z.number().int(),
  amountFen: z.number().int(),
  exempt: z.boolean(),
  reason: z.string().nullable(),
  paidOn: z.string().nullable(),
  payer: z.enum(['self', 'payroll']).nullable(),
  receiptNo: z.string().nullable(),
  /** 实缴 (null on an unpaid row). */
  paidFen: z.number().int().nullable(),
  groupId: z.number().int().nullable(),
  /** 分工会 / 工会小组 of the member; null: not in a group. */
  groupName: z.string().nullable(),
  /** Written by this import batch (wage or payment import); null: computed or marked by hand. */
  batchId: z.number().int().nullable(),
});
export type DuesRow = z.infer<typeof duesRow>;

export const duesSheet = z.object({
  period: z.string(),
  rows: z.array(duesRow),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  unpaidCount: z.number().int(),
});
export type DuesSheet = z.infer<typeof duesSheet>;

export const arrearsRow = z.object({
  memberId: z.number().int(),
  name: z.string(),
  idNumber: z.string().nullable(),
  unpaidMonths: z.number().int(),
  unpaidFen: z.number().int(),
  oldest: z.string(),
});
export type ArrearsRow = z.infer<typeof arrearsRow>;

/** One member over a collection period (a quarter sums its three months). */
export const duesPeriodRow = z.object({
  memberId: z.number().int(),
  name: z.string(),
  idNumber: z.string().nullable(),
  department: z.string().nullable(),
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  /** The last month's wage and base. */
  wageFen: z.number().int().nullable(),
  baseFen: z.number().int(),
  /** Months on the ledger in the period, and how many of them are due and unpaid. */
  months: z.number().int(),
  unpaidMonths: z.number().int(),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  exempt: z.boolean(),
  reason: z.string().nullable(),
  /** Latest payment date and its receipt numbers. */
  paidOn: z.string().nullable(),
  payer: z.enum(['self', 'payroll']).nullable(),
  receiptNo: z.string().nullable(),
  /** The unpaid month rows (for 登记缴纳 of the whole period). */
  unpaidIds: z.array(z.number().int()),
});
export type DuesPeriodRow = z.infer<typeof duesPeriodRow>;

export const duesPeriodSheet = z.object({
  period: z.string(),
  label: z.string(),
  months: z.array(z.string()),
  rows: z.array(duesPeriodRow),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  unpaidCount: z.number().int(),
});
export type DuesPeriodSheet = z.infer<typeof duesPeriodSheet>;

/**
 * The period's figures without its rows: what the dues page shows above the table. A year at 100,000 members is
 * 1.2 million month rows, which the main process must never hold at once; the table pages through dues.periodPage.
 */
export const duesPeriodTotals = duesPeriodSheet.omit({ rows: true }).extend({
  /** Members on the period's ledger (the rows dues.periodPage pages through). */
  members: z.number().int(),
});
export type DuesPeriodTotals = z.infer<typeof duesPeriodTotals>;

/** Rows a dues.periodPage answers at most (the table's largest page size). */
export const DUES_PAGE_MAX = 200;

/** The year per 工会小组: 应缴 and 实缴 of each month (index 0 = 1月), the year's totals, 大写 of the grand total. */
export const duesYearSummary = z.object({
  year: z.number().int(),
  label: z.string(),
  groups: z.array(
    z.object({
      name: z.string(),
      members: z.number().int(),
      dueByMonth: z.array(z.number().int()),
      paidByMonth: z.array(z.number().int()),
      dueFen: z.number().int(),
      paidFen: z.number().int(),
      /** Members with a due month still unpaid in the year. */
      unpaidMembers: z.number().int(),
    }),
  ),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  dueCapital: z.string(),
  paidCapital: z.string(),
});
export type DuesYearSummary = z.infer<typeof duesYearSummary>;

const collectionInput = z
  .object({
    period: duesAnyPeriod,
    /** One 工会小组 by the name the sheet shows (分工会 / 工会小组, or 未分组); omitted: every group and the summary. */
    group: z.string().min(1).max(100).nullable().optional(),
  })
  .strict();
const yearInput = z.object({ year: z.number().int().min(2000, '年份不对').max(2100, '年份不对') }).strict();
/** The dues files are long at 100,000 members: progress as progress:update under jobId, 取消 by dues.exportCancel. */
const fileJob = { jobId: jobId.optional() };

export const duesChannels = {
  /**
   * Long at 100,000 members: runs in the task thread, progress as progress:update under jobId, dues.computeCancel
   * stops it (nothing written). Answers the month's totals only, as dues.computePeriod does; the rows are read a
   * page at a time (dues.periodPage with the month as the period).
   */
  'dues.compute': channel(z.object({ period: duesPeriod, jobId: jobId.optional() }).strict(), duesPeriodTotals.extend({ kept: z.number().int(), written: z.number().int() })),
  /** The month's every row in one answer: for the CLI and the tests (the window pages through dues.periodPage). */
  'dues.sheet': channel(z.object({ period: duesPeriod }).strict(), duesSheet),
  'dues.markPaid': channel(
    z
      .object({
        ids: z.array(id).min(1, '请选择要登记缴纳的会员').max(100000),
        paidOn: isoDate,
        payer: z.enum(['self', 'payroll'], { error: '请选择缴纳方式' }),
        receiptNo: optText(40, '收据号'),
      })
      .strict(),
    z.object({ marked: z.number().int() }),
  ),
  'dues.arrears': channel(
    z.object({ asOf: duesPeriod, months: z.number().int().min(1).max(60).default(6) }).strict(),
    z.array(arrearsRow),
  ),
  /** The month's 收缴清单 .xlsx, read and written in the task thread. */
  'dues.exportXlsx': channel(z.object({ period: duesPeriod, ...piiExportAsk, ...fileJob }).strict(), fileRef),
  /**
   * Computes every month of a period (each as dues.compute does, one transaction) in the task thread and gives
   * the period's totals; the rows are read a page at a time (dues.periodPage).
   */
  'dues.computePeriod': channel(z.object({ period: duesAnyPeriod, jobId: jobId.optional() }).strict(), duesPeriodTotals.extend({ kept: z.number().int(), written: z.number().int() })),
  /** Stops a dues.compute / dues.computePeriod under its jobId: its one transaction is rolled back. */
  'dues.computeCancel': cancelChannel,
  /**
   * The period's ledger summed per member, every row in one answer: for the CLI and the tests. The window asks
   * dues.periodTotals and dues.periodPage instead, so a year at 100,000 members never passes the main process at once.
   */
  'dues.periodSheet': channel(z.object({ period: duesAnyPeriod }).strict(), duesPeriodSheet),
  /** The period's totals (a read over every month row: in the task thread). */
  'dues.periodTotals': channel(z.object({ period: duesAnyPeriod }).strict(), duesPeriodTotals),
  /** One page of the period's rows, members in roster order; `offset` counts members. */
  'dues.periodPage': channel(
    z
      .object({
        period: duesAnyPeriod,
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(DUES_PAGE_MAX),
      })
      .strict(),
    z.object({ rows: z.array(duesPeriodRow) }),
  ),
  /**
   * 收缴清单 per 工会小组 with totals (figures and 大写) and signature lines, then the summary page: print preview.
   * It lays out each group's first members only (a note says so; `count` is every member); the PDF has all.
   */
  'dues.collectionHtml': channel(collectionInput, z.object({ html: z.string(), groups: z.number().int(), count: z.number().int() })),
  /** Laid out on the main process a chunk at a time (the PDF engine is the main process's), progress and 取消. */
  'dues.collectionPdf': channel(collectionInput.extend(fileJob), fileRef),
  /** The period for 上解: 汇总 per group and 明细 per member, .xlsx, read and written in the task thread. */
  'dues.collectionXlsx': channel(z.object({ period: duesAnyPeriod, ...piiExportAsk, ...fileJob }).strict(), fileRef),
  /** The year per group (a read over the year's every month row: in the task thread). */
  'dues.summary': channel(yearInput, duesYearSummary),
  'dues.summaryXlsx': channel(yearInput.extend(fileJob), fileRef),
  /** Stops a dues file (dues.exportXlsx, collectionXlsx, collectionPdf, summaryXlsx) under its jobId: no file is made. */
  'dues.exportCancel': cancelChannel,
} as const;
