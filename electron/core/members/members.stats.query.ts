/** Read model of 首页's member figures (a *.query.ts: aggregate SQL over indexed columns, no writes). */
import type { MemberStatus } from '../../../shared/domain/member-lifecycle';
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export function countByStatus(db: DB): { status: MemberStatus; n: number }[] {
  return stmt(db, 'SELECT status, count(*) AS n FROM members WHERE deleted_at IS NULL GROUP BY status').all() as { status: MemberStatus; n: number }[];
}

export function countByGroup(db: DB): { groupId: number | null; name: string; count: number }[] {
  return (
    stmt(
      db,
      `SELECT m.group_id AS groupId, ifnull(u.name, '未分组') AS name, count(*) AS count
       FROM members m LEFT JOIN union_units u ON u.id = m.group_id
       WHERE m.deleted_at IS NULL AND m.status IN ('active', 'retained')
       GROUP BY m.group_id ORDER BY count DESC`,
    ).all() as { groupId: number | null; name: string; count: number }[]
  ).map((r) => ({ groupId: r.groupId, name: r.name, count: r.count }));
}

/** Age in full years from the stored ISO birth date, in SQL so no row leaves the database. */
export function countByAgeAndGender(db: DB, todayIso: string): { age: number | null; gender: string | null; n: number }[] {
  return stmt(
    db,
    `SELECT CASE WHEN birth_date IS NULL THEN NULL ELSE
              (CAST(substr(@today, 1, 4) AS INTEGER) - CAST(substr(birth_date, 1, 4) AS INTEGER)
               - (substr(@today, 6, 5) < substr(birth_date, 6, 5))) END AS age,
            gender, count(*) AS n
     FROM members WHERE deleted_at IS NULL AND status IN ('active', 'retained')
     GROUP BY age, gender`,
  ).all({ today: todayIso }) as { age: number | null; gender: string | null; n: number }[];
}

export function countCurrentWithoutId(db: DB): number {
  return (
    stmt(db, "SELECT count(*) AS n FROM members WHERE deleted_at IS NULL AND id_number IS NULL AND status IN ('active','retained')").get() as { n: number }
  ).n;
}
