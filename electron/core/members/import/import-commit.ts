/**
 * Preview and commit of a roster import.
 *
 * Both read the file, convert and plan every row while yielding to the event loop between chunks (the window
 * stays responsive and imports.cancel is heard). A commit then takes a backup ('pre-import') and writes every
 * valid row in ONE transaction — all or nothing — with the batch id: new members through BulkMemberWriter
 * (row, search index, 入会 event, like a typed one; the batch's audit entry stands for them), updated ones
 * through updatePrepared (an audit entry each, and the replaced values in import_batch_changes for the undo).
 * Rows with errors are skipped and listed in the result and in the batch summary. A cancelled job writes
 * nothing.
 */
import type { ImportOptions, ImportPreview, ImportResult } from '../../../../shared/contract/imports';
import { writeAudit } from '../../audit';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { writeStamp } from '../../db/stmt';
import { BulkMemberWriter } from '../members.bulk';
import { updatePrepared } from '../members.service';
import * as repo from '../members.repo';
import * as importRepo from './import.repo';
import { CANCELLED_MESSAGE, startJob, type Job } from './import-jobs';
import { planRow, Planner, PRELOAD_ABOVE, type PlannedRow, PlanLookups } from './import-plan';
import { buildPreview, countsOf, PREVIEW_FIRST_ROWS, PREVIEW_MAX_ROWS } from './import-report';
import { addIssue, resolveMapping, sheetConverter, type Converters, type MaskedIdPolicy } from './import-rows';
import type { DetectedRecord } from '../../spreadsheet/detect';
import { forgetSource, readChosen } from './import-source';

export interface ImportInput {
  token: string;
  sheets?: string[] | undefined;
  overrides?: Record<string, string | null> | undefined;
  maskedIds?: MaskedIdPolicy | undefined;
  jobId?: string | undefined;
}

/** Test seams: a failure injected at a given row proves the transaction leaves nothing behind. */
export interface CommitHooks {
  beforeWrite?(index: number): void;
}

const WRITE_CHUNK = 2000;

async function analyse(ctx: AppContext, input: ImportInput, job: Job) {
  const source = await readChosen(ctx, input.token, input.sheets, job);
  const mapping = resolveMapping(ctx, source.chosen, input.overrides);
  const total = source.chosen.reduce((n, s) => n + s.table.records.length, 0);
  const stamp = writeStamp(ctx.db);
  const planner = new Planner(ctx.db, ctx.clock(), total > PRELOAD_ABOVE);
  const converters: Converters = new Map();
  const planned: PlannedRow[] = [];
  let shown = 0;
  for (const sheet of source.chosen) {
    const { toRow, full } = sheetConverter(ctx, sheet, mapping, input.maskedIds ?? 'skip');
    converters.set(sheet.name, full);
    const records = sheet.table.records as (DetectedRecord | null)[];
    for (let i = 0; i < records.length; i++) {
      const row = toRow(records[i] as DetectedRecord);
      const p = planner.add(row);
      planned.push(p);
      // Only an update may be planned again at write time (its member edited meanwhile); the others' sheet
      // values are in `prepared` or no longer needed.
      if (p.action !== 'update') row.fields = {};
      // Memory: a large file (not kept for the next preview) keeps only the records a preview may show.
      const mayShow = planned.length <= PREVIEW_FIRST_ROWS || ((row.errors.length > 0 || row.warnings.length > 0) && shown < PREVIEW_MAX_ROWS);
      if (mayShow) shown++;
      else if (!source.cached) {
        row.record = null;
        records[i] = null;
      }
      if ((planned.length & 0x7ff) === 0) {
        job.progress('正在核对数据', planned.length, total);
        await job.yield();
      }
    }
  }
  job.progress('正在核对数据', planned.length, total, true);
  return { source, mapping, planned, converters, stamp };
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
  try {
    const { source, mapping, planned, converters, stamp } = await analyse(ctx, input, job);
    const blockers = buildPreview(source, mapping, []).blockers;
    if (input.dryRun) {
      job.progress('检查完成（未写入）', planned.length, planned.length, true);
      return { ...buildPreview(source, mapping, planned, converters), dryRun: true, batchId: null, backup: null };
    }
    if (blockers.length) throw new AppError('VALIDATION', blockers.join('；'));
    const toWrite = planned.filter((p) => p.action === 'create' || p.action === 'update');
    let backup: string | null = null;
    let batchId: number | null = null;
    if (toWrite.length) {
      job.progress('正在备份数据', 0, null, true);
      backup = (await ctx.backup('pre-import')).name;
      job.check();
      const sheets = source.chosen.map((s) => s.name);
      const checked = writeStamp(ctx.db) === stamp;
      batchId = writeBatch(ctx, source.fileName, sheets, source.chosen[0]!.table.headerRows, mapping, planned, job, hooks, checked);
      ctx.optimize();
    } else {
      rememberMapping(ctx, mapping);
    }
    forgetSource(ctx);
    job.progress('导入完成', planned.length, planned.length, true);
    return { ...buildPreview(source, mapping, planned, converters), dryRun: false, batchId, backup };
  } catch (e) {
    throw cancelledAsOne(e);
  } finally {
    job.end();
  }
}

