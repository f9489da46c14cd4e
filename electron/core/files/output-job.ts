import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import type { AppContext } from '../context';
import { startJob, type Job } from '../jobs';

/**
 * A file made by a long job (an export, a dues workbook): the output file is created first, `write` fills it
 * under the job — the window's jobId, for its progress:update events and its cancel channel — and answers how
 * many rows it wrote; `doneLabel` is the job's last progress. A failed or cancelled file is removed.
 */
export async function writeOutputAsJob(
  ctx: AppContext,
  jobId: string | undefined,
  fileName: string,
  doneLabel: string,
  write: (filePath: string, job: Job) => Promise<number>,
): Promise<{ ref: FileRef; rows: number }> {
  const out = ctx.files.createOutput(fileName);
  const job = startJob(ctx, jobId);
  try {
    const rows = await write(out.path, job);
    job.progress(doneLabel, rows, rows, true);
    return { ref: out.ref(), rows };
  } catch (e) {
    fs.rmSync(out.path, { force: true });
    throw e;
  } finally {
    job.end();
  }
}
