import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface UnitRow {
  id: number;
  parent_id: number | null;
  kind: 'branch' | 'group';
  name: string;
  leader_member_id: number | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export function getUnit(db: DB, id: number): UnitRow | undefined {
  return stmt(db, 'SELECT * FROM union_units WHERE id = ? AND deleted_at IS NULL').get(id) as UnitRow | undefined;
}

/** Units with their leader's name and the count of current members (在册 + 保留会籍) placed directly in them. */
export function listUnitsWithCounts(db: DB): (UnitRow & { leader_name: string | null; direct_count: number })[] {
  return stmt(db, 
      `SELECT u.*, l.name AS leader_name,
              (SELECT count(*) FROM members m WHERE m.group_id = u.id AND m.deleted_at IS NULL
                 AND m.status IN ('active', 'retained')) AS direct_count
       FROM union_units u LEFT JOIN members l ON l.id = u.leader_member_id
       WHERE u.deleted_at IS NULL ORDER BY u.sort_order, u.name`,
    )
    .all() as (UnitRow & { leader_name: string | null; direct_count: number })[];
}

export function findUnitByName(db: DB, parentId: number | null, name: string): UnitRow | undefined {
  return stmt(db, 'SELECT * FROM union_units WHERE ifnull(parent_id, 0) = ? AND name = ? AND deleted_at IS NULL')
    .get(parentId ?? 0, name) as UnitRow | undefined;
}

export function insertUnit(
  db: DB,
  u: { parent_id: number | null; kind: string; name: string; leader_member_id: number | null },
  now: string,
): number {
  return Number(
    stmt(db, 
        `INSERT INTO union_units (parent_id, kind, name, leader_member_id, created_at, updated_at)
         VALUES (@parent_id, @kind, @name, @leader_member_id, @now, @now)`,
      )
      .run({ ...u, now }).lastInsertRowid,
  );
}

export function updateUnit(db: DB, id: number, name: string, leaderId: number | null, now: string): void {
  stmt(db, 'UPDATE union_units SET name = ?, leader_member_id = ?, updated_at = ? WHERE id = ?').run(name, leaderId, now, id);
}

export function softDeleteUnit(db: DB, id: number, now: string): void {
  stmt(db, 'UPDATE union_units SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

export function countUnitUse(db: DB, id: number): { members: number; children: number } {
  const members = (stmt(db, 'SELECT count(*) AS n FROM members WHERE group_id = ? AND deleted_at IS NULL').get(id) as { n: number }).n;
  const children = (
    stmt(db, 'SELECT count(*) AS n FROM union_units WHERE parent_id = ? AND deleted_at IS NULL').get(id) as { n: number }
  ).n;
  return { members, children };
}
