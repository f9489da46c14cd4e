import type { ProposalImportBatch } from '../../../../shared/contract/proposal-imports';
import type { AppContext } from '../../context';
import * as importRepo from '../../imports/imports.repo';
import { cancelJob, withJob } from '../../jobs';
import type { Handlers } from '../../router';
import { commitProposalImport, previewProposalImport, undoProposalImport } from './import-commit';
import { MAPPING_KIND } from './import-report';
import { listProposalSheets } from './import-source';

type Channels = 'proposals.importSheets' | 'proposals.importPreview' | 'proposals.importCommit' | 'proposals.importCancel' | 'proposals.importBatches' | 'proposals.importUndo';

/** Newest first; the summary written at commit says which session a batch went into. */
export function listProposalImportBatches(ctx: AppContext, sessionId?: number): ProposalImportBatch[] {
  return importRepo
    .listBatches(ctx.db, MAPPING_KIND)
    .map((b) => {
      const s = JSON.parse(b.summary_json) as Partial<importRepo.BatchSummary & { sessionId: number; sessionLabel: string }>;
      return {
        id: b.id,
        fileName: b.file_name,
        sheet: b.sheet,
        sessionId: s.sessionId ?? null,
        sessionLabel: s.sessionLabel ?? null,
        createdAt: b.created_at,
        actor: b.actor,
        created: s.created ?? 0,
        skipped: s.skipped ?? 0,
        undoneAt: b.undone_at,
      };
    })
    .filter((b) => sessionId === undefined || b.sessionId === sessionId);
}

export const proposalImportsHandlers: Pick<Handlers<AppContext>, Channels> = {
  'proposals.importSheets': ({ token, jobId }, ctx) => withJob(ctx, jobId, (job) => listProposalSheets(ctx, token, job)),
  'proposals.importPreview': (input, ctx) => previewProposalImport(ctx, input),
  'proposals.importCommit': (input, ctx) => commitProposalImport(ctx, input),
  'proposals.importCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'proposals.importBatches': ({ sessionId }, ctx) => listProposalImportBatches(ctx, sessionId),
  'proposals.importUndo': ({ batchId }, ctx) => undoProposalImport(ctx, batchId),
};
