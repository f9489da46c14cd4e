/** SQL of the roster import only: the before/after values of updated members and the undo's checks. */
import type { DB } from '../../db/open';
import { stmt } from '../../db/stmt';

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

/** Every live member's match keys at once, for a large file (one scan instead of three lookups a row). */
export function liveMemberKeys(db: DB): [number, string | null, string | null, string | null][] {
  return db.prepare('SELECT id, id_number, member_no, staff_no FROM members WHERE deleted_at IS NULL').raw().all() as [number, string | null, string | null, string | null][];
}

/** Group names to ids (live ones only, to match a file's 所在小组) or every id to its name (to show a diff). */
export function unitNames(db: DB, liveOnly: boolean): { id: number; name: string; parent_id: number | null; kind: string }[] {
  return db.prepare(`SELECT id, name, parent_id, kind FROM union_units${liveOnly ? ' WHERE deleted_at IS NULL' : ''}`).all() as {
    id: number;
    name: string;
    parent_id: number | null;
    kind: string;
  }[];
}

export function liveMembersWithBirthDate(db: DB): { id: number; name: string; birth_date: string }[] {
  return db.prepare('SELECT id, name, birth_date FROM members WHERE deleted_at IS NULL AND birth_date IS NOT NULL').all() as {
    id: number;
    name: string;
    birth_date: string;
  }[];
}
