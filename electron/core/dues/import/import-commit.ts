/**
 * Preview, commit and undo of a wage / payment import (会费导入).
 *
 * Preview and dry run read and check every row and write nothing. A commit takes a backup ('pre-import') and
 * then, in ONE transaction: an import_batches row (kind 'dues'), every planned month row written with the batch
 * id, each row's values before kept in dues_import_rows, the remembered mapping and one audit entry. Undo puts
 * every row back as it was (or removes the ones the batch created), refused while any of them has changed since.
 */
import type { DuesImportCounts, DuesImportOptions, DuesImportPreview, DuesImportResult, DuesImportBatch, DuesPreviewRow } from '../../../../shared/contract/dues-imports';
import { periodLabel, periodMonths, yuan } from '../../../../shared/domain/dues';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import * as importRepo from '../../imports/imports.repo';
import { withJob, type Job } from '../../jobs';
import { importColumn, listedIssues, previewRows } from '../../imports/report';
import { columnLetter } from '../../spreadsheet/detect';
import { duesRule } from '../dues.service';
import { DUES_FIELD_LABELS, DUES_IMPORT_FIELDS, mapDuesColumns, type DuesFieldKey, type DuesMapping } from './dues-columns';
import { DuesLookups, DuesRowPlanner, type PlannedRow } from './import-rows';
import { forgetDuesSource, readDuesSheet, type DuesSource } from './import-source';
import { checkDuesUndo, DUES_IMPORT_KIND, duesImportWriteTask, duesUndoTask, type DuesWriteInput } from './import-write';
import { runInThread } from '../../threads/run-in-thread';
import { runJobInThread } from '../../threads/run-job';

const FIELD_KEYS = new Set<string>(DUES_IMPORT_FIELDS.map((f) => f.key));

interface Resolved {
  mapping: DuesMapping;
  source: 'detected' | 'remembered' | 'chosen';
  overrides: Record<string, DuesFieldKey | null>;
  explicit: boolean;
}

function resolveMapping(ctx: AppContext, source: DuesSource, given: Record<string, string | null> | undefined): Resolved {
  const headers = new Set(source.table.columns.map((c) => c.header));
  let overrides: Record<string, DuesFieldKey | null> = {};
  let from: Resolved['source'] = 'detected';
  if (given) {
    for (const [header, field] of Object.entries(given)) {
      if (!headers.has(header)) throw new AppError('VALIDATION', `表头中没有「${header}」这一列`);
      if (field !== null && !FIELD_KEYS.has(field)) throw new AppError('VALIDATION', `不认识的字段「${field}」`);
      overrides[header] = field as DuesFieldKey | null;
    }
    from = Object.keys(overrides).length ? 'chosen' : 'detected';
  } else {
    const remembered = importRepo.getMapping(ctx.db, DUES_IMPORT_KIND, source.signature);
    if (remembered) {
      overrides = Object.fromEntries(Object.entries(remembered).filter(([h, f]) => headers.has(h) && (f === null || FIELD_KEYS.has(f)))) as Record<string, DuesFieldKey | null>;
      from = 'remembered';
    }
  }
  return { mapping: mapDuesColumns(source.table.columns, overrides), source: from, overrides, explicit: given !== undefined };
}

type Input = DuesImportOptions & { dryRun?: boolean };

async function analyse(ctx: AppContext, input: Input, job: Job) {
  const period = String(input.period).trim().toUpperCase();
  const months = periodMonths(period);
  if (!months) throw new AppError('VALIDATION', `期间「${period}」不对，应为 YYYY-MM、YYYY-Qn、YYYY-H1/H2 或 YYYY`);
  const source = await readDuesSheet(ctx, input.token, input.sheet, job);
  const resolved = resolveMapping(ctx, source, input.overrides);
  const look = new DuesLookups(ctx.db, months);
  const planner = new DuesRowPlanner(look, resolved.mapping, source.sheet, months, duesRule(ctx), ctx.clock(), columnLetter);
  const planned: PlannedRow[] = [];
  const total = source.table.records.length;
  if (!resolved.mapping.blockers.length) {
    for (const rec of source.table.records) {
      planned.push(planner.plan(rec));
      if (planned.length % 500 === 0) {
        job.progress('正在核对会员与会费', planned.length, total);
        await job.yield();
      }
    }
  }
  job.progress('正在核对会员与会费', total, total, true);
  return { period, months, source, resolved, planned };
}
type Analysis = Awaited<ReturnType<typeof analyse>>;

