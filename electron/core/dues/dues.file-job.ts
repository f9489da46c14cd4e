import type { FileRef } from '../../../shared/contract/app';
import type { AppContext } from '../context';
import { runInThread } from '../threads/run-in-thread';
import type { ThreadTask } from '../threads/task';
import { throwIfCancelled } from '../jobs';
import { writeOutputAsJob } from '../files/output-job';

export const DUES_FILE_CANCELLED = '已取消，没有生成文件';

/** Between rows a dues file task looks at its cancel every this many rows. */
export const CHECK_EVERY = 1000;

/** Throws CANCELLED when the clerk pressed 取消 (dues.exportCancel), for a task between its rows. */
export const checkCancel = (signal: AbortSignal): void => throwIfCancelled(signal, DUES_FILE_CANCELLED);

/**
 * One dues workbook written in the task thread, as the member export is (members.export.ts): the task reads the
 * ledger on its own read-only connection and writes the workbook to the output file (writeOutputAsJob), under
 * the window's jobId (progress:update, and dues.exportCancel). Full or masked numbers were decided before
 * (operators/pii.ts): the task gets `full`.
 */
export const duesFileInThread = <I extends object>(
  ctx: AppContext,
  jobId: string | undefined,
  fileName: string,
  task: ThreadTask<I & { filePath: string }, { rows: number }>,
  input: I,
): Promise<{ ref: FileRef; rows: number }> =>
  writeOutputAsJob(ctx, jobId, fileName, '已生成文件', async (filePath, job) => (await runInThread(ctx, job, task, { ...input, filePath })).rows);
