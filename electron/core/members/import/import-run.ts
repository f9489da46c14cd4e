/**
 * The work of a roster import — read, map, check, plan and (for a commit) write — wherever it runs: in the
 * main process (small files, tests) or in the import thread (import-engine.ts, large files). What it needs from
 * its host comes in as an ImportEnv; everything it would change on the app's own connection comes back as an
 * outcome the main process settles (import-commit.ts).
 *
 * Both preview and commit read the file, convert and plan every row while yielding to the event loop between
 * chunks (members.importCancel is heard). A commit takes a backup ('pre-import') and starts the import writer
 * (import-writer.ts: its own connection, in a worker thread) BEFORE planning: the writer's transaction locks
 * out other writers, so the plan stays true, and each planned chunk is written while the next is being
 * checked. All valid rows or nothing: the writer commits after the last row, and rolls back on cancel or any
 * failure. Rows with errors are skipped and listed in the result and in the batch summary.
 */
import type { ImportPreview, ImportResult, SheetSummary } from '../../../../shared/contract/imports';
import type { DB } from '../../db/open';
import { AppError } from '../../errors';
import type { DetectedRecord } from '../../spreadsheet/detect';
import type { WorkbookFormat } from '../../spreadsheet/types';
import * as repo from '../members.repo';
import type * as importRepo from '../../imports/imports.repo';
import type { IssueSheet } from '../../imports/imports.repo';
import type { Job } from '../../jobs';
import { Planner, PRELOAD_ABOVE, type PlannedRow } from './import-plan';
import { buildPreview, countsOf, PREVIEW_FIRST_ROWS, PREVIEW_MAX_ROWS } from './import-report';
import { resolveMapping, sheetConverter, type Converters, type MaskedIdPolicy, type ResolvedMapping } from './import-rows';
import { listSheets, readChosen, type SourceFile, type SourceRef } from './import-source';
import { createValues, type WriterRow } from './import-writer';
import { spawnWriterThread, startWriter, type WriterClient, type WriterThread } from './writer-client';
import type { NewUnit } from './import-units';
import { IssueCollector } from './import-issues';
import type { UnitsOutline } from '../../../../shared/contract/imports';

/** What the preview says about the units: those to create (or missing, when the clerk chose not to) and near misses. */
function unitsOutline(planner: Planner, create: boolean): UnitsOutline {
  const u = planner.look.units;
  return { create, toCreate: u.newUnits.map(({ kind, finalName, rows, parent }) => ({ kind, name: finalName, rows, parent })), matches: u.matches, missing: create ? [] : u.missingNames };
}