function countsOf(planned: PlannedRow[]): DuesImportCounts {
  const c: DuesImportCounts = { rowsRead: planned.length, updated: 0, unchanged: 0, skipped: 0, monthsWritten: 0, monthsPaid: 0, paidFen: 0, errorRows: 0, warningRows: 0 };
  for (const p of planned) {
    c[p.action === 'update' ? 'updated' : p.action === 'unchanged' ? 'unchanged' : 'skipped']++;
    if (p.action !== 'skip') {
      c.monthsWritten += p.writes.length;
      c.monthsPaid += p.paidMonths.length;
      c.paidFen += p.paidMonths.length ? (p.paidFen ?? 0) : 0;
    }
    if (p.errors.length) c.errorRows++;
    if (p.warnings.length) c.warningRows++;
  }
  return c;
}

function previewOf(a: Analysis): DuesImportPreview {
  const m = a.resolved.mapping;
  const has = (f: DuesFieldKey) => m.columns.some((c) => c.field === f);
  const row = (p: PlannedRow): DuesPreviewRow => ({
    excelRow: p.excelRow,
    action: p.action,
    memberId: p.memberId,
    name: p.name,
    note: p.action === 'skip' ? (p.errors[0]?.message ?? null) : p.note,
    wageFen: p.wageFen,
    dueFen: p.dueFen,
    paidFen: p.paidMonths.length ? p.paidFen : null,
    months: p.writes.map((w) => w.period),
    paidMonths: p.paidMonths,
    cells: m.columns.map((c) => ({ raw: p.record.cells[c.index]?.text ?? '', value: c.field ? (p.shown.get(c.index) ?? '') : '' })),
    errors: p.errors,
    warnings: p.warnings,
  });
  const { errors, warnings, more } = listedIssues(a.planned, (p) => p);
  return {
    fileName: a.source.fileName,
    format: a.source.format,
    sheets: a.source.sheets,
    sheet: a.source.sheet,
    headerRows: a.source.table.headerRows,
    notes: [...a.source.table.notes],
    signature: a.source.signature,
    mappingSource: a.resolved.source,
    columns: m.columns.map((c) => {
      const hints = [c.note, c.field && c.confidence > 0 && c.confidence < 1 && !c.userChosen ? '按相近的列名推断，请核对' : null].filter(Boolean);
      return importColumn(c, c.field ? DUES_FIELD_LABELS[c.field] : null, hints.length ? hints.join('；') : null);
    }),
    fields: DUES_IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label })),
    blockers: m.blockers,
    period: a.period,
    periodLabel: periodLabel(a.period),
    months: a.months,
    kind: has('wage') && has('paid') ? 'both' : has('wage') ? 'wage' : has('paid') ? 'payment' : null,
    counts: countsOf(a.planned),
    rows: previewRows(a.planned, (p) => p, row),
    errors,
    warnings,
    moreIssues: more,
  };
}

export async function previewDuesImport(ctx: AppContext, input: DuesImportOptions): Promise<DuesImportPreview> {
  return withJob(ctx, input.jobId, async (job) => previewOf(await analyse(ctx, input, job)));
}

function summaryOf(a: Analysis): importRepo.BatchSummary & { period: string; monthsWritten: number; monthsPaid: number; paidFen: number } {
  const c = countsOf(a.planned);
  return {
    rowsRead: c.rowsRead,
    created: 0,
    updated: c.updated,
    unchanged: c.unchanged,
    skipped: c.skipped,
    sheets: [a.source.sheet],
    headerRows: a.source.table.headerRows,
    signature: a.source.signature,
    skippedRows: a.planned.filter((p) => p.action === 'skip').map((p) => ({ sheet: a.source.sheet, row: p.excelRow, reason: p.errors.map((e) => e.message).join('；') })),
    period: a.period,
    monthsWritten: c.monthsWritten,
    monthsPaid: c.monthsPaid,
    paidFen: c.paidFen,
  };
}