/** The sheet column a member rule's refusal is about (its first issue's field), so the report points at it. */
function fieldOfError(e: AppError): string | null {
  const issues = (e.details as { issues?: { path: (string | number)[] }[] } | undefined)?.issues;
  const field = issues?.[0]?.path.at(-1);
  return typeof field === 'string' ? (field === 'groupId' ? 'group' : field) : null;
}

/** A cancel seen by the reader or by the job reads the same to the clerk. */
const cancelledAsOne = (e: unknown): unknown =>
  e instanceof AppError && e.code === 'CANCELLED' ? new AppError('CANCELLED', CANCELLED_MESSAGE) : e;

/** A mapping the clerk sent is remembered for this header; an empty one forgets what was remembered. */
function rememberMapping(ctx: AppContext, mapping: ReturnType<typeof resolveMapping>): void {
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

/**
 * The one write transaction. A row whose member was edited after it was planned (the planning yielded) is
 * planned again here, synchronously, so nobody's edit is overwritten with stale values. A row the member
 * rules refuse at this point (a number taken meanwhile) is skipped with its message, never dropped.
 */
function writeBatch(
  ctx: AppContext,
  fileName: string,
  sheets: string[],
  headerRows: number[],
  mapping: ReturnType<typeof resolveMapping>,
  planned: PlannedRow[],
  job: Job,
  hooks: CommitHooks,
  checked: boolean,
): number {
  const db = ctx.db;
  const now = ctx.clock();
  const actor = ctx.actor();
  const look = new PlanLookups(db);
  const order = writeOrder(planned);
  return db.transaction(() => {
    const batchId = importRepo.insertBatch(db, {
      kind: 'members',
      fileName,
      sheet: sheets.join('、'),
      at: now.toISOString(),
      actor,
      summary: summaryOf(planned, sheets, headerRows, mapping),
    });
    const scope = { db, actor, now, batchId };
    const creator = new BulkMemberWriter(scope, checked);
    job.progress('正在写入会员档案', 0, order.length, true);
    let written = 0;
    for (const i of order) {
      let p = planned[i] as PlannedRow;
      if (p.action !== 'create' && p.action !== 'update') continue;
      hooks.beforeWrite?.(written);
      if (p.action === 'update') {
        const current = repo.getMemberRow(db, p.memberId as number);
        if (!current || current.updated_at !== p.memberUpdatedAt) p = planned[i] = planRow(db, p.row, look, now);
      }
      try {
        if (p.action === 'create') creator.insert(p.prepared!);
        else if (p.action === 'update') {
          updatePrepared(scope, p.memberId as number, p.prepared!, '导入花名册');
          importRepo.insertChange(db, batchId, p.memberId as number, p.before ?? {}, p.after ?? {});
        }
      } catch (e) {
        if (!(e instanceof AppError) || (e.code !== 'CONFLICT' && e.code !== 'VALIDATION' && e.code !== 'NOT_FOUND')) throw e;
        // The member rules check before they write, so a refusal leaves nothing of this row behind.
        addIssue(p.row, 'errors', fieldOfError(e), e.message);
        planned[i] = { ...p, action: 'skip', note: e.message, prepared: null };
      }
      // Inside the transaction the event loop is blocked; the events still leave (IPC and SSE write at once).
      if (++written % WRITE_CHUNK === 0) job.progress('正在写入会员档案', written, order.length, true);
    }
    creator.finish();
    const summary = summaryOf(planned, sheets, headerRows, mapping);
    importRepo.setBatchSummary(db, batchId, summary);
    rememberMapping(ctx, mapping);
    const { skippedRows: _rows, ...counts } = summary;
    writeAudit(db, actor, now, { action: 'imports.commit', entity: 'import_batch', entityId: batchId, after: { fileName, ...counts } });
    return batchId;
  })();
}

/**
 * Updates first, then new members in 拼音 order: the sort-key and pinyin indexes (and the rowids the list pages
 * by) then grow at their end instead of at random places, which keeps the one big transaction's pages hot.
 */
function writeOrder(planned: PlannedRow[]): number[] {
  const updates: number[] = [];
  const creates: number[] = [];
  planned.forEach((p, i) => {
    if (p.action === 'update') updates.push(i);
    else if (p.action === 'create') creates.push(i);
  });
  const keyed = creates.map((i) => ({ i, key: (planned[i] as PlannedRow).prepared!.row.sort_key }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return [...updates, ...keyed.map((k) => k.i)];
}

function summaryOf(planned: PlannedRow[], sheets: string[], headerRows: number[], mapping: ReturnType<typeof resolveMapping>): importRepo.BatchSummary {
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
