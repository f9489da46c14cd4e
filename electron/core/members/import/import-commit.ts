/**
 * Preview and commit of a roster import.
 *
 * Both read the file, convert and plan every row while yielding to the event loop between chunks (the window
 * stays responsive and imports.cancel is heard). A commit takes a backup ('pre-import') and starts the import
 * writer (import-writer.ts: its own connection, in a worker thread) BEFORE planning: the writer's transaction
 * locks out other writers, so the plan stays true, and each planned chunk is written while the next is being
 * checked. All valid rows or nothing: the writer commits after the last row, and rolls back on cancel or any
 * failure. New members go in through BulkMemberWriter (row, search index, 入会 event; the batch's audit entry
 * stands for them), updated ones through updatePrepared (an audit entry each, the replaced values in
 * import_batch_changes for the undo). Rows with errors are skipped and listed in the result and in the batch
 * summary.
 */
import type { ImportOptions, ImportPreview, ImportResult } from '../../../../shared/contract/imports';
import fs from 'node:fs';
import type { AppContext } from '../../context';
import { resolveBackup } from '../../db/backup';
import { AppError, isBusy } from '../../errors';
import * as repo from '../members.repo';
import * as importRepo from './import.repo';
import { CANCELLED_MESSAGE, startJob, type Job } from './import-jobs';
import { Planner, PRELOAD_ABOVE, type PlannedRow } from './import-plan';
import { buildPreview, countsOf, PREVIEW_FIRST_ROWS, PREVIEW_MAX_ROWS } from './import-report';
import { resolveMapping, sheetConverter, type Converters, type MaskedIdPolicy, type ResolvedMapping } from './import-rows';
import type { DetectedRecord } from '../../spreadsheet/detect';
import { forgetSource, readChosen, type SourceFile } from './import-source';
import type { WriterRow } from './import-writer';
import { startWriter, type WriterClient } from './writer-client';

export interface ImportInput {
  token: string;
  sheets?: string[] | undefined;
  overrides?: Record<string, string | null> | undefined;
  maskedIds?: MaskedIdPolicy | undefined;
  jobId?: string | undefined;
}

/** Test seams: a failure injected at a given row proves the transaction leaves nothing behind. */
export interface CommitHooks {
  /** Runs in-process (no worker) before each row is written. */
  beforeWrite?(index: number): void;
  /** The same, for the threaded writer: the worker fails before this 0-based row. */
  failAtRow?: number;
  /** Forces the writer's bulk load on or off (tests; otherwise isBulkLoad decides). */
  bulk?: boolean;
}

/** Bulk load (indexes rebuilt at the end) pays off for a large file into a roster at most half its size. */
const BULK_MIN_ROWS = 10_000;

function isBulkLoad(ctx: AppContext, rows: number): boolean {
  if (rows < BULK_MIN_ROWS) return false;
  return repo.countLiveMembers(ctx.db) * 2 <= rows;
}

/** Planned rows handed to the writer at a time (and between yields to the event loop). */
const CHUNK = 2048;

type Sink = (rows: PlannedRow[]) => Promise<void>;

/**
 * Reads, maps and plans every row. `begin` (a commit) runs after the mapping and before the first row is
 * planned; the sink it returns gets each planned chunk.
 */