export async function commitDuesImport(ctx: AppContext, input: Input): Promise<DuesImportResult> {
  return withJob(ctx, input.jobId, async (job) => {
    const a = await analyse(ctx, input, job);
    const preview = previewOf(a);
    if (input.dryRun) return { ...preview, dryRun: true, batchId: null, backup: null };
    if (preview.blockers.length) throw new AppError('VALIDATION', preview.blockers.join('；'));
    const toWrite = a.planned.filter((p) => p.action === 'update');
    let backup: string | null = null;
    let batchId: number | null = null;
    if (toWrite.length) {
      job.progress('正在备份数据', 0, null, true);
      backup = (await ctx.backup('pre-import')).name;
      job.check();
      batchId = await writeBatch(ctx, a, toWrite, job);
    } else if (a.resolved.explicit) {
      ctx.db.transaction(() => rememberMapping(ctx, a))();
    }
    forgetDuesSource(ctx);
    job.progress('导入完成', a.planned.length, a.planned.length, true);
    return { ...preview, dryRun: false, batchId, backup };
  });
}

function rememberMapping(ctx: AppContext, a: Analysis): void {
  const m = mappingToRemember(a);
  if (m) importRepo.rememberMapping(ctx.db, DUES_IMPORT_KIND, m.signature, m.headers, m.overrides, ctx.clock().toISOString());
}

const mappingToRemember = (a: Analysis): DuesWriteInput['mapping'] =>
  a.resolved.explicit ? { signature: a.source.signature, headers: a.source.table.columns.map((c) => c.header), overrides: a.resolved.overrides } : null;

/** The batch is written by the task thread (import-write.ts), the window drawing meanwhile. */
function writeBatch(ctx: AppContext, a: Analysis, rows: PlannedRow[], job: Job): Promise<number> {
  const writes = rows.flatMap((p) => p.writes.map((w) => ({ after: w.after, before: w.before })));
  return runInThread(ctx, job, duesImportWriteTask, { fileName: a.source.fileName, sheet: a.source.sheet, summary: summaryOf(a), writes, mapping: mappingToRemember(a), rows: rows.length });
}

export function listDuesImportBatches(ctx: AppContext): DuesImportBatch[] {
  return importRepo.listBatches(ctx.db, DUES_IMPORT_KIND).map((b) => {
    const s = JSON.parse(b.summary_json) as Partial<ReturnType<typeof summaryOf>>;
    return {
      id: b.id,
      fileName: b.file_name,
      sheet: b.sheet,
      period: s.period ?? null,
      createdAt: b.created_at,
      actor: b.actor,
      updated: s.updated ?? 0,
      skipped: s.skipped ?? 0,
      monthsWritten: s.monthsWritten ?? 0,
      undoneAt: b.undone_at,
    };
  });
}

export async function undoDuesImport(ctx: AppContext, batchId: number): Promise<{ batchId: number; restored: number; removed: number; backup: string }> {
  checkDuesUndo(ctx.db, batchId);
  const backup = (await ctx.backup('pre-undo-import')).name;
  return runJobInThread(ctx, undefined, duesUndoTask, { batchId, backup });
}

/** The CLI's and the result page's one-line summary. */
export const countsLine = (c: DuesImportCounts, dryRun: boolean): string =>
  `读取 ${c.rowsRead} 行：${dryRun ? '将' : ''}更新 ${c.updated} 人（${c.monthsWritten} 个月的记录，其中登记缴纳 ${c.monthsPaid} 个月、实缴 ${yuan(c.paidFen)} 元），无变化 ${c.unchanged} 人，跳过 ${c.skipped} 行。`;
