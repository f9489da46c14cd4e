/**
 * Preview, commit and undo of a proposal register import.
 *
 * Preview and dry run read and check every row and write nothing. A commit takes a backup ('pre-import')
 * and then writes every valid row in ONE transaction with an import_batches row (kind 'proposals'): each row
 * through registerIn (numbers in file order, seconder rule, 登记 event, audit) and its replayed steps through
 * actIn, all tagged with the batch id. A row the rules refuse at write time (someone changed the lists
 * meanwhile) is rolled back to its savepoint and listed as skipped; any other failure rolls back the whole
 * batch. Undo takes the batch out as a whole through undoProposalBatchIn, or refuses and changes nothing.
 */
import type { ProposalImportOptions, ProposalImportPreview, ProposalImportResult } from '../../../../shared/contract/proposal-imports';
import { todayIso } from '../../../../shared/domain/dates';
import { writeAudit } from '../../audit';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import * as importRepo from '../../imports/imports.repo';
import { withJob, type Job } from '../../jobs';
import { undoProposalBatchIn } from '../proposals.batch';
import { registerIn } from '../proposals.service';
import { actIn } from '../proposals.workflow';
import { requireSession } from '../sessions.service';
import type { WriteScope } from '../../imports/write-scope';
import { ImportLookups } from './import-lookups';
import { buildPreview, countsOf, MAPPING_KIND, rememberMapping, resolveMapping } from './import-report';
import { RowPlanner, type PlannedRow } from './import-rows';
import { forgetProposalSource, readProposalSheet } from './import-source';
import * as proposalsRepo from '../proposals.repo';

export type ProposalImportInput = Omit<ProposalImportOptions, 'replayHistory'> & { replayHistory?: boolean | undefined };

/** Test seam: a failure injected before the n-th row is written proves the transaction leaves nothing behind. */
export interface CommitHooks {
  beforeWrite?(index: number): void;
}

/** What a batch remembers besides the member import's summary fields. */
interface ProposalBatchSummary extends importRepo.BatchSummary {
  sessionId: number;
  sessionLabel: string;
  proposals: number;
  opinions: number;
}

async function analyse(ctx: AppContext, input: ProposalImportInput, job: Job) {
  const session = requireSession(ctx.db, input.sessionId);
  const source = await readProposalSheet(ctx, input.token, input.sheet, job);
  const resolved = resolveMapping(ctx, source, input.overrides);
  const replay = input.replayHistory ?? true;
  const look = new ImportLookups(ctx.db, session);
  const planner = new RowPlanner(look, resolved.mapping, source.sheet, { replay, today: todayIso(ctx.clock()) });
  const planned: PlannedRow[] = [];
  const total = source.table.records.length;
  for (const rec of source.table.records) {
    planned.push(planner.plan(rec));
    if (planned.length % 200 === 0) {
      job.progress('正在核对提案', planned.length, total);
      await job.yield();
    }
  }
  job.progress('正在核对提案', total, total, true);
  const preview = () => buildPreview(source, resolved, look, planned, planner.fixes, replay);
  return { source, resolved, look, planned, preview };
}

export async function previewProposalImport(ctx: AppContext, input: ProposalImportInput): Promise<ProposalImportPreview> {
  return withJob(ctx, input.jobId, async (job) => (await analyse(ctx, input, job)).preview());
}

export async function commitProposalImport(
  ctx: AppContext,
  input: ProposalImportInput & { dryRun?: boolean },
  hooks: CommitHooks = {},
): Promise<ProposalImportResult> {
  return withJob(ctx, input.jobId, async (job) => {
    const a = await analyse(ctx, input, job);
    const first = a.preview();
    if (input.dryRun) {
      job.progress('检查完成（未写入）', a.planned.length, a.planned.length, true);
      return { ...first, dryRun: true, batchId: null, backup: null };
    }
    if (first.blockers.length) throw new AppError('VALIDATION', first.blockers.join('；'));
    const toWrite = a.planned.filter((p) => p.action !== 'skip');
    let backup: string | null = null;
    let batchId: number | null = null;
    if (toWrite.length) {
      job.progress('正在备份数据', 0, null, true);
      backup = (await ctx.backup('pre-import')).name;
      job.check();
      batchId = writeBatch(ctx, a, input.sessionId, job, hooks);
    } else {
      ctx.db.transaction(() => rememberMapping(ctx, a.source, a.resolved))();
    }
    forgetProposalSource(ctx);
    job.progress('导入完成', a.planned.length, a.planned.length, true);
    return { ...a.preview(), dryRun: false, batchId, backup };
  });
}

type Analysis = Awaited<ReturnType<typeof analyse>>;

