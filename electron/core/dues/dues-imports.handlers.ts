import type { AppContext } from '../context';
import { cancelJob, withJob } from '../jobs';
import type { Handlers } from '../router';
import { commitDuesImport, listDuesImportBatches, previewDuesImport, undoDuesImport } from './import/import-commit';
import { listDuesSheets } from './import/import-source';

type Channels = 'dues.importSheets' | 'dues.importPreview' | 'dues.importCommit' | 'dues.importCancel' | 'dues.importBatches' | 'dues.importUndo';

export const duesImportsHandlers: Pick<Handlers<AppContext>, Channels> = {
  'dues.importSheets': ({ token, jobId }, ctx) => withJob(ctx, jobId, (job) => listDuesSheets(ctx, token, job)),
  'dues.importPreview': (input, ctx) => previewDuesImport(ctx, input),
  'dues.importCommit': (input, ctx) => commitDuesImport(ctx, input),
  'dues.importCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'dues.importBatches': (_input, ctx) => listDuesImportBatches(ctx),
  'dues.importUndo': ({ batchId }, ctx) => undoDuesImport(ctx, batchId),
};
