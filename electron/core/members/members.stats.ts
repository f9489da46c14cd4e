import type { MemberStats } from '../../../shared/contract/members';
import { stmt } from '../db/stmt';
import { todayIso as localToday } from '../../../shared/domain/dates';
import { MEMBER_STATUSES, type MemberStatus } from '../../../shared/domain/member-lifecycle';
import type { DB } from '../db/open';

export const AGE_BANDS = [
  { band: '30 岁及以下', min: 0, max: 30 },
  { band: '31–40 岁', min: 31, max: 40 },
  { band: '41–50 岁', min: 41, max: 50 },
  { band: '51–60 岁', min: 51, max: 60 },
  { band: '61 岁及以上', min: 61, max: 200 },
] as const;

/** Figures for 首页: all computed in SQL over indexed columns, so they stay quick at 100k members. */
export function memberStats(db: DB, today: Date): MemberStats {
  const byStatus = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as Record<MemberStatus, number>;
  for (const r of stmt(db, 'SELECT status, count(*) AS n FROM members WHERE deleted_at IS NULL GROUP BY status').all() as {
    status: MemberStatus;
    n: number;
  }[])
    byStatus[r.status] = r.n;

  const byGroup = (
    stmt(db, 
        `SELECT m.group_id AS groupId, ifnull(u.name, '未分组') AS name, count(*) AS count
         FROM members m LEFT JOIN union_units u ON u.id = m.group_id
         WHERE m.deleted_at IS NULL AND m.status IN ('active', 'retained')
         GROUP BY m.group_id ORDER BY count DESC`,
      )
      .all() as { groupId: number | null; name: string; count: number }[]
  ).map((r) => ({ groupId: r.groupId, name: r.name, count: r.count }));

  // Age in full years from the stored ISO birth date, in SQL so no row leaves the database.
  const todayIso = localToday(today);
  const rows = stmt(db, 
      `SELECT CASE WHEN birth_date IS NULL THEN NULL ELSE
                (CAST(substr(@today, 1, 4) AS INTEGER) - CAST(substr(birth_date, 1, 4) AS INTEGER)
                 - (substr(@today, 6, 5) < substr(birth_date, 6, 5))) END AS age,
              gender, count(*) AS n
       FROM members WHERE deleted_at IS NULL AND status IN ('active', 'retained')
       GROUP BY age, gender`,
    )
    .all({ today: todayIso }) as { age: number | null; gender: string | null; n: number }[];
  const ageBands = [...AGE_BANDS.map((b) => ({ band: b.band, male: 0, female: 0, unknown: 0 })), { band: '出生日期不详', male: 0, female: 0, unknown: 0 }];
  for (const r of rows) {
    const idx = r.age === null ? ageBands.length - 1 : AGE_BANDS.findIndex((b) => r.age! >= b.min && r.age! <= b.max);
    const band = ageBands[idx < 0 ? ageBands.length - 1 : idx]!;
    if (r.gender === '男') band.male += r.n;
    else if (r.gender === '女') band.female += r.n;
    else band.unknown += r.n;
  }
  const noId = (
    stmt(db, "SELECT count(*) AS n FROM members WHERE deleted_at IS NULL AND id_number IS NULL AND status IN ('active','retained')").get() as { n: number }
  ).n;
  return { byStatus, byGroup, ageBands, noId, total: byStatus.active + byStatus.retained };
}