function summaryOf(a: Analysis): ProposalBatchSummary {
  const c = countsOf(a.planned);
  return {
    rowsRead: c.rowsRead,
    created: c.proposals + c.opinions,
    updated: 0,
    unchanged: 0,
    skipped: c.skipped,
    sheets: [a.source.sheet],
    headerRows: a.source.table.headerRows,
    signature: a.source.signature,
    skippedRows: a.planned.filter((p) => p.action === 'skip').map((p) => ({ sheet: a.source.sheet, row: p.excelRow, reason: p.note ?? '' })),
    sessionId: a.look.session.id,
    sessionLabel: a.look.label,
    proposals: c.proposals,
    opinions: c.opinions,
  };
}

const REFUSALS = new Set(['VALIDATION', 'CONFLICT', 'NOT_FOUND']);
const refused = (e: unknown): e is AppError => e instanceof AppError && REFUSALS.has(e.code);

function writeBatch(ctx: AppContext, a: Analysis, sessionId: number, job: Job, hooks: CommitHooks): number {
  const { db } = ctx;
  const now = ctx.clock();
  const actor = ctx.actor();
  return db.transaction(() => {
    const batchId = importRepo.insertBatch(db, {
      kind: MAPPING_KIND,
      fileName: a.source.fileName,
      sheet: a.source.sheet,
      at: now.toISOString(),
      actor,
      summary: summaryOf(a),
    });
    const scope: WriteScope = { db, actor, now, batchId };
    const total = a.planned.length;
    let written = 0;
    job.progress('正在登记提案', 0, total, true);
    a.planned.forEach((p, i) => {
      if (p.action === 'skip' || !p.fields) return;
      hooks.beforeWrite?.(written++);
      let id: number;
      try {
        // A savepoint per row: a refusal takes back exactly this row.
        id = db.transaction(() => registerIn(scope, sessionId, p.fields!).id)();
      } catch (e) {
        if (!refused(e)) throw e;
        a.planned[i] = { ...p, action: 'skip', fields: null, steps: [], stepLabels: [], number: null, note: e.message };
        a.planned[i]!.errors.push({ sheet: a.source.sheet, row: p.excelRow, column: '', header: '', message: `登记时被拒绝：${e.message}` });
        return;
      }
      const done: string[] = [];
      for (const [k, step] of p.steps.entries()) {
        try {
          db.transaction(() => actIn(scope, { ...step, proposalId: id }))();
          done.push(p.stepLabels[k]!);
        } catch (e) {
          if (!refused(e)) throw e;
          p.warnings.push({ sheet: a.source.sheet, row: p.excelRow, column: '', header: '', message: `「${p.stepLabels[k]}」未能补记：${e.message}` });
          break;
        }
      }
      const row = proposalsRepo.kindAndSerial(db, id);
      a.planned[i] = { ...p, number: a.look.numberOf(row.kind, row.serial), stepLabels: done, steps: p.steps.slice(0, done.length) };
      if ((i + 1) % 200 === 0) job.progress('正在登记提案', i + 1, total);
    });
    const summary = summaryOf(a);
    importRepo.setBatchSummary(db, batchId, summary);
    rememberMapping(ctx, a.source, a.resolved);
    const { skippedRows: _rows, ...counts } = summary;
    writeAudit(db, actor, now, {
      action: 'proposals.importCommit',
      entity: 'import_batch',
      entityId: batchId,
      after: { fileName: a.source.fileName, ...counts },
    });
    return batchId;
  })();
}

const ROLLBACK = Symbol('rollback');

export async function undoProposalImport(ctx: AppContext, batchId: number): Promise<{ batchId: number; removed: number; backup: string }> {
  const check = () => {
    const batch = importRepo.getBatch(ctx.db, batchId);
    if (!batch || batch.kind !== MAPPING_KIND) throw new AppError('NOT_FOUND', `找不到编号为 ${batchId} 的提案导入记录`);
    if (batch.undone_at) throw new AppError('CONFLICT', `这次导入已于 ${batch.undone_at.slice(0, 16).replace('T', ' ')} 撤销过`);
    return batch;
  };
  const scope = (): WriteScope => ({ db: ctx.db, actor: ctx.actor(), now: ctx.clock(), batchId });
  check();
  // A trial run, rolled back, so a refusal comes before the backup (undoProposalBatchIn checks before it writes).
  try {
    ctx.db.transaction(() => {
      undoProposalBatchIn(scope(), batchId);
      throw ROLLBACK;
    })();
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  const backup = (await ctx.backup('pre-undo-import')).name;
  return ctx.db.transaction(() => {
    const batch = check();
    const s = scope();
    const removed = undoProposalBatchIn(s, batchId);
    importRepo.markUndone(ctx.db, batchId, s.now.toISOString());
    writeAudit(ctx.db, s.actor, s.now, {
      action: 'proposals.importUndo',
      entity: 'import_batch',
      entityId: batchId,
      before: { fileName: batch.file_name, createdAt: batch.created_at },
      after: { removed, backup },
    });
    return { batchId, removed, backup };
  })();
}
