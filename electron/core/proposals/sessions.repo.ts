import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

/** SQL of the three lists the proposals hang on: sessions, their representatives, and the handling units. */

export interface SessionRow {
  id: number;
  term: number;
  meeting: number;
  name: string | null;
  start_date: string | null;
  end_date: string | null;
  collection_deadline: string | null;
  reply_deadline: string | null;
  min_seconders: number;
  remarks: string | null;
  created_at: string;
  updated_at: string;
}

export type SessionWritable = Omit<SessionRow, 'id' | 'created_at' | 'updated_at'>;

export interface SessionListRow extends SessionRow {
  rep_count: number;
  proposal_count: number;
  opinion_count: number;
  overdue_count: number;
}

const SESSION_COLS = ['term', 'meeting', 'name', 'start_date', 'end_date', 'collection_deadline', 'reply_deadline', 'min_seconders', 'remarks'] as const;

export function insertSession(db: DB, row: SessionWritable, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO congress_sessions (${SESSION_COLS.join(', ')}, created_at, updated_at)
       VALUES (${SESSION_COLS.map((c) => '@' + c).join(', ')}, @now, @now)`,
    ).run({ ...row, now }).lastInsertRowid,
  );
}

export function updateSession(db: DB, id: number, row: SessionWritable, now: string): void {
  stmt(db, `UPDATE congress_sessions SET ${SESSION_COLS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({
    ...row,
    id,
    now,
  });
}

export function softDeleteSession(db: DB, id: number, now: string): void {
  stmt(db, 'UPDATE congress_sessions SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

export function getSession(db: DB, id: number): SessionRow | undefined {
  return stmt(db, 'SELECT * FROM congress_sessions WHERE id = ? AND deleted_at IS NULL').get(id) as SessionRow | undefined;
}

export function findSessionByKey(db: DB, term: number, meeting: number): SessionRow | undefined {
  return stmt(db, 'SELECT * FROM congress_sessions WHERE term = ? AND meeting = ? AND deleted_at IS NULL').get(term, meeting) as
    | SessionRow
    | undefined;
}

/** Newest session first: the clerk works on the current one. */
export function listSessions(db: DB, today: string): SessionListRow[] {
  return stmt(
    db,
    `SELECT s.*,
       (SELECT count(*) FROM session_representatives r WHERE r.session_id = s.id) AS rep_count,
       (SELECT count(*) FROM proposals p WHERE p.session_id = s.id AND p.kind = 'proposal') AS proposal_count,
       (SELECT count(*) FROM proposals p WHERE p.session_id = s.id AND p.kind = 'opinion') AS opinion_count,
       (SELECT count(*) FROM proposals p WHERE p.session_id = s.id AND p.reply_due < @today) AS overdue_count
     FROM congress_sessions s WHERE s.deleted_at IS NULL ORDER BY s.term DESC, s.meeting DESC`,
  ).all({ today }) as SessionListRow[];
}

export function countSessionProposals(db: DB, sessionId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM proposals WHERE session_id = ?').get(sessionId) as { n: number }).n;
}

// ----- representatives

export interface RepRow {
  id: number;
  session_id: number;
  member_id: number;
  delegation: string;
  name: string;
  group_name: string | null;
  department: string | null;
  member_no: string | null;
  sort_key: string;
  proposal_count: number;
  seconded_count: number;
}

const REP_SELECT = `SELECT r.id, r.session_id, r.member_id, r.delegation, m.name, u.name AS group_name, m.department, m.member_no,
    m.sort_key,
    (SELECT count(*) FROM proposals p WHERE p.session_id = r.session_id AND p.proposer_member_id = r.member_id) AS proposal_count,
    (SELECT count(*) FROM proposal_seconders ps JOIN proposals p ON p.id = ps.proposal_id
      WHERE p.session_id = r.session_id AND ps.member_id = r.member_id) AS seconded_count
  FROM session_representatives r JOIN members m ON m.id = r.member_id LEFT JOIN union_units u ON u.id = m.group_id`;

export function listReps(db: DB, sessionId: number): RepRow[] {
  // Delegations in the order they were first set up (第一、第二… as the clerk entered them), people by pinyin.
  return stmt(
    db,
    `${REP_SELECT} WHERE r.session_id = ?
     ORDER BY (SELECT min(x.id) FROM session_representatives x WHERE x.session_id = r.session_id AND x.delegation = r.delegation), m.sort_key`,
  ).all(sessionId) as RepRow[];
}

export function getRep(db: DB, id: number): RepRow | undefined {
  return stmt(db, `${REP_SELECT} WHERE r.id = ?`).get(id) as RepRow | undefined;
}

export function findRep(db: DB, sessionId: number, memberId: number): { id: number; delegation: string } | undefined {
  return stmt(db, 'SELECT id, delegation FROM session_representatives WHERE session_id = ? AND member_id = ?').get(sessionId, memberId) as
    | { id: number; delegation: string }
    | undefined;
}

export function insertRep(db: DB, sessionId: number, memberId: number, delegation: string, now: string): number {
  return Number(
    stmt(db, 'INSERT INTO session_representatives (session_id, member_id, delegation, created_at) VALUES (?, ?, ?, ?)').run(
      sessionId,
      memberId,
      delegation,
      now,
    ).lastInsertRowid,
  );
}

export function updateRepDelegation(db: DB, id: number, delegation: string): void {
  stmt(db, 'UPDATE session_representatives SET delegation = ? WHERE id = ?').run(delegation, id);
}

export function deleteRep(db: DB, id: number): void {
  stmt(db, 'DELETE FROM session_representatives WHERE id = ?').run(id);
}

export function deleteRepsOfSession(db: DB, sessionId: number): void {
  stmt(db, 'DELETE FROM session_representatives WHERE session_id = ?').run(sessionId);
}

// ----- handling units

export interface UnitRow {
  id: number;
  name: string;
  contact: string | null;
  phone: string | null;
  active: number;
  sort_order: number;
  usage: number;
}

/** usage: the proposals that name the unit anywhere (suggested, 主办, 协办, replied). */
const UNIT_SELECT = `SELECT h.*,
    (SELECT count(*) FROM proposals p WHERE p.suggested_unit_id = h.id OR p.lead_unit_id = h.id
      OR EXISTS (SELECT 1 FROM proposal_events e WHERE e.proposal_id = p.id
        AND (e.lead_unit_id = h.id OR e.unit_id = h.id OR EXISTS (SELECT 1 FROM json_each(e.co_unit_ids_json) j WHERE j.value = h.id)))
    ) AS usage
  FROM handling_units h WHERE h.deleted_at IS NULL`;

export function listUnits(db: DB): UnitRow[] {
  return stmt(db, `${UNIT_SELECT} ORDER BY h.active DESC, h.sort_order, h.id`).all() as UnitRow[];
}

export function getUnit(db: DB, id: number): UnitRow | undefined {
  return stmt(db, `${UNIT_SELECT} AND h.id = ?`).get(id) as UnitRow | undefined;
}

export function findUnitByName(db: DB, name: string): { id: number; active: number } | undefined {
  return stmt(db, 'SELECT id, active FROM handling_units WHERE name = ? AND deleted_at IS NULL').get(name) as
    | { id: number; active: number }
    | undefined;
}

export function insertUnit(db: DB, u: { name: string; contact: string | null; phone: string | null }, now: string): number {
  const next = (stmt(db, 'SELECT coalesce(max(sort_order), 0) + 1 AS n FROM handling_units').get() as { n: number }).n;
  return Number(
    stmt(
      db,
      'INSERT INTO handling_units (name, contact, phone, active, sort_order, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)',
    ).run(u.name, u.contact, u.phone, next, now, now).lastInsertRowid,
  );
}

export function updateUnit(db: DB, id: number, u: { name: string; contact: string | null; phone: string | null; active: boolean }, now: string): void {
  stmt(db, 'UPDATE handling_units SET name = ?, contact = ?, phone = ?, active = ?, updated_at = ? WHERE id = ?').run(
    u.name,
    u.contact,
    u.phone,
    u.active ? 1 : 0,
    now,
    id,
  );
}

export function softDeleteUnit(db: DB, id: number, now: string): void {
  stmt(db, 'UPDATE handling_units SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

/** Names of units by id, including deactivated ones (history keeps naming them). */
export function unitNames(db: DB): Map<number, string> {
  const rows = stmt(db, 'SELECT id, name FROM handling_units').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What an item's number is made of, also for a session deleted since (its items keep their numbers). */
export function sessionNumbering(db: DB, id: number): { term: number; meeting: number; start_date: string | null } {
  return stmt(db, 'SELECT term, meeting, start_date FROM congress_sessions WHERE id = ?').get(id) as { term: number; meeting: number; start_date: string | null };
}
