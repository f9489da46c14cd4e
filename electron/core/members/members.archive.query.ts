import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface RosterSourceRow {
  id: number;
  name: string;
  gender: string | null;
  birth_date: string | null;
  department: string | null;
  member_no: string | null;
  join_date: string | null;
  group_name: string | null;
  deleted_at: string | null;
  sort_key: string;
}

/** Every member file that could have been on the roster on a day: joined by then (a file without 入会日期: entered by then), not removed before. */
export function rosterCandidates(db: DB, day: string): RosterSourceRow[] {
  return stmt(
    db,
    `SELECT m.id, m.name, m.gender, m.birth_date, m.department, m.member_no, m.join_date, u.name AS group_name, m.deleted_at, m.sort_key
     FROM members m LEFT JOIN union_units u ON u.id = m.group_id
     WHERE (m.deleted_at IS NULL OR m.deleted_at > @day) AND (m.join_date <= @date OR (m.join_date IS NULL AND m.created_at <= @day))
     ORDER BY u.name, m.sort_key, m.id`,
  ).all({ day: `${day}T99`, date: day }) as RosterSourceRow[];
}

export function eventsUpTo(db: DB, day: string): { member_id: number; type: string; date: string; id: number }[] {
  return stmt(db, 'SELECT member_id, type, date, id FROM member_events WHERE date <= ? ORDER BY member_id, date, id').all(day) as {
    member_id: number;
    type: string;
    date: string;
    id: number;
  }[];
}

export function eventsOfYear(db: DB, year: number): { date: string; type: string; name: string; department: string | null; reason: string | null; other_union: string | null; handler: string | null }[] {
  return stmt(
    db,
    `SELECT e.date, e.type, m.name, m.department, e.reason, e.other_union, e.handler FROM member_events e JOIN members m ON m.id = e.member_id
     WHERE e.date BETWEEN ? AND ? AND e.type <> 'group_move' ORDER BY e.date, e.id`,
  ).all(`${year}-01-01`, `${year}-12-31`) as never;
}
