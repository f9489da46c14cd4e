/**
 * Preview and commit of a roster import, as the channels call them: the main process's side. The work itself
 * (import-run.ts) runs in the import thread for a large file and here for a small one (import-engine.ts); what
 * only the main process may do happens here: the pre-import backup, holding saves on its connection off while
 * the writer holds the lock, and, when nothing was written, dropping that backup and remembering the mapping.
 */
import type { ImportOptions, ImportPreview, ImportResult } from '../../../../shared/contract/imports';
import fs from 'node:fs';
import type { AppContext } from '../../context';
import { resolveBackup } from '../../db/backup';
import { AppError, isBusy } from '../../errors';
import * as importRepo from '../../imports/imports.repo';
import { runImportTask } from './import-engine';
import { CANCELLED_MESSAGE, startJob } from '../../jobs';
import type { CommitHooks, CommitOutcome, ImportInput, MappingMemo, SheetList } from './import-run';
import { forgetSource, sourceRef } from './import-source';
import { issuesFile } from '../../imports/issues-workbook';

export type { CommitHooks, ImportInput };

const noWrites = (): Promise<string> => Promise.reject(new AppError('INTERNAL', '预览不写入数据'));

export async function listImportSheets(ctx: AppContext, token: string, jobId: string | undefined): Promise<SheetList> {
  const job = startJob(ctx, jobId);
  try {
    return await runImportTask(ctx, job, sourceRef(ctx, token), { kind: 'sheets' }, noWrites);
  } catch (e) {
    throw cancelledAsOne(e);
  } finally {
    job.end();
  }
}

export async function previewImport(ctx: AppContext, input: ImportInput): Promise<ImportPreview> {
  const job = startJob(ctx, input.jobId);
  try {
    return await runImportTask(ctx, job, sourceRef(ctx, input.token), { kind: 'preview', input }, noWrites);
  } catch (e) {
    throw cancelledAsOne(e);
  } finally {
    job.end();
  }
}

export async function commitImport(ctx: AppContext, input: ImportInput & { dryRun?: boolean }, hooks: CommitHooks = {}): Promise<ImportResult> {
  const job = startJob(ctx, input.jobId);
  let refused = false;
  const release = () => {
    if (refused) allowWritesAgain(ctx);
    refused = false;
  };
  // The restore point is taken while the file is being read (the main process is idle then, and for a large
  // file the import thread reads meanwhile). Saves are held off from that moment, so it is exactly the state
  // the import starts from; while the writer holds the lock, a save is refused at once (the router says why)
  // instead of freezing the main process for the busy timeout.
  let backup: Promise<string> | null = null;
  let backupUsed = false;
  const takeBackup = () =>
    (backup ??= (async () => {
      refuseWritesMeanwhile(ctx);
      refused = true;
      return (await ctx.backup('pre-import')).name;
    })());
  if (!input.dryRun) takeBackup().catch(() => undefined);
  // A file with no rows to write, or refused before writing: the restore point taken for it is not kept.
  const dropUnused = async () => {
    const name = backup ? await backup.catch(() => null) : null;
    if (name) fs.rmSync(resolveBackup(ctx.paths.backupsDir, name), { force: true });
  };
  try {
    const outcome: CommitOutcome = await runImportTask(ctx, job, sourceRef(ctx, input.token), { kind: 'commit', input, hooks }, () => {
      backupUsed = true;
      return takeBackup();
    });
    release();
    if (outcome.discardBackup) fs.rmSync(resolveBackup(ctx.paths.backupsDir, outcome.discardBackup), { force: true });
    if (!backupUsed) await dropUnused();
    if (outcome.remember) rememberMapping(ctx, outcome.remember);
    if (!input.dryRun) forgetSource(ctx);
    // Nothing was written, so there is no batch to download the 问题行 from later: the file is made now.
    if (outcome.issues) return { ...outcome.result, issuesFile: await issuesFile(ctx, outcome.result.fileName, outcome.issues) };
    return outcome.result;
  } catch (e) {
    if (!backupUsed) await dropUnused();
    throw cancelledAsOne(e);
  } finally {
    release();
    job.end();
  }
}

/** Imports whose writer holds the lock, per context, and the busy timeout to return to after the last. */
const refusing = new WeakMap<AppContext, { count: number; timeout: number }>();

function refuseWritesMeanwhile(ctx: AppContext): void {
  const r = refusing.get(ctx);
  if (r) r.count++;
  else {
    refusing.set(ctx, { count: 1, timeout: ctx.db.pragma('busy_timeout', { simple: true }) as number });
    ctx.db.pragma('busy_timeout = 0');
  }
}

function allowWritesAgain(ctx: AppContext): void {
  const r = refusing.get(ctx);
  if (!r || --r.count > 0) return;
  refusing.delete(ctx);
  ctx.db.pragma(`busy_timeout = ${r.timeout}`);
}

/** A cancel seen by the reader or by the job reads the same to the clerk. */
const cancelledAsOne = (e: unknown): unknown =>
  e instanceof AppError && e.code === 'CANCELLED' ? new AppError('CANCELLED', CANCELLED_MESSAGE) : e;

/**
 * A mapping the clerk sent is remembered for this header; an empty one forgets what was remembered. Another
 * import's writer may hold the lock now: the mapping is a convenience, not the clerk's data.
 */
function rememberMapping(ctx: AppContext, memo: MappingMemo): void {
  try {
    importRepo.rememberMapping(ctx.db, 'members', memo.signature, memo.headers, memo.overrides, ctx.clock().toISOString());
  } catch (e) {
    if (!isBusy(e)) throw e;
    ctx.logger.warn('import mapping not remembered: the database was busy', { signature: memo.signature });
  }
}

export type { ImportOptions };
