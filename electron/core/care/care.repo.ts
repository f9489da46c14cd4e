import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface CareVisitDbRow {
  id: number;
  member_id: number;
  member_name: string;
  id_number: string | null;
  department: string | null;
  occasion: string;
  event_date: string | null;
  visit_date: string;
  visitors: string | null;
  form: string;
  amount_fen: number;
  over_rule: string | null;
  over_rule_reason: string | null;
  notes: string | null;
  group_name: string | null;
  group_approved_on: string | null;
  group_approver: string | null;
  branch_approved_on: string | null;
  branch_approver: string | null;
  union_approved_on: string | null;
  union_approver: string | null;
  payee_signed: number;
  voucher_no: string | null;
}

/** 审批, 签字 and 入账 columns, written at registration and by 登记审批. */
export interface CareSettlementWrite {
  group_approved_on: string | null;
  group_approver: string | null;
  branch_approved_on: string | null;
  branch_approver: string | null;
  union_approved_on: string | null;
  union_approver: string | null;
  payee_signed: number;
  voucher_no: string | null;
}

export interface CareVisitWrite extends CareSettlementWrite {
  member_id: number;
  occasion: string;
  event_date: string | null;
  visit_date: string;
  visitors: string | null;
  form: string;
  amount_fen: number;
  over_rule: string | null;
  over_rule_reason: string | null;
  notes: string | null;
}

const SELECT = `SELECT v.id, v.member_id, m.name AS member_name, m.id_number, m.department, v.occasion, v.event_date, v.visit_date,
  v.visitors, v.form, v.amount_fen, v.over_rule, v.over_rule_reason, v.notes, g.name AS group_name,
  v.group_approved_on, v.group_approver, v.branch_approved_on, v.branch_approver, v.union_approved_on, v.union_approver,
  v.payee_signed, v.voucher_no
  FROM care_visits v JOIN members m ON m.id = v.member_id LEFT JOIN union_units g ON g.id = m.group_id WHERE v.deleted_at IS NULL`;

export interface VisitFilter {
  from: string;
  to: string;
  occasion?: string | undefined;
  memberId?: number | undefined;
  /** A 分工会 or 工会小组: its members and those of the groups under it. */
  groupId?: number | undefined;
}

export function listVisitRows(db: DB, q: VisitFilter): CareVisitDbRow[] {
  return stmt(
    db,
    `WITH RECURSIVE units(id) AS (SELECT @groupId WHERE @groupId IS NOT NULL UNION SELECT u.id FROM union_units u JOIN units ON u.parent_id = units.id)
     ${SELECT} AND v.visit_date BETWEEN @from AND @to AND (@occasion IS NULL OR v.occasion = @occasion)
      AND (@memberId IS NULL OR v.member_id = @memberId) AND (@groupId IS NULL OR m.group_id IN (SELECT id FROM units))
      ORDER BY v.visit_date, v.id`,
  ).all({ from: q.from, to: q.to, occasion: q.occasion ?? null, memberId: q.memberId ?? null, groupId: q.groupId ?? null }) as CareVisitDbRow[];
}

/** Live visits of one member for one occasion and event (the once-per-event rule). */
export const countVisitsForEvent = (db: DB, memberId: number, occasion: string, eventDate: string): number =>
  (
    stmt(db, `SELECT count(*) AS n FROM care_visits WHERE deleted_at IS NULL AND member_id = ? AND occasion = ? AND event_date = ?`).get(
      memberId,
      occasion,
      eventDate,
    ) as { n: number }
  ).n;

/** Occasions that live visits use: an occasion still in use cannot leave 设置. */
export const occasionsInUse = (db: DB): string[] =>
  (stmt(db, `SELECT DISTINCT occasion FROM care_visits WHERE deleted_at IS NULL`).all() as { occasion: string }[]).map((r) => r.occasion);

