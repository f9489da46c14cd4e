/** SQL of a proposal-register batch's undo (proposals.batch.ts): what happened to its items since, and their removal. */
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface BatchProposalRow {
  id: number;
  session_id: number;
  kind: string;
  serial: number;
  title: string;
  created_at: string;
  updated_at: string;
}

export function batchProposals(db: DB, batchId: number): BatchProposalRow[] {
  return stmt(db, 'SELECT id, session_id, kind, serial, title, created_at, updated_at FROM proposals WHERE import_batch_id = ? ORDER BY id').all(
    batchId,
  ) as BatchProposalRow[];
}

/** Steps of the proposal the batch did not write. */
export function eventsOutsideBatch(db: DB, proposalId: number, batchId: number): number {
  return (
    stmt(db, 'SELECT count(*) AS n FROM proposal_events WHERE proposal_id = ? AND (import_batch_id IS NULL OR import_batch_id <> ?)').get(proposalId, batchId) as {
      n: number;
    }
  ).n;
}

export function attachmentCount(db: DB, proposalId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM proposal_attachments WHERE proposal_id = ?').get(proposalId) as { n: number }).n;
}

export function mergedInto(db: DB, proposalId: number): { id: number }[] {
  return stmt(db, 'SELECT id FROM proposals WHERE merged_into_id = ?').all(proposalId) as { id: number }[];
}

/** Items registered after this one in its series (session and kind) by anything but the batch. */
export function laterInSeries(db: DB, r: Pick<BatchProposalRow, 'session_id' | 'kind' | 'serial'>, batchId: number): number {
  return (
    stmt(
      db,
      'SELECT count(*) AS n FROM proposals WHERE session_id = ? AND kind = ? AND serial > ? AND (import_batch_id IS NULL OR import_batch_id <> ?)',
    ).get(r.session_id, r.kind, r.serial, batchId) as { n: number }
  ).n;
}

export function clearMergedInto(db: DB, id: number): void {
  stmt(db, 'UPDATE proposals SET merged_into_id = NULL WHERE id = ?').run(id);
}

/** The whole row as stored, for the audit entry's "before". */
export function rawProposal(db: DB, id: number): unknown {
  return stmt(db, 'SELECT * FROM proposals WHERE id = ?').get(id);
}

export function deleteProposalWithParts(db: DB, id: number): void {
  stmt(db, 'DELETE FROM proposal_seconders WHERE proposal_id = ?').run(id);
  stmt(db, 'DELETE FROM proposal_events WHERE proposal_id = ?').run(id);
  stmt(db, 'DELETE FROM proposals WHERE id = ?').run(id);
}
