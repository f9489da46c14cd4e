import { z } from 'zod';
import { fileToken } from './app';
import { channel, id, noInput } from './define';
import { duesAnyPeriod } from './dues';
import { cancelChannel, commitOutcome, jobId, previewFile, previewIssues, previewMapping, rowFindings, sheetsChannel } from './imports';

/**
 * 会费 wage / payment import (导入工资或缴费表): the 财务 office's wage sheet (月工资) or its deduction list (实缴,
 * 缴费日期, 收据号) for a collection period. Members are matched by 身份证号, then 工号, then 姓名 (only when the
 * name is unique); a row for somebody not on the roster is a row error — an import never creates a member.
 * Same steps as the roster import: sheets, a preview that writes nothing, a commit of the valid rows in one
 * transaction as a batch after a backup, and the undo of a batch. Field keys are the core's
 * (electron/core/dues/import/dues-columns.ts); the preview hands their labels to the UI.
 */
export const duesImportOptions = z
  .object({
    token: fileToken,
    /** The period the file is for: a month, or a quarter/half-year/year (a wage then holds for each month; 实缴 covers months oldest first). */
    period: duesAnyPeriod,
    sheet: z.string().min(1).max(100).optional(),
    /** Column header → field key (or null = 不导入). Omitted: the mapping remembered for this header, if any. */
    overrides: z.record(z.string().max(200), z.string().min(1).max(40).nullable()).optional(),
    jobId: jobId.optional(),
  })
  .strict();
export type DuesImportOptions = z.input<typeof duesImportOptions>;

export const duesImportAction = z.enum(['update', 'unchanged', 'skip']);
export type DuesImportAction = z.infer<typeof duesImportAction>;

export const duesPreviewRow = z.object({
  excelRow: z.number().int(),
  action: duesImportAction,
  memberId: z.number().int().nullable(),
  name: z.string(),
  /** How the member was matched (身份证号 / 工号 / 姓名), or why the row is skipped. */
  note: z.string().nullable(),
  wageFen: z.number().int().nullable(),
  /** 应缴 over the period after the import, and what the row records as 实缴. */
  dueFen: z.number().int(),
  paidFen: z.number().int().nullable(),
  /** Months the row writes, and the ones it marks paid. */
  months: z.array(z.string()),
  paidMonths: z.array(z.string()),
  ...rowFindings,
});
export type DuesPreviewRow = z.infer<typeof duesPreviewRow>;

export const duesImportCounts = z.object({
  rowsRead: z.number().int(),
  /** Rows that change the ledger, rows that would change nothing, rows skipped for their errors. */
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  /** Month rows written, and of them marked paid. */
  monthsWritten: z.number().int(),
  monthsPaid: z.number().int(),
  paidFen: z.number().int(),
  errorRows: z.number().int(),
  warningRows: z.number().int(),
});
export type DuesImportCounts = z.infer<typeof duesImportCounts>;

export const duesImportPreview = z.object({
  ...previewFile,
  sheet: z.string(),
  ...previewMapping,
  period: z.string(),
  periodLabel: z.string(),
  months: z.array(z.string()),
  /** 'wage' (月工资 only), 'payment' (实缴 only) or 'both'. */
  kind: z.enum(['wage', 'payment', 'both']).nullable(),
  counts: duesImportCounts,
  rows: z.array(duesPreviewRow),
  ...previewIssues,
});
export type DuesImportPreview = z.infer<typeof duesImportPreview>;

export const duesImportResult = duesImportPreview.extend(commitOutcome);
export type DuesImportResult = z.infer<typeof duesImportResult>;

export const duesImportBatch = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sheet: z.string().nullable(),
  period: z.string().nullable(),
  createdAt: z.string(),
  actor: z.string(),
  updated: z.number().int(),
  skipped: z.number().int(),
  monthsWritten: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type DuesImportBatch = z.infer<typeof duesImportBatch>;

export const duesImportsChannels = {
  'dues.importSheets': sheetsChannel,
  /** Reads, maps and checks every row against the roster and the period's ledger; writes nothing. */
  'dues.importPreview': channel(duesImportOptions, duesImportPreview),
  /** Backup, then every valid row in one transaction as a batch (or, with dryRun, the report only). */
  'dues.importCommit': channel(duesImportOptions.extend({ dryRun: z.boolean().default(false) }).strict(), duesImportResult),
  'dues.importCancel': cancelChannel,
  'dues.importBatches': channel(noInput, z.array(duesImportBatch)),
  /** Puts every month row the batch wrote back as it was; refused when any of them changed since. */
  'dues.importUndo': channel(z.object({ batchId: id }).strict(), z.object({ batchId: z.number().int(), restored: z.number().int(), removed: z.number().int(), backup: z.string() })),
} as const;
