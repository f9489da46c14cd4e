import type { ThreadTask } from './threads/task';
import { binderAssembleTask } from './archive/archive.binder-assemble';
import { backupTask } from './db/backup';
import { duesComputeTask, duesPageTask, duesTotalsTask } from './dues/dues.service';
import { exportTask } from './members/members.export';
import { checkUndoTask, undoImportTask } from './members/import/import-undo';
import { duesImportWriteTask, duesUndoTask } from './dues/import/import-write';
import { duesXlsxTask } from './dues/dues.export';
import { collectionXlsxTask, duesSummaryTask, summaryXlsxTask } from './dues/dues.collection';

/**
 * Every task the task thread can run, found there by name (threads/task.worker.ts). A record type's long job
 * joins by exporting a `defineTask(...)` and adding it here.
 */
export const THREAD_TASKS: readonly ThreadTask<never, unknown>[] = [
  exportTask,
  checkUndoTask,
  undoImportTask,
  duesImportWriteTask,
  duesUndoTask,
  backupTask,
  duesComputeTask,
  duesTotalsTask,
  duesPageTask,
  duesXlsxTask,
  collectionXlsxTask,
  duesSummaryTask,
  summaryXlsxTask,
  binderAssembleTask,
];
