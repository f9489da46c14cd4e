import { z } from 'zod';
import { fileToken } from './app';
import { channel, id } from './define';
import { cancelChannel, commitOutcome, jobId, previewFile, previewIssues, previewMapping, rowFindings, sheetsChannel } from './imports';

/**
 * Proposal register import (提案登记表导入): many offices collect proposals in Excel before the congress. The
 * same steps as the roster import — sheets, preview without writing, commit of the valid rows in one
 * transaction as a batch, undo of a batch as a whole — for one session. Running jobs are stopped with
 * `proposals.importCancel` (one job list in the core for every import). Field keys are the proposal import fields of the
 * core (electron/core/proposals/import/proposal-columns.ts); the preview hands their labels to the UI.
 */


export const proposalImportOptions = z
  .object({
    token: fileToken,
    sessionId: id,
    /** The sheet to import. Omitted: the first sheet holding a proposal register. */
    sheet: z.string().min(1).max(100).optional(),
    /** Column header → field key (or null = 不导入). Omitted: the mapping remembered for this header, if any. */
    overrides: z.record(z.string().max(200), z.string().min(1).max(40).nullable()).optional(),
    /** Replay 立案/交办/答复/反馈 from the register's result columns (when it has them). */
    replayHistory: z.boolean().default(true),
    jobId: jobId.optional(),
  })
  .strict();
export type ProposalImportOptions = z.input<typeof proposalImportOptions>;

export const proposalImportAction = z.enum(['proposal', 'opinion', 'skip']);
export type ProposalImportAction = z.infer<typeof proposalImportAction>;

export const proposalPreviewRow = z.object({
  excelRow: z.number().int(),
  /** 提案 (enough seconders), 意见建议 (too few), or skipped for its errors. */
  action: proposalImportAction,
  /** The number it would get (file order), null when skipped. */
  number: z.string().nullable(),
  title: z.string(),
  proposer: z.string().nullable(),
  seconders: z.array(z.string()),
  /** Steps replayed after 登记 (立案, 交办 后勤管理处, 答复 A 类, 反馈 满意). */
  steps: z.array(z.string()),
  note: z.string().nullable(),
  ...rowFindings,
});
export type ProposalPreviewRow = z.infer<typeof proposalPreviewRow>;

export const proposalImportCounts = z.object({
  rowsRead: z.number().int(),
  proposals: z.number().int(),
  opinions: z.number().int(),
  skipped: z.number().int(),
  /** Rows with at least one step replayed after 登记. */
  withHistory: z.number().int(),
  errorRows: z.number().int(),
  warningRows: z.number().int(),
});
export type ProposalImportCounts = z.infer<typeof proposalImportCounts>;

/** Problems the clerk can fix in the app and preview again, instead of editing the file. */
export const proposalImportFixes = z.object({
  /** Members named in the register who are not representatives of the session. */
  representatives: z.array(
    z.object({ memberId: z.number().int(), name: z.string(), detail: z.string(), delegation: z.string().nullable(), rows: z.array(z.number().int()) }),
  ),
  /** 类别 not in the configured list. */
  categories: z.array(z.object({ name: z.string(), rows: z.array(z.number().int()) })),
  /** 承办部门 not in the list of handling units. */
  units: z.array(z.object({ name: z.string(), rows: z.array(z.number().int()) })),
});
export type ProposalImportFixes = z.infer<typeof proposalImportFixes>;

export const proposalImportPreview = z.object({
  ...previewFile,
  sheet: z.string(),
  ...previewMapping,
  session: z.object({ id: z.number().int(), label: z.string(), minSeconders: z.number().int() }),
  counts: proposalImportCounts,
  /** The first rows, then rows with findings, up to a cap. */
  rows: z.array(proposalPreviewRow),
  ...previewIssues,
  fixes: proposalImportFixes,
});
export type ProposalImportPreview = z.infer<typeof proposalImportPreview>;

export const proposalImportResult = proposalImportPreview.extend(commitOutcome);
export type ProposalImportResult = z.infer<typeof proposalImportResult>;

export const proposalImportBatch = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sheet: z.string().nullable(),
  sessionId: z.number().int().nullable(),
  sessionLabel: z.string().nullable(),
  createdAt: z.string(),
  actor: z.string(),
  created: z.number().int(),
  skipped: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type ProposalImportBatch = z.infer<typeof proposalImportBatch>;

export const proposalImportsChannels = {
  'proposals.importSheets': sheetsChannel,
  /** Reads, maps and checks the rows against the session's representatives and lists; writes nothing. */
  'proposals.importPreview': channel(proposalImportOptions, proposalImportPreview),
  /** Backup, then every valid row in one transaction as a batch, numbered in file order (or, with dryRun, the report only). */
  'proposals.importCommit': channel(proposalImportOptions.extend({ dryRun: z.boolean().default(false) }).strict(), proposalImportResult),
  'proposals.importCancel': cancelChannel,
  'proposals.importBatches': channel(z.object({ sessionId: id.optional() }).strict(), z.array(proposalImportBatch)),
  /** Takes a whole batch out again; refused when anything was done to its proposals since. */
  'proposals.importUndo': channel(
    z.object({ batchId: id }).strict(),
    z.object({ batchId: z.number().int(), removed: z.number().int(), backup: z.string() }),
  ),
} as const;
