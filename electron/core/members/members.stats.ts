import type { MemberStats } from '../../../shared/contract/members';
import * as q from './members.stats.query';
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
  for (const r of q.countByStatus(db)) byStatus[r.status] = r.n;

  const byGroup = q.countByGroup(db);

  // Age in full years from the stored ISO birth date, in SQL so no row leaves the database.
  const todayIso = localToday(today);
  const rows = q.countByAgeAndGender(db, todayIso);
  const ageBands = [...AGE_BANDS.map((b) => ({ band: b.band, male: 0, female: 0, unknown: 0 })), { band: '出生日期不详', male: 0, female: 0, unknown: 0 }];
  for (const r of rows) {
    const idx = r.age === null ? ageBands.length - 1 : AGE_BANDS.findIndex((b) => r.age! >= b.min && r.age! <= b.max);
    const band = ageBands[idx < 0 ? ageBands.length - 1 : idx]!;
    if (r.gender === '男') band.male += r.n;
    else if (r.gender === '女') band.female += r.n;
    else band.unknown += r.n;
  }
  const noId = q.countCurrentWithoutId(db);
  return { byStatus, byGroup, ageBands, noId, total: byStatus.active + byStatus.retained };
}