async function analyse(
  ctx: AppContext,
  input: ImportInput,
  job: Job,
  begin?: (source: SourceFile, mapping: ResolvedMapping, total: number) => Promise<Sink | null>,
) {
  const source = await readChosen(ctx, input.token, input.sheets, job);
  const mapping = resolveMapping(ctx, source.chosen, input.overrides);
  const total = source.chosen.reduce((n, s) => n + s.table.records.length, 0);
  const sink = begin ? await begin(source, mapping, total) : null;
  const planner = new Planner(ctx.db, ctx.clock(), total > PRELOAD_ABOVE);
  const converters: Converters = new Map();
  const planned: PlannedRow[] = [];
  let sent = 0;
  let shown = 0;
  for (const sheet of source.chosen) {
    const { toRow, full } = sheetConverter(ctx, sheet, mapping, input.maskedIds ?? 'skip');
    converters.set(sheet.name, full);
    const records = sheet.table.records as (DetectedRecord | null)[];
    for (let i = 0; i < records.length; i++) {
      const row = toRow(records[i] as DetectedRecord);
      const p = planner.add(row);
      planned.push(p);
      // The sheet values are in `prepared` now (or no longer needed).
      row.fields = {};
      // Memory: a large file (not kept for the next preview) keeps only the records a preview may show.
      const mayShow = planned.length <= PREVIEW_FIRST_ROWS || ((row.errors.length > 0 || row.warnings.length > 0) && shown < PREVIEW_MAX_ROWS);
      if (mayShow) shown++;
      else if (!source.cached) {
        row.record = null;
        records[i] = null;
      }
      if (planned.length % CHUNK === 0) {
        await sink?.(planned.slice(sent));
        sent = planned.length;
        job.progress('正在核对数据', planned.length, total);
        await job.yield();
      }
    }
  }
  await sink?.(planned.slice(sent));
  job.progress('正在核对数据', planned.length, total, true);
  return { source, mapping, planned, converters };
}

export async function previewImport(ctx: AppContext, input: ImportInput): Promise<ImportPreview> {
  const job = startJob(ctx, input.jobId);
  try {
    const { source, mapping, planned, converters } = await analyse(ctx, input, job);
    const preview = buildPreview(source, mapping, planned, converters);
    job.progress('预览完成', planned.length, planned.length, true);
    return preview;
  } catch (e) {
    throw cancelledAsOne(e);
  } finally {
    job.end();
  }
}

