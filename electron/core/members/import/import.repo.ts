/** SQL of the import: batches, the before/after values of updated members, remembered mappings, the undo's checks. */
import type { DB } from '../../db/open';
import { stmt } from '../../db/stmt';

export interface BatchRow {
  id: number;
  kind: string;
  file_name: string;
  sheet: string | null;
  created_at: string;
  actor: string;
  summary_json: string;
  undone_at: string | null;
}

export interface BatchSummary {
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  sheets: string[];
  headerRows: number[];
  signature: string;
  /** Rows not imported, with why (every one of them: nothing is dropped silently). */
  skippedRows: { sheet: string; row: number; reason: string }[];
}

export function insertBatch(db: DB, b: { kind: string; fileName: string; sheet: string | null; at: string; actor: string; summary: BatchSummary }): number {
  const info = stmt(db, 'INSERT INTO import_batches (kind, file_name, sheet, created_at, actor, summary_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    b.kind,
    b.fileName,
    b.sheet,
    b.at,
    b.actor || '未署名',
    JSON.stringify(b.summary),
  );
  return Number(info.lastInsertRowid);
}

export function setBatchSummary(db: DB, id: number, summary: BatchSummary): void {
  stmt(db, 'UPDATE import_batches SET summary_json = ? WHERE id = ?').run(JSON.stringify(summary), id);
}

export function getBatch(db: DB, id: number): BatchRow | undefined {
  return stmt(db, 'SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
}

export function listBatches(db: DB, kind: string, limit = 200): BatchRow[] {
  return stmt(db, 'SELECT * FROM import_batches WHERE kind = ? ORDER BY id DESC LIMIT ?').all(kind, limit) as BatchRow[];
}

export function markUndone(db: DB, id: number, at: string): void {
  stmt(db, 'UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
}

export function insertChange(db: DB, batchId: number, memberId: number, before: Record<string, unknown>, after: Record<string, unknown>): void {
  stmt(db, 'INSERT INTO import_batch_changes (batch_id, member_id, before_json, after_json) VALUES (?, ?, ?, ?)').run(
    batchId,
    memberId,
    JSON.stringify(before),
    JSON.stringify(after),
  );
}

export interface ChangeRow {
  member_id: number;
  before_json: string;
  after_json: string;
}

export function listChanges(db: DB, batchId: number): ChangeRow[] {
  return stmt(db, 'SELECT member_id, before_json, after_json FROM import_batch_changes WHERE batch_id = ?').all(batchId) as ChangeRow[];
}

export function getMapping(db: DB, kind: string, signature: string): Record<string, string | null> | null {
  const row = stmt(db, 'SELECT overrides_json FROM import_mappings WHERE kind = ? AND signature = ?').get(kind, signature) as
    | { overrides_json: string }
    | undefined;
  return row ? (JSON.parse(row.overrides_json) as Record<string, string | null>) : null;
}

export function saveMapping(db: DB, kind: string, signature: string, headers: string[], overrides: Record<string, string | null>, at: string): void {
  stmt(
    db,
    `INSERT INTO import_mappings (kind, signature, headers_json, overrides_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, signature) DO UPDATE SET headers_json = excluded.headers_json, overrides_json = excluded.overrides_json,
       updated_at = excluded.updated_at`,
  ).run(kind, signature, JSON.stringify(headers), JSON.stringify(overrides), at);
}

export function deleteMapping(db: DB, kind: string, signature: string): void {
  stmt(db, 'DELETE FROM import_mappings WHERE kind = ? AND signature = ?').run(kind, signature);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables (other than the member's own history and search rows) whose rows point at members. */
function memberReferences(db: DB): { table: string; column: string }[] {
  const own = new Set(['members', 'member_events', 'member_name_grams', 'import_batch_changes']);
  const rows = stmt(
    db,
    `SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
     WHERE m.type = 'table' AND f."table" = 'members'`,
  ).all() as { tbl: string; col: string }[];
  const out = rows.filter((r) => !own.has(r.tbl)).map((r) => ({ table: r.tbl, column: r.col }));
  // 小组长 is a member id without a declared foreign key (the unit table came first).
  out.push({ table: 'union_units', column: 'leader_member_id' });
  return out;
}

/** Live members the batch created that another record (提案, 代表, 小组长 …) points at. */
export function referencedBatchMembers(db: DB, batchId: number): Set<number> {
  const out = new Set<number>();
  for (const { table, column } of memberReferences(db)) {
    const hits = db
      .prepare(
        `SELECT DISTINCT ${quote(column)} AS id FROM ${quote(table)}
         WHERE ${quote(column)} IN (SELECT id FROM members WHERE import_batch_id = ? AND deleted_at IS NULL)`,
      )
      .all(batchId) as { id: number }[];
    for (const h of hits) out.add(h.id);
  }
  return out;
}

/** Members the batch created that have an event the batch did not write. */
export function membersWithOtherEvents(db: DB, batchId: number): Set<number> {
  const rows = stmt(
    db,
    `SELECT DISTINCT e.member_id AS id FROM members m JOIN member_events e ON e.member_id = m.id
     WHERE m.import_batch_id = ? AND (e.import_batch_id IS NULL OR e.import_batch_id <> ?)`,
  ).all(batchId, batchId) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

export function deleteBatchEvents(db: DB, batchId: number): void {
  stmt(db, 'DELETE FROM member_events WHERE import_batch_id = ?').run(batchId);
}
