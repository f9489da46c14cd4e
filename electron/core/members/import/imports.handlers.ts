import type { ImportBatch } from '../../../../shared/contract/imports';
import type { AppContext } from '../../context';
import type { Handlers } from '../../router';
import * as importRepo from '../../imports/imports.repo';
import { commitImport, listImportSheets, previewImport } from './import-commit';
import { cancelJob } from '../../jobs';
import { undoImport } from './import-undo';
import { AppError } from '../../errors';
import { issuesFile } from '../../imports/issues-workbook';
import { piiExport, type PiiAsk } from '../../operators/pii';

type ImportChannels =
  | 'members.importSheets'
  | 'members.importPreview'
  | 'members.importCommit'
  | 'members.importCancel'
  | 'members.importBatches'
  | 'members.importIssuesFile'
  | 'members.importUndo'
  | 'members.importUndoCancel';

/** Skipped rows listed per batch in 导入记录 (all of them are in 下载问题行). */
const LISTED_SKIPPED = 200;

/** 导入记录 → 下载问题行: the rows kept at commit time, written to a fresh workbook. */
async function batchIssuesFile(ctx: AppContext, batchId: number, ask: PiiAsk) {
  const b = importRepo.getBatch(ctx.db, batchId);
  if (!b || b.kind !== 'members') throw new AppError('NOT_FOUND', `没有批次号为 ${batchId} 的花名册导入。`);
  const issues = importRepo.getBatchIssues(ctx.db, batchId);
  if (!issues) throw new AppError('NOT_FOUND', '这一批没有跳过或需要核对的行（或导入于保存问题行之前），没有可下载的问题行。');
  // The rows hold the file's own ID numbers: the same rule as every other export of them (operators/pii.ts).
  return piiExport(ctx, 'members.importIssuesFile', ask, async (w) => ({ ref: await issuesFile(ctx, b.file_name, issues, w), rows: issues.rows.length, details: { batchId } }));
}

export function listImportBatches(ctx: AppContext): ImportBatch[] {
  return importRepo.listBatches(ctx.db, 'members').map((b) => {
    const s = JSON.parse(b.summary_json) as Partial<importRepo.BatchSummary>;
    return {
      id: b.id,
      fileName: b.file_name,
      sheet: b.sheet,
      createdAt: b.created_at,
      actor: b.actor,
      created: s.created ?? 0,
      updated: s.updated ?? 0,
      unchanged: s.unchanged ?? 0,
      skipped: s.skipped ?? 0,
      undoneAt: b.undone_at,
      rowsRead: s.rowsRead ?? 0,
      skippedRows: (s.skippedRows ?? []).slice(0, LISTED_SKIPPED),
      skippedRowsMore: Math.max(0, (s.skippedRows ?? []).length - LISTED_SKIPPED),
      issueRows: s.issueRows ?? 0,
      createdUnits: s.createdUnits ?? [],
    };
  });
}

export const importsHandlers: Pick<Handlers<AppContext>, ImportChannels> = {
  'members.importSheets': ({ token, jobId }, ctx) => listImportSheets(ctx, token, jobId),
  'members.importPreview': (input, ctx) => previewImport(ctx, input),
  'members.importCommit': (input, ctx) => commitImport(ctx, input),
  'members.importCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'members.importBatches': (_i, ctx) => listImportBatches(ctx),
  'members.importIssuesFile': ({ batchId, revealIds, reason }, ctx) => batchIssuesFile(ctx, batchId, { revealIds, reason }),
  'members.importUndo': ({ batchId, jobId }, ctx) => undoImport(ctx, batchId, jobId),
  'members.importUndoCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
};
