import type { ImportBatch } from '../../../../shared/contract/imports';
import type { AppContext } from '../../context';
import type { Handlers } from '../../router';
import * as importRepo from './import.repo';
import { commitImport, listImportSheets, previewImport } from './import-commit';
import { cancelJob } from './import-jobs';
import { undoImport } from './import-undo';

type ImportChannels = 'imports.sheets' | 'imports.preview' | 'imports.commit' | 'imports.cancel' | 'imports.batches' | 'imports.undo';

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
    };
  });
}

export const importsHandlers: Pick<Handlers<AppContext>, ImportChannels> = {
  'imports.sheets': ({ token, jobId }, ctx) => listImportSheets(ctx, token, jobId),
  'imports.preview': (input, ctx) => previewImport(ctx, input),
  'imports.commit': (input, ctx) => commitImport(ctx, input),
  'imports.cancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'imports.batches': (_i, ctx) => listImportBatches(ctx),
  'imports.undo': ({ batchId }, ctx) => undoImport(ctx, batchId),
};
