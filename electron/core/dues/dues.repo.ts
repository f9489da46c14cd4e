import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface DuesMemberRow {
  id: number;
  name: string;
  status: string;
  join_date: string | null;
  monthly_wage_fen: number | null;
}

/** Current members (在册 + 保留会籍) who had joined by the end of the month. */
export const membersForPeriod = (db: DB, period: string): DuesMemberRow[] =>
  stmt(
    db,
    `SELECT id, name, status, join_date, monthly_wage_fen FROM members
     WHERE deleted_at IS NULL AND status IN ('active', 'retained') AND (join_date IS NULL OR substr(join_date, 1, 7) <= ?)
     ORDER BY sort_key, id`,
  ).all(period) as DuesMemberRow[];

export interface DuesDbRow {
  id: number;
  member_id: number;
  name: string;
  id_number: string | null;
  department: string | null;
  period: string;
  wage_fen: number | null;
  base_fen: number;
  amount_fen: number;
  exempt: number;
  reason: string | null;
  paid_on: string | null;
  payer: string | null;
  receipt_no: string | null;
  paid_fen: number | null;
  rule: string | null;
  batch_id: number | null;
  group_id: number | null;
  /** 分工会 / 工会小组 (branch name first when the group sits under one); null: no group. */
  group_name: string | null;
}

/** The columns a sheet row reads, with the member's unit as 分工会 / 工会小组. */
const ROW_SELECT = `SELECT d.id, d.member_id, m.name, m.id_number, m.department, d.period, d.wage_fen, d.base_fen, d.amount_fen, d.exempt, d.reason,
       d.paid_on, d.payer, d.receipt_no, d.paid_fen, d.rule, d.batch_id, m.group_id,
       CASE WHEN u.id IS NULL THEN NULL WHEN p.id IS NULL THEN u.name ELSE p.name || ' / ' || u.name END AS group_name
     FROM dues_records d JOIN members m ON m.id = d.member_id
       LEFT JOIN union_units u ON u.id = m.group_id LEFT JOIN union_units p ON p.id = u.parent_id`;

export const sheetRows = (db: DB, period: string): DuesDbRow[] =>
  stmt(
    db,
    `${ROW_SELECT} WHERE d.period = ? ORDER BY m.sort_key, m.id`,
  ).all(period) as DuesDbRow[];

/** The rows of several months (a quarter, half-year or year), member by member. */
export const periodRows = (db: DB, months: string[]): DuesDbRow[] =>
  stmt(db, `${ROW_SELECT} WHERE d.period IN (SELECT value FROM json_each(?)) ORDER BY m.sort_key, m.id, d.period`).all(JSON.stringify(months)) as DuesDbRow[];

/**
 * The members on the ledger of the months, in roster order, one page (`offset` members skipped). Walks
 * members_sort (0017) and probes dues_records_member_period per member: page 1 is a range read (0.2 ms at
 * 100,000 members), each member skipped costs ~2.5 µs (120 ms at offset 50,000), which is why deep pages are
 * read in the task thread (dues.service periodPage).
 */
const PERIOD_PAGE_SQL = `SELECT m.id FROM members m INDEXED BY members_sort
     WHERE EXISTS (SELECT 1 FROM dues_records d WHERE d.member_id = m.id AND d.period IN (SELECT value FROM json_each(?)))
     ORDER BY m.sort_key, m.id LIMIT ? OFFSET ?`;

export const periodMemberPage = (db: DB, months: string[], offset: number, limit: number): number[] =>
  (stmt(db, PERIOD_PAGE_SQL).all(JSON.stringify(months), limit, offset) as { id: number }[]).map((r) => r.id);

export interface MemberKey {
  id: number;
  sort_key: string;
}

/**
 * The next `limit` members on the ledger of the months after `after` in roster order (keyset: each chunk is a
 * range read of members_sort, however deep): what a print pages through on the main process a chunk at a time.
 */
export const periodMemberKeysAfter = (db: DB, months: string[], after: MemberKey | null, limit: number): MemberKey[] =>
  stmt(
    db,
    `SELECT m.id, m.sort_key FROM members m INDEXED BY members_sort
     WHERE (m.sort_key, m.id) > (?, ?)
       AND EXISTS (SELECT 1 FROM dues_records d WHERE d.member_id = m.id AND d.period IN (SELECT value FROM json_each(?)))
     ORDER BY m.sort_key, m.id LIMIT ?`,
  ).all(after?.sort_key ?? '', after?.id ?? 0, JSON.stringify(months), limit) as MemberKey[];

/** The month rows of these members in the months, member by member (dues_records_member_period). */
export const periodRowsOf = (db: DB, months: string[], memberIds: number[]): DuesDbRow[] =>
  stmt(
    db,
    `${ROW_SELECT} WHERE d.member_id IN (SELECT value FROM json_each(?)) AND d.period IN (SELECT value FROM json_each(?))
     ORDER BY m.sort_key, m.id, d.period`,
  ).all(JSON.stringify(memberIds), JSON.stringify(months)) as DuesDbRow[];