export async function commitImport(
  ctx: AppContext,
  input: ImportInput & { dryRun?: boolean },
  hooks: CommitHooks = {},
): Promise<ImportResult> {
  const job = startJob(ctx, input.jobId);
  let writer: WriterClient | null = null;
  let refused = false;
  try {
    if (input.dryRun) {
      const { source, mapping, planned, converters } = await analyse(ctx, input, job);
      job.progress('检查完成（未写入）', planned.length, planned.length, true);
      return { ...buildPreview(source, mapping, planned, converters), dryRun: true, batchId: null, backup: null };
    }
    let backup: string | null = null;
    let written = 0;
    let toWrite = 0;
    let planningDone = false;
    const now = ctx.clock();
    const { source, mapping, planned, converters } = await analyse(ctx, input, job, async (source, mapping, total) => {
      const blockers = buildPreview(source, mapping, []).blockers;
      if (blockers.length) throw new AppError('VALIDATION', blockers.join('；'));
      if (total === 0) return null;
      job.progress('正在备份数据', 0, null, true);
      backup = (await ctx.backup('pre-import')).name;
      job.check();
      const sheets = source.chosen.map((s) => s.name);
      // While the writer holds the lock, a save on this connection is refused at once (the router says why)
      // instead of freezing the main process for the busy timeout.
      refuseWritesMeanwhile(ctx);
      refused = true;
      writer = await startWriter(
        {
          dbPath: ctx.paths.dbPath,
          actor: ctx.actor(),
          nowIso: now.toISOString(),
          fileName: source.fileName,
          sheet: sheets.join('、'),
          summary: summaryOf([], sheets, source.chosen[0]!.table.headerRows, mapping),
          failAtRow: hooks.failAtRow,
          bulk: hooks.bulk ?? isBulkLoad(ctx, total),
        },
        {
          beforeWrite: hooks.beforeWrite,
          onWritten: (n) => {
            written = n;
            if (planningDone) job.progress('正在写入会员档案', n, toWrite);
          },
        },
      );
      const w: WriterClient = writer;
      if (w.fallback) ctx.logger.warn('import writer thread unavailable; writing in-process', { reason: w.fallback });
      return async (rows) => {
        const out = toWriterRows(rows);
        toWrite += out.length;
        if (out.length) await w.rows(out);
      };
    });
    const sheets = source.chosen.map((s) => s.name);
    planningDone = true;
    let batchId: number | null = null;
    const w = writer as WriterClient | null;
    if (w && toWrite) {
      job.progress('正在写入会员档案', written, toWrite, true);
      const summary = summaryOf(planned, sheets, source.chosen[0]!.table.headerRows, mapping);
      const { skippedRows: _rows, ...counts } = summary;
      await w.finish({ summary, mapping: mappingMemo(mapping), counts });
      writer = null;
      batchId = w.batchId;
    } else {
      // Nothing to write: no batch, and the backup taken for it is not kept. The lock is released before the
      // mapping is remembered on this connection.
      if (w) await w.abort();
      writer = null;
      if (backup) fs.rmSync(resolveBackup(ctx.paths.backupsDir, backup), { force: true });
      backup = null;
      // Another import's writer may hold the lock now; the mapping is a convenience, not the clerk's data.
      try {
        rememberMapping(ctx, mapping);
      } catch (e) {
        if (!isBusy(e)) throw e;
        ctx.logger.warn('import mapping not remembered: the database was busy', { signature: mapping.signature });
      }
    }
    forgetSource(ctx);
    job.progress('导入完成', planned.length, planned.length, true);
    return { ...buildPreview(source, mapping, planned, converters), dryRun: false, batchId, backup };
  } catch (e) {
    await (writer as WriterClient | null)?.abort().catch(() => undefined);
    throw cancelledAsOne(e);
  } finally {
    if (refused) allowWritesAgain(ctx);
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

/** Creates and updates of a planned chunk, as the writer takes them; a create's prepared row is let go. */
function toWriterRows(rows: PlannedRow[]): WriterRow[] {
  const out: WriterRow[] = [];
  for (const p of rows) {
    if (p.action === 'create') {
      out.push({ kind: 'create', row: p.prepared!.row });
      p.prepared = null;
    } else if (p.action === 'update') {
      out.push({ kind: 'update', id: p.memberId as number, row: p.prepared!.row, before: p.before ?? {}, after: p.after ?? {} });
    }
  }
  return out;
}

/** A cancel seen by the reader or by the job reads the same to the clerk. */
const cancelledAsOne = (e: unknown): unknown =>
  e instanceof AppError && e.code === 'CANCELLED' ? new AppError('CANCELLED', CANCELLED_MESSAGE) : e;

/** What the writer should do with the clerk's mapping (see rememberMapping). */
function mappingMemo(mapping: ResolvedMapping) {
  if (!mapping.explicit) return null;
  return { signature: mapping.signature, headers: mapping.first.columns.map((c) => c.header), overrides: mapping.overrides };
}

/** A mapping the clerk sent is remembered for this header; an empty one forgets what was remembered. */
function rememberMapping(ctx: AppContext, mapping: ResolvedMapping): void {
  if (!mapping.explicit) return;
  if (!Object.keys(mapping.overrides).length) {
    importRepo.deleteMapping(ctx.db, 'members', mapping.signature);
    return;
  }
  importRepo.saveMapping(
    ctx.db,
    'members',
    mapping.signature,
    mapping.first.columns.map((c) => c.header),
    mapping.overrides,
    ctx.clock().toISOString(),
  );
}

function summaryOf(planned: PlannedRow[], sheets: string[], headerRows: number[], mapping: ResolvedMapping): importRepo.BatchSummary {
  const c = countsOf(planned);
  return {
    rowsRead: c.rowsRead,
    created: c.created,
    updated: c.updated,
    unchanged: c.unchanged,
    skipped: c.skipped,
    sheets,
    headerRows,
    signature: mapping.signature,
    skippedRows: planned.filter((p) => p.action === 'skip').map((p) => ({ sheet: p.row.sheet, row: p.row.excelRow, reason: p.note ?? '' })),
  };
}

export type { ImportOptions };
