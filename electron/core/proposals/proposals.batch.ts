/**
 * What a proposal-register import needs besides registerIn/actIn (proposals.service.ts, proposals.workflow.ts):
 * the rows it wrote carry `import_batch_id`, and `undoProposalBatchIn` takes them out again, as a whole or not
 * at all, inside the caller's transaction (the import's undo also marks the batch and takes the backup).
 *
 * Rule, like the member import's undo: a proposal the batch created goes only if nothing happened to it after
 * the import (no edit, no step, no attachment, nothing merged into it), and only if no proposal was registered
 * after it in the same series, so undoing never leaves a hole in the numbers people already use.
 */
import { writeAudit } from '../audit';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import * as batchRepo from './proposals.batch.repo';
import type { WriteScope } from '../imports/write-scope';

type BatchRow = batchRepo.BatchProposalRow;

function conflicts(db: DB, batchId: number, rows: BatchRow[]): string[] {
  const out: string[] = [];
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const label = `第${r.serial}号「${r.title}」`;
    const later = batchRepo.eventsOutsideBatch(db, r.id, batchId);
    const files = batchRepo.attachmentCount(db, r.id);
    const merged = batchRepo.mergedInto(db, r.id).filter((m) => !ids.has(m.id));
    const after = batchRepo.laterInSeries(db, r, batchId);
    if (later) out.push(`${label}导入后办理过`);
    else if (r.updated_at !== r.created_at) out.push(`${label}导入后被修改过`);
    else if (files) out.push(`${label}导入后添加了附件`);
    else if (merged.length) out.push(`${label}已有其他提案并入`);
    else if (after) out.push(`${label}之后又登记了 ${after} 件，撤销会留下空号`);
  }
  return out;
}

/** Removes the proposals, seconders and steps of one import batch; returns how many proposals went. */
export function undoProposalBatchIn(scope: WriteScope, batchId: number): number {
  const { db } = scope;
  const rows = batchRepo.batchProposals(db, batchId);
  const problems = conflicts(db, batchId, rows);
  if (problems.length) {
    const shown = problems.slice(0, 5).join('；');
    throw new AppError('CONFLICT', `不能撤销这次导入：${shown}${problems.length > 5 ? ` 等 ${problems.length} 件` : ''}。未做任何改动。`, {
      problems,
    });
  }
  // Merged-into links between proposals of the same batch go first, so no row points at one already gone.
  for (const r of rows) batchRepo.clearMergedInto(db, r.id);
  for (const r of [...rows].reverse()) {
    const before = batchRepo.rawProposal(db, r.id);
    batchRepo.deleteProposalWithParts(db, r.id);
    writeAudit(db, scope.actor, scope.now, { action: 'proposals.importUndo', entity: 'proposal', entityId: r.id, before, after: { batchId } });
  }
  return rows.length;
}