export interface PeriodTotalsDbRow {
  members: number;
  due_fen: number;
  paid_fen: number;
  unpaid_count: number;
}

/**
 * The period summed as dues.service sumRows sums it, per member then overall, without reading a row out:
 * 应缴 of the months not exempt, 实缴 (paid_fen, else the amount) of the paid ones, and the members with a due
 * month unpaid. Reads every month row (dues_records_period): ~1.1 s for a year at 100,000 members, in the task thread.
 */
export const periodTotals = (db: DB, months: string[]): PeriodTotalsDbRow =>
  stmt(
    db,
    `SELECT count(*) AS members, ifnull(sum(due), 0) AS due_fen, ifnull(sum(paid), 0) AS paid_fen, ifnull(sum(unpaid > 0), 0) AS unpaid_count
     FROM (SELECT sum(CASE WHEN exempt = 0 THEN amount_fen ELSE 0 END) AS due,
                  sum(CASE WHEN paid_on IS NOT NULL THEN ifnull(paid_fen, amount_fen) ELSE 0 END) AS paid,
                  sum(paid_on IS NULL AND exempt = 0 AND amount_fen > 0) AS unpaid
           FROM dues_records WHERE period IN (SELECT value FROM json_each(?)) GROUP BY member_id)`,
  ).get(JSON.stringify(months)) as PeriodTotalsDbRow;

/** Members whose row a recompute keeps: paid, or written by an import. */
export const keptMemberIds = (db: DB, period: string): Set<number> =>
  new Set(
    (stmt(db, `SELECT member_id FROM dues_records WHERE period = ? AND (paid_on IS NOT NULL OR batch_id IS NOT NULL)`).all(period) as { member_id: number }[]).map(
      (r) => r.member_id,
    ),
  );

/**
 * Writes the computed figures of an unpaid row. A paid row is never touched, nor one whose wage came from an
 * import for this month (the imported wage is the month's base, not the roster's).
 */
export function upsertUnpaid(
  db: DB,
  r: DuesFigures & { member_id: number; period: string },
  now: string,
): number {
  return stmt(
    db,
    `INSERT INTO dues_records (member_id, period, wage_fen, base_fen, amount_fen, exempt, reason, rule, created_at, updated_at)
     VALUES (@member_id, @period, @wage_fen, @base_fen, @amount_fen, @exempt, @reason, @rule, @now, @now)
     ON CONFLICT (member_id, period) DO UPDATE SET wage_fen = excluded.wage_fen, base_fen = excluded.base_fen,
       amount_fen = excluded.amount_fen, exempt = excluded.exempt, reason = excluded.reason, rule = excluded.rule,
       updated_at = excluded.updated_at
     WHERE dues_records.paid_on IS NULL AND dues_records.batch_id IS NULL`,
  ).run({ ...r, now }).changes;
}

/** What a computation writes on a row. */
export interface DuesFigures {
  wage_fen: number | null;
  base_fen: number;
  amount_fen: number;
  exempt: number;
  reason: string | null;
  rule: string | null;
}

/** Unpaid rows of members who are no longer due this month (left, or the clerk corrected the join date). */
export const dropUnpaidNotIn = (db: DB, period: string, memberIdsJson: string): number =>
  stmt(
    db,
    `DELETE FROM dues_records WHERE period = ? AND paid_on IS NULL AND batch_id IS NULL AND member_id NOT IN (SELECT value FROM json_each(?))`,
  ).run(period, memberIdsJson).changes;

export const markPaid = (db: DB, id: number, paidOn: string, payer: string, receiptNo: string | null, now: string): number =>
  stmt(
    db,
    `UPDATE dues_records SET paid_on = ?, payer = ?, receipt_no = ?, paid_fen = amount_fen, batch_id = NULL, updated_at = ?
     WHERE id = ? AND paid_on IS NULL AND exempt = 0`,
  ).run(paidOn, payer, receiptNo, now, id).changes;

export interface ArrearsDbRow {
  member_id: number;
  name: string;
  id_number: string | null;
  unpaid_months: number;
  unpaid_fen: number;
  oldest: string;
}

/** Members with at least `months` unpaid, non-exempt months in the window ending at `asOf`. */
export const arrearsRows = (db: DB, from: string, asOf: string, months: number): ArrearsDbRow[] =>
  stmt(
    db,
    `SELECT d.member_id, m.name, m.id_number, count(*) AS unpaid_months, sum(d.amount_fen) AS unpaid_fen, min(d.period) AS oldest
     FROM dues_records d JOIN members m ON m.id = d.member_id
     WHERE d.paid_on IS NULL AND d.exempt = 0 AND d.amount_fen > 0 AND d.period BETWEEN ? AND ? AND m.deleted_at IS NULL
     GROUP BY d.member_id HAVING count(*) >= ? ORDER BY unpaid_months DESC, m.sort_key`,
  ).all(from, asOf, months) as ArrearsDbRow[];

/** Every dues row of a year, for the archive's yearly ledger. */
export const yearRows = (db: DB, year: number): DuesDbRow[] =>
  stmt(
    db,
    `${ROW_SELECT} WHERE substr(d.period, 1, 4) = ? ORDER BY m.sort_key, m.id, d.period`,
  ).all(String(year)) as DuesDbRow[];