export interface ImportInput {
  token: string;
  sheets?: string[] | undefined;
  headerRow?: number | undefined;
  overrides?: Record<string, string | null> | undefined;
  maskedIds?: MaskedIdPolicy | undefined;
  /** Create the 分工会 / 工会小组 the file names that do not exist yet (default), or leave those members unset. */
  createUnits?: boolean | undefined;
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

/** What an import needs from where it runs. */
export interface ImportEnv {
  /** For reading only (remembered mappings, the members a row may match): the writer has its own connection. */
  readonly db: DB;
  readonly now: Date;
  readonly dbPath: string;
  readonly actor: string;
  readonly source: SourceRef;
  readonly job: Job;
  warn(message: string, data: Record<string, unknown>): void;
  /** Takes the pre-import backup and holds saves on the app's own connection off until the import ends. */
  prepareWrite(): Promise<string>;
  /**
   * Called after the file is read and between chunks: a host may let go of garbage there. `now`: the rows
   * were just let go (the writer's tail follows), collect whatever the host's own rule says.
   */
  tidy?(now?: boolean): void;
}

/** The clerk's mapping for this header, to save (or forget, when empty) after the import. */
export interface MappingMemo {
  signature: string;
  headers: string[];
  overrides: Record<string, string | null>;
}

export interface CommitOutcome {
  result: ImportResult;
  /** Nothing was written (so no writer saved it): the mapping for the main process to remember. */
  remember: MappingMemo | null;
  /** Nothing was written: the backup taken for it is not worth keeping. */
  discardBackup: string | null;
  /** Nothing was written but rows were skipped: the 问题行 for the main process to save as a file. */
  issues: IssueSheet | null;
}

export type ImportTask =
  | { kind: 'sheets' }
  | { kind: 'preview'; input: ImportInput }
  | { kind: 'commit'; input: ImportInput & { dryRun?: boolean | undefined }; hooks: CommitHooks };

export type SheetList = { fileName: string; format: WorkbookFormat; sheets: SheetSummary[] };

export type TaskResult<T extends ImportTask> = T extends { kind: 'sheets' } ? SheetList : T extends { kind: 'preview' } ? ImportPreview : CommitOutcome;

export async function runTask<T extends ImportTask>(env: ImportEnv, task: T): Promise<TaskResult<T>> {
  if (task.kind === 'sheets') return (await listSheets(env.source, env.job)) as TaskResult<T>;
  if (task.kind === 'preview') return (await preview(env, task.input)) as TaskResult<T>;
  return (await commit(env, task.input, task.hooks)) as TaskResult<T>;
}

/** Bulk load (indexes rebuilt at the end) pays off for a large file into a roster at most half its size. */
const BULK_MIN_ROWS = 10_000;

function isBulkLoad(db: DB, rows: number): boolean {
  if (rows < BULK_MIN_ROWS) return false;
  return repo.countLiveMembers(db) * 2 <= rows;
}

/** Planned rows handed to the writer at a time (and between yields to the event loop). */
export const CHUNK = 2048;

type Sink = (rows: PlannedRow[], units: NewUnit[]) => Promise<void>;

/**
 * Reads, maps and plans every row. `begin` (a commit) runs after the mapping and before the first row is
 * planned; the sink it returns gets each planned chunk.
 */
async function analyse(
  env: ImportEnv,
  input: ImportInput,
  begin?: (source: SourceFile, mapping: ResolvedMapping, total: number) => Promise<Sink | null>,
) {
  const { job } = env;
  const source = await readChosen(env.source, input.sheets, job, input.headerRow);
  env.tidy?.();
  const mapping = resolveMapping(env.db, source.chosen, input.overrides);
  const total = source.chosen.reduce((n, s) => n + s.table.records.length, 0);
  const sink = begin ? await begin(source, mapping, total) : null;
  const planner = new Planner(env.db, env.now, total > PRELOAD_ABOVE, input.createUnits ?? true);
  // Units the file names that do not exist yet go to the writer with the first chunk that names them.
  let unitsSent = 0;
  const newUnits = (): NewUnit[] => {
    const all = planner.look.units.newUnits;
    const out = all.slice(unitsSent).map(({ tempId, kind, name, parentId }) => ({ tempId, kind, name, parentId }));
    unitsSent = all.length;
    return out;
  };
  const converters: Converters = new Map();
  const issues = new IssueCollector(mapping, source.chosen.length > 1);
  const planned: PlannedRow[] = [];
  let sent = 0;
  let shown = 0;
  for (const sheet of source.chosen) {
    const { toRow, full } = sheetConverter(env.now, sheet, mapping, input.maskedIds ?? 'skip');
    converters.set(sheet.name, full);
    const records = sheet.table.records as (DetectedRecord | null)[];
    for (let i = 0; i < records.length; i++) {
      const row = toRow(records[i] as DetectedRecord);
      const p = planner.add(row);
      planned.push(p);
      issues.add(p);
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
        await sink?.(planned.slice(sent), newUnits());
        sent = planned.length;
        job.progress('正在核对数据', planned.length, total);
        env.tidy?.();
        await job.yield();
      }
    }
  }
  await sink?.(planned.slice(sent), newUnits());
  job.progress('正在核对数据', planned.length, total, true);
  const units = unitsOutline(planner, input.createUnits ?? true);
  const unitNames = planner.look.units.newUnits.map((u) => ({ tempId: u.tempId, name: u.finalName }));
  return { source, mapping, planned, converters, units, issues, unitNames };
}

async function preview(env: ImportEnv, input: ImportInput): Promise<ImportPreview> {
  const { source, mapping, planned, converters, units, issues } = await analyse(env, input);
  const result = buildPreview(source, mapping, planned, converters, { units, issueRows: issues.count });
  env.job.progress('预览完成', planned.length, planned.length, true);
  return result;
}

