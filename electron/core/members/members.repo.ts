import type { DB } from '../db/open';
import { stmt } from '../db/stmt';
import type { MemberStatus } from '../../../shared/domain/member-lifecycle';
import { sortRank } from './member-pinyin';

/** One row of `members` as stored. */
export interface MemberRow {
  id: number;
  name: string;
  name_pinyin: string;
  name_initials: string;
  sort_key: string;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  native_place: string | null;
  id_type: string;
  id_number: string | null;
  id_checked: number;
  political_status: string | null;
  education: string | null;
  degree: string | null;
  job_title: string | null;
  professional_title: string | null;
  work_unit: string | null;
  department: string | null;
  staff_no: string | null;
  employment_status: string | null;
  household_type: string | null;
  household_place: string | null;
  phone: string | null;
  join_date: string | null;
  member_no: string | null;
  group_id: number | null;
  is_migrant_worker: number | null;
  monthly_wage_fen: number | null;
  family_json: string;
  work_history: string | null;
  remarks: string | null;
  status: string;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type MemberListDbRow = MemberRow & { group_name: string | null };

export interface EventRow {
  id: number;
  member_id: number;
  type: string;
  date: string;
  reason: string | null;
  handler: string | null;
  remark: string | null;
  other_union: string | null;
  from_group_id: number | null;
  to_group_id: number | null;
  from_group: string | null;
  to_group: string | null;
  import_batch_id: number | null;
  created_at: string;
}

/** Columns written from the form; everything but id, status, timestamps and the search keys. */
export const WRITABLE_COLUMNS = [
  'name',
  'name_pinyin',
  'name_initials',
  'sort_key',
  'gender',
  'birth_date',
  'ethnicity',
  'native_place',
  'id_type',
  'id_number',
  'id_checked',
  'political_status',
  'education',
  'degree',
  'job_title',
  'professional_title',
  'work_unit',
  'department',
  'staff_no',
  'employment_status',
  'household_type',
  'household_place',
  'phone',
  'join_date',
  'member_no',
  'group_id',
  'is_migrant_worker',
  'monthly_wage_fen',
  'family_json',
  'work_history',
  'remarks',
] as const;
export type WritableRow = { [K in (typeof WRITABLE_COLUMNS)[number]]: MemberRow[K] };

// Positional: binding 34 named parameters from an object costs a lookup each, felt at 100k imported rows.
const INSERT_SQL = `INSERT INTO members (${WRITABLE_COLUMNS.join(', ')}, import_batch_id, created_at, updated_at)
  VALUES (${WRITABLE_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`;
const UPDATE_SQL = `UPDATE members SET ${WRITABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now
  WHERE id = @id`;

export function insertMember(db: DB, row: WritableRow, now: string, batchId: number | null = null): number {
  const values: unknown[] = WRITABLE_COLUMNS.map((c) => row[c]);
  values.push(batchId, now, now);
  const info = stmt(db, INSERT_SQL).run(values);
  return Number(info.lastInsertRowid);
}

export function updateMember(db: DB, id: number, row: WritableRow, now: string): void {
  stmt(db, UPDATE_SQL).run({ ...row, id, now });
}

export function getMemberRow(db: DB, id: number): (MemberRow & { group_name: string | null }) | undefined {
  return stmt(db, 
      `SELECT m.*, u.name AS group_name FROM members m LEFT JOIN union_units u ON u.id = m.group_id
       WHERE m.id = ? AND m.deleted_at IS NULL`,
    )
    .get(id) as (MemberRow & { group_name: string | null }) | undefined;
}

export function findByIdNumber(db: DB, idNumber: string): MemberRow | undefined {
  return stmt(db, 'SELECT * FROM members WHERE id_number = ? AND deleted_at IS NULL').get(idNumber) as MemberRow | undefined;
}

export function findByMemberNo(db: DB, memberNo: string): MemberRow | undefined {
  return stmt(db, 'SELECT * FROM members WHERE member_no = ? AND deleted_at IS NULL').get(memberNo) as MemberRow | undefined;
}

export function findByStaffNo(db: DB, staffNo: string): MemberRow[] {
  return stmt(db, 'SELECT * FROM members WHERE staff_no = ? AND deleted_at IS NULL').all(staffNo) as MemberRow[];
}

export function softDeleteMember(db: DB, id: number, now: string): void {
  stmt(db, 'UPDATE members SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

/** Live members a batch created, with what the undo checks (uses members_batch). */
export function batchMembers(db: DB, batchId: number): { id: number; name: string; created_at: string; updated_at: string }[] {
  return stmt(db, 'SELECT id, name, created_at, updated_at FROM members WHERE import_batch_id = ? AND deleted_at IS NULL').all(batchId) as {
    id: number;
    name: string;
    created_at: string;
    updated_at: string;
  }[];
}

/**
 * Soft-deletes the live members a batch created, their search rows first (set-based: one statement each).
 * `between` runs between the statements: the undo's cancel check, which may throw to roll the caller back.
 */
export function softDeleteBatchMembers(db: DB, batchId: number, now: string, between: () => void = () => undefined): number {
  const live = 'SELECT id FROM members WHERE import_batch_id = ? AND deleted_at IS NULL';
  stmt(db, `DELETE FROM member_name_grams WHERE member_id IN (${live})`).run(batchId);
  between();
  stmt(db, `DELETE FROM member_fts WHERE rowid IN (${live})`).run(batchId);
  between();
  return stmt(db, 'UPDATE members SET deleted_at = ?, updated_at = ? WHERE import_batch_id = ? AND deleted_at IS NULL').run(now, now, batchId).changes;
}

/** The member's status and its copy on the member's gram rows (the search counts and pages by it). */
export function setMemberStatus(db: DB, id: number, status: string, now: string): void {
  stmt(db, 'UPDATE members SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  const code = gramStatusCode(status);
  stmt(db, 'UPDATE member_name_grams SET status = ? WHERE member_id = ? AND status <> ?').run(code, id, code);
}

export function setMemberGroup(db: DB, id: number, groupId: number | null, now: string): void {
  stmt(db, 'UPDATE members SET group_id = ?, updated_at = ? WHERE id = ?').run(groupId, now, id);
}

export function listEvents(db: DB, memberId: number): EventRow[] {
  return stmt(db, 
      `SELECT e.*, f.name AS from_group, t.name AS to_group FROM member_events e
       LEFT JOIN union_units f ON f.id = e.from_group_id LEFT JOIN union_units t ON t.id = e.to_group_id
       WHERE e.member_id = ? ORDER BY e.date, e.id`,
    )
    .all(memberId) as EventRow[];
}

export interface NewEvent {
  member_id: number;
  type: string;
  date: string;
  reason: string | null;
  handler: string | null;
  remark: string | null;
  other_union: string | null;
  from_group_id: number | null;
  to_group_id: number | null;
  import_batch_id: number | null;
}

export function insertEvent(db: DB, e: NewEvent, now: string): number {
  return Number(
    stmt(db, 
        `INSERT INTO member_events (member_id, type, date, reason, handler, remark, other_union, from_group_id,
           to_group_id, import_batch_id, created_at)
         VALUES (@member_id, @type, @date, @reason, @handler, @remark, @other_union, @from_group_id, @to_group_id,
           @import_batch_id, @now)`,
      )
      .run({ ...e, now }).lastInsertRowid,
  );
}

/**
 * What a name gram row stores for the member's status (migration 0016): small integers, since a 100k roster
 * has ~450k gram rows and 0 and 1 take no bytes at all in a SQLite record. Fixed codes, not positions in
 * MEMBER_STATUSES, so a new status never renumbers the stored ones.
 */
export const GRAM_STATUS_CODES: Readonly<Record<MemberStatus, number>> = {
  active: 0,
  retained: 1,
  transferred_out: 2,
  left: 3,
  expelled: 4,
  deceased: 5,
};

export function gramStatusCode(status: string): number {
  const code = GRAM_STATUS_CODES[status as MemberStatus];
  if (code === undefined) throw new Error(`未知的会员状态 ${status}`);
  return code;
}

/**
 * Keeps the 1–2 character gram table and the trigram FTS row in step with the member row. Each gram row is a
 * posting in display order (gram, sort_rank of the sort key, member id) with the member's status beside it:
 * `member` is the row as stored (a new member is 在册).
 */
export function writeSearchIndex(
  db: DB,
  id: number,
  member: { name: string; sort_key: string; status: string },
  ids: string[],
  grams: string[],
  fresh = false,
): void {
  if (!fresh) dropSearchIndex(db, id);
  const ins = stmt(db, 'INSERT OR IGNORE INTO member_name_grams (gram, sort_rank, member_id, status) VALUES (?, ?, ?, ?)');
  const rank = sortRank(member.sort_key);
  const status = gramStatusCode(member.status);
  for (const g of grams) ins.run(g, rank, id, status);
  insertFts(db, id, member.name, ids);
}

export function insertFts(db: DB, id: number, name: string, ids: string[]): void {
  stmt(db, 'INSERT INTO member_fts (rowid, name, ids) VALUES (?, ?, ?)').run(id, name, ids.join(' '));
}

export function dropSearchIndex(db: DB, id: number): void {
  stmt(db, 'DELETE FROM member_name_grams WHERE member_id = ?').run(id);
  stmt(db, 'DELETE FROM member_fts WHERE rowid = ?').run(id);
}

export function countLiveMembers(db: DB): number {
  return (stmt(db, 'SELECT count(*) AS n FROM members WHERE deleted_at IS NULL').get() as { n: number }).n;
}

/** Rows per multi-row gram statement: 4 parameters each, well under SQLite's 32,766. */
export const GRAMS_PER_STATEMENT = 500;
/** Values per gram row in the flat lists below. */
export const GRAM_ROW_WIDTH = 4;

/**
 * Gram rows from a flat list (gram, sort_rank, member id, status code, gram, …). A full GRAMS_PER_STATEMENT list uses
 * one cached statement; any other length gets a statement of its own (not cached: there would be one per length).
 */
export function insertGramRows(db: DB, flat: (string | number)[]): void {
  const n = flat.length / GRAM_ROW_WIDTH;
  if (!n) return;
  const sql = `INSERT OR IGNORE INTO member_name_grams (gram, sort_rank, member_id, status) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?)').join(', ')}`;
  (n === GRAMS_PER_STATEMENT ? stmt(db, sql) : db.prepare(sql)).run(flat);
}

/** 入会 events for the members an import batch created with an 入会时间, in one statement. */
export function insertBatchJoinEvents(db: DB, batchId: number, handler: string | null, now: string): void {
  stmt(
    db,
    `INSERT INTO member_events (member_id, type, date, reason, handler, remark, other_union, from_group_id, to_group_id,
       import_batch_id, created_at)
     SELECT id, 'join', join_date, NULL, ?, NULL, NULL, NULL, NULL, import_batch_id, ?
     FROM members WHERE import_batch_id = ? AND join_date IS NOT NULL ORDER BY id`,
  ).run(handler, now, batchId);
}

export function isLiveMember(db: DB, id: number): boolean {
  return db.prepare('SELECT 1 FROM members WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
}

/** Every live member's name and what tells namesakes apart (a proposal register names people, not ids). */
export function liveMemberNames(db: DB): { id: number; name: string; status: string; department: string | null; member_no: string | null }[] {
  return db.prepare('SELECT id, name, status, department, member_no FROM members WHERE deleted_at IS NULL').all() as {
    id: number;
    name: string;
    status: string;
    department: string | null;
    member_no: string | null;
  }[];
}