// ---- wage / payment import (dues/import/) ----

export interface ImportMemberRow {
  id: number;
  name: string;
  id_number: string | null;
  staff_no: string | null;
  status: string;
  join_date: string | null;
  monthly_wage_fen: number | null;
  deleted_at: string | null;
}

/** Every member the import may match, left and removed ones included, so their rows say why instead of 查无此人. */
export const importMembers = (db: DB): ImportMemberRow[] =>
  stmt(db, `SELECT id, name, id_number, staff_no, status, join_date, monthly_wage_fen, deleted_at FROM members`).all() as ImportMemberRow[];

export interface RecordState {
  id: number;
  member_id: number;
  period: string;
  wage_fen: number | null;
  base_fen: number;
  amount_fen: number;
  exempt: number;
  reason: string | null;
  paid_on: string | null;
  payer: string | null;
  receipt_no: string | null;
  paid_fen: number | null;
  rule: string | null;
  batch_id: number | null;
  updated_at: string;
}

const STATE_COLUMNS = 'id, member_id, period, wage_fen, base_fen, amount_fen, exempt, reason, paid_on, payer, receipt_no, paid_fen, rule, batch_id, updated_at';

/** The rows of the months, by member id and month. */
export const recordsOf = (db: DB, months: string[]): RecordState[] =>
  stmt(db, `SELECT ${STATE_COLUMNS} FROM dues_records WHERE period IN (SELECT value FROM json_each(?))`).all(JSON.stringify(months)) as RecordState[];

export const recordById = (db: DB, id: number): RecordState | undefined =>
  stmt(db, `SELECT ${STATE_COLUMNS} FROM dues_records WHERE id = ?`).get(id) as RecordState | undefined;

/** Writes a row as the import leaves it (insert or replace its figures and payment). Returns its id. */
export function writeImported(db: DB, r: Omit<RecordState, 'id' | 'updated_at'>, now: string): number {
  const row = stmt(
    db,
    `INSERT INTO dues_records (member_id, period, wage_fen, base_fen, amount_fen, exempt, reason, paid_on, payer, receipt_no, paid_fen, rule, batch_id, created_at, updated_at)
     VALUES (@member_id, @period, @wage_fen, @base_fen, @amount_fen, @exempt, @reason, @paid_on, @payer, @receipt_no, @paid_fen, @rule, @batch_id, @now, @now)
     ON CONFLICT (member_id, period) DO UPDATE SET wage_fen = excluded.wage_fen, base_fen = excluded.base_fen, amount_fen = excluded.amount_fen,
       exempt = excluded.exempt, reason = excluded.reason, paid_on = excluded.paid_on, payer = excluded.payer, receipt_no = excluded.receipt_no,
       paid_fen = excluded.paid_fen, rule = excluded.rule, batch_id = excluded.batch_id, updated_at = excluded.updated_at
     RETURNING id`,
  ).get({ ...r, now }) as { id: number };
  return row.id;
}

export const rememberBefore = (db: DB, batchId: number, recordId: number, before: RecordState | null): void => {
  stmt(db, `INSERT INTO dues_import_rows (batch_id, record_id, before_json) VALUES (?, ?, ?)`).run(batchId, recordId, before ? JSON.stringify(before) : null);
};

export const batchRows = (db: DB, batchId: number): { record_id: number; before_json: string | null }[] =>
  stmt(db, `SELECT record_id, before_json FROM dues_import_rows WHERE batch_id = ? ORDER BY record_id`).all(batchId) as { record_id: number; before_json: string | null }[];

/** Rows the batch wrote that were changed since (a recompute, 登记缴纳, a later import). */
export const changedSince = (db: DB, batchId: number): number =>
  (
    stmt(
      db,
      `SELECT count(*) AS n FROM dues_import_rows r LEFT JOIN dues_records d ON d.id = r.record_id
       WHERE r.batch_id = ? AND (d.id IS NULL OR d.batch_id IS NOT ?)`,
    ).get(batchId, batchId) as { n: number }
  ).n;

export const deleteRecord = (db: DB, id: number): void => {
  stmt(db, `DELETE FROM dues_records WHERE id = ?`).run(id);
};

export function restoreRecord(db: DB, r: RecordState): void {
  stmt(
    db,
    `UPDATE dues_records SET wage_fen = @wage_fen, base_fen = @base_fen, amount_fen = @amount_fen, exempt = @exempt, reason = @reason,
       paid_on = @paid_on, payer = @payer, receipt_no = @receipt_no, paid_fen = @paid_fen, rule = @rule, batch_id = @batch_id, updated_at = @updated_at
     WHERE id = @id`,
  ).run(r);
}

export const recordAt = (db: DB, memberId: number, period: string): RecordState | undefined =>
  stmt(db, `SELECT ${STATE_COLUMNS} FROM dues_records WHERE member_id = ? AND period = ?`).get(memberId, period) as RecordState | undefined;
