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
import { stmt } from '../db/stmt';
import type { WriteScope } from './write-scope';

interface BatchRow {
  id: number;
  session_id: number;
  kind: string;
  serial: number;
  title: string;
  created_at: string;
  updated_at: string;
}

function conflicts(db: DB, batchId: number, rows: BatchRow[]): string[] {
  const out: string[] = [];
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const label = `第${r.serial}号「${r.title}」`;
    const later = stmt(db, 'SELECT count(*) AS n FROM proposal_events WHERE proposal_id = ? AND (import_batch_id IS NULL OR import_batch_id <> ?)').get(
      r.id,
      batchId,
    ) as { n: number };
    const files = stmt(db, 'SELECT count(*) AS n FROM proposal_attachments WHERE proposal_id = ?').get(r.id) as { n: number };
    const merged = (stmt(db, 'SELECT id FROM proposals WHERE merged_into_id = ?').all(r.id) as { id: number }[]).filter((m) => !ids.has(m.id));
    const after = stmt(
      db,
      'SELECT count(*) AS n FROM proposals WHERE session_id = ? AND kind = ? AND serial > ? AND (import_batch_id IS NULL OR import_batch_id <> ?)',
    ).get(r.session_id, r.kind, r.serial, batchId) as { n: number };
    if (later.n) out.push(`${label}导入后办理过`);
    else if (r.updated_at !== r.created_at) out.push(`${label}导入后被修改过`);
    else if (files.n) out.push(`${label}导入后添加了附件`);
    else if (merged.length) out.push(`${label}已有其他提案并入`);
    else if (after.n) out.push(`${label}之后又登记了 ${after.n} 件，撤销会留下空号`);
  }
  return out;
}

/** Removes the proposals, seconders and steps of one import batch; returns how many proposals went. */
export function undoProposalBatchIn(scope: WriteScope, batchId: number): number {
  const { db } = scope;
  const rows = stmt(db, 'SELECT id, session_id, kind, serial, title, created_at, updated_at FROM proposals WHERE import_batch_id = ? ORDER BY id').all(
    batchId,
  ) as BatchRow[];
  const problems = conflicts(db, batchId, rows);
  if (problems.length) {
    const shown = problems.slice(0, 5).join('；');
    throw new AppError('CONFLICT', `不能撤销这次导入：${shown}${problems.length > 5 ? ` 等 ${problems.length} 件` : ''}。未做任何改动。`, {
      problems,
    });
  }
  // Merged-into links between proposals of the same batch go first, so no row points at one already gone.
  for (const r of rows) stmt(db, 'UPDATE proposals SET merged_into_id = NULL WHERE id = ?').run(r.id);
  for (const r of [...rows].reverse()) {
    const before = stmt(db, 'SELECT * FROM proposals WHERE id = ?').get(r.id);
    stmt(db, 'DELETE FROM proposal_seconders WHERE proposal_id = ?').run(r.id);
    stmt(db, 'DELETE FROM proposal_events WHERE proposal_id = ?').run(r.id);
    stmt(db, 'DELETE FROM proposals WHERE id = ?').run(r.id);
    writeAudit(db, scope.actor, scope.now, { action: 'proposals.importUndo', entity: 'proposal', entityId: r.id, before, after: { batchId } });
  }
  return rows.length;
}