export const updateSettlement = (db: DB, id: number, w: CareSettlementWrite, now: string): number =>
  stmt(
    db,
    `UPDATE care_visits SET group_approved_on = @group_approved_on, group_approver = @group_approver, branch_approved_on = @branch_approved_on,
       branch_approver = @branch_approver, union_approved_on = @union_approved_on, union_approver = @union_approver,
       payee_signed = @payee_signed, voucher_no = @voucher_no, updated_at = @now WHERE id = @id AND deleted_at IS NULL`,
  ).run({ ...w, id, now }).changes;

export const getVisitRow = (db: DB, id: number): CareVisitDbRow | undefined =>
  stmt(db, `${SELECT} AND v.id = ?`).get(id) as CareVisitDbRow | undefined;

/** Live visits of one member for one occasion in a year (the frequency rule). */
export const countVisitsInYear = (db: DB, memberId: number, occasion: string, year: number): number =>
  (
    stmt(
      db,
      `SELECT count(*) AS n FROM care_visits WHERE deleted_at IS NULL AND member_id = ? AND occasion = ? AND substr(visit_date, 1, 4) = ?`,
    ).get(memberId, occasion, String(year)) as { n: number }
  ).n;

export function insertVisit(db: DB, row: CareVisitWrite, now: string): number {
  const r = stmt(
    db,
    `INSERT INTO care_visits (member_id, occasion, event_date, visit_date, visitors, form, amount_fen, over_rule, over_rule_reason, notes,
       group_approved_on, group_approver, branch_approved_on, branch_approver, union_approved_on, union_approver, payee_signed, voucher_no, created_at, updated_at)
     VALUES (@member_id, @occasion, @event_date, @visit_date, @visitors, @form, @amount_fen, @over_rule, @over_rule_reason, @notes,
       @group_approved_on, @group_approver, @branch_approved_on, @branch_approver, @union_approved_on, @union_approver, @payee_signed, @voucher_no, @now, @now)`,
  ).run({ ...row, now });
  return Number(r.lastInsertRowid);
}

export const softDeleteVisit = (db: DB, id: number, reason: string, now: string): number =>
  stmt(db, `UPDATE care_visits SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`).run(now, reason, now, id)
    .changes;

export interface MemberLite {
  id: number;
  name: string;
  status: string;
  birth_date: string | null;
  department: string | null;
}

export const getMemberLite = (db: DB, id: number): MemberLite | undefined =>
  stmt(db, `SELECT id, name, status, birth_date, department FROM members WHERE id = ? AND deleted_at IS NULL`).get(id) as MemberLite | undefined;

/** Current members (在册 and 保留会籍 — retirees are the usual 逢十 greetings) with a birth date, by birth date. */
export const decadeCandidates = (db: DB): MemberLite[] =>
  stmt(
    db,
    `SELECT id, name, status, birth_date, department FROM members
     WHERE deleted_at IS NULL AND status IN ('active', 'retained') AND birth_date IS NOT NULL
     ORDER BY substr(birth_date, 6, 5), sort_key`,
  ).all() as MemberLite[];

/** Serving members (在册) born in month `mm`, by day of month. */
export const birthdayRows = (db: DB, mm: string): MemberLite[] =>
  stmt(
    db,
    `SELECT id, name, status, birth_date, department FROM members
     WHERE deleted_at IS NULL AND status = 'active' AND birth_date IS NOT NULL AND substr(birth_date, 6, 2) = ?
     ORDER BY substr(birth_date, 9, 2), sort_key`,
  ).all(mm) as MemberLite[];

/** Serving members (在册) among `ids` with a birth date: the ones who keep the 农历 birthday. */
export const servingByIds = (db: DB, ids: number[]): MemberLite[] =>
  stmt(
    db,
    `SELECT id, name, status, birth_date, department FROM members
     WHERE deleted_at IS NULL AND status = 'active' AND birth_date IS NOT NULL AND id IN (SELECT value FROM json_each(?))
     ORDER BY sort_key`,
  ).all(JSON.stringify(ids)) as MemberLite[];