async function commit(env: ImportEnv, input: ImportInput & { dryRun?: boolean | undefined }, hooks: CommitHooks): Promise<CommitOutcome> {
  const { job } = env;
  if (input.dryRun) {
    const { source, mapping, planned, converters, units, issues } = await analyse(env, input);
    job.progress('检查完成（未写入）', planned.length, planned.length, true);
    const result = buildPreview(source, mapping, planned, converters, { units, issueRows: issues.count });
    return { result: { ...result, dryRun: true, batchId: null, backup: null, issuesFile: null }, remember: null, discardBackup: null, issues: null };
  }
  let writer: WriterClient | null = null;
  // The writer thread loads while the file is read; its transaction begins after the backup (startWriter).
  let thread: WriterThread | null = hooks.beforeWrite ? null : spawnWriterThread();
  try {
    let backup: string | null = null;
    let written = 0;
    let toWrite = 0;
    let planningDone = false;
    const { source, mapping, planned, converters, units, issues, unitNames } = await analyse(env, input, async (source, mapping, total) => {
      const blockers = buildPreview(source, mapping, []).blockers;
      if (blockers.length) throw new AppError('VALIDATION', blockers.join('；'));
      if (total === 0) return null;
      job.progress('正在备份数据', 0, null, true);
      backup = await env.prepareWrite();
      job.check();
      const sheets = source.chosen.map((s) => s.name);
      const spawned = thread;
      thread = null;
      writer = await startWriter(
        {
          dbPath: env.dbPath,
          actor: env.actor,
          nowIso: env.now.toISOString(),
          fileName: source.fileName,
          sheet: sheets.join('、'),
          summary: summaryOf([], sheets, source.chosen[0]!.table.headerRows, mapping),
          failAtRow: hooks.failAtRow,
          bulk: hooks.bulk ?? isBulkLoad(env.db, total),
        },
        {
          beforeWrite: hooks.beforeWrite,
          onWritten: (n) => {
            written = n;
            if (planningDone) job.progress('正在写入会员档案', n, toWrite);
          },
        },
        spawned,
      );
      const w: WriterClient = writer;
      if (w.fallback) env.warn('import writer thread unavailable; writing in-process', { reason: w.fallback });
      return async (rows, units) => {
        const out = toWriterRows(rows);
        toWrite += out.length;
        if (out.length || units.length) await w.rows(out, units);
      };
    });
    const sheets = source.chosen.map((s) => s.name);
    planningDone = true;
    let batchId: number | null = null;
    let remember: MappingMemo | null = null;
    let discardBackup: string | null = null;
    const w = writer as WriterClient | null;
    let report: ImportPreview | null = null;
    if (w && toWrite) {
      // A cancel is heard until the commit (from the import thread it may arrive after the last chunk).
      job.check();
      job.progress('正在写入会员档案', written, toWrite, true);
      const summary = { ...summaryOf(planned, sheets, source.chosen[0]!.table.headerRows, mapping), issueRows: issues.count, createdUnits: units.toCreate.map((u) => u.name) };
      const { skippedRows: _rows, ...counts } = summary;
      const finished = w.finish({ summary, mapping: mappingMemo(mapping), counts, issuesJson: issues.json(), unitNames });
      // While the writer thread ends its work (index rebuild, COMMIT: the longest wait of a large import), the
      // report is made here, and the planned rows are let go before the wait: this thread's heap is small
      // again when the process's memory peaks, in the writer's tail.
      const rowsRead = planned.length;
      report = buildPreview(source, mapping, planned, converters, { units, issueRows: issues.count });
      planned.length = 0;
      env.tidy?.(true);
      await finished;
      writer = null;
      batchId = w.batchId;
      job.progress('导入完成', rowsRead, rowsRead, true);
    } else {
      // Nothing to write: no batch, and the backup taken for it is not kept. The lock is released before the
      // main process remembers the mapping on its own connection.
      if (w) await w.abort();
      writer = null;
      discardBackup = backup;
      backup = null;
      remember = mappingMemo(mapping);
    }
    if (!report) job.progress('导入完成', planned.length, planned.length, true);
    const result = report ?? buildPreview(source, mapping, planned, converters, { units: { ...units, toCreate: [] }, issueRows: issues.count });
    // Without a batch there is nowhere to fetch the 问题行 from later: the main process writes them now.
    return { result: { ...result, dryRun: false, batchId, backup, issuesFile: null }, remember, discardBackup, issues: batchId === null ? issues.sheet() : null };
  } catch (e) {
    await (writer as WriterClient | null)?.abort().catch(() => undefined);
    throw e;
  } finally {
    // Started but never given its work (nothing to write, a refusal, a cancel before the backup).
    (thread as WriterThread | null)?.end();
  }
}

/** Creates and updates of a planned chunk, as the writer takes them; a create's prepared row is let go. */
function toWriterRows(rows: PlannedRow[]): WriterRow[] {
  const out: WriterRow[] = [];
  for (const p of rows) {
    if (p.action === 'create') {
      out.push({ kind: 'create', values: createValues(p.prepared!.row) });
      p.prepared = null;
    } else if (p.action === 'update') {
      out.push({ kind: 'update', id: p.memberId as number, row: p.prepared!.row, before: p.before ?? {}, after: p.after ?? {} });
    }
  }
  return out;
}

/** What should happen to the clerk's mapping (see rememberMapping): null = they sent none, leave it. */
function mappingMemo(mapping: ResolvedMapping): MappingMemo | null {
  if (!mapping.explicit) return null;
  return { signature: mapping.signature, headers: mapping.first.columns.map((c) => c.header), overrides: mapping.overrides };
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
