/** SQL of 设置 → 个人信息 (#16): what personal information is held, one member's records, and anonymising them. */
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';
import { CURRENT_STATUSES, LEAVING_EVENTS } from '../../../shared/domain/member-lifecycle';
import { ANONYMISED_NAME } from '../../../shared/domain/pii';

// Domain lists from shared/, bound as JSON so the SQL and the service cannot disagree about them.
const LEAVING = JSON.stringify(LEAVING_EVENTS);
const CURRENT = JSON.stringify(CURRENT_STATUSES);
const ANON = `${ANONYMISED_NAME}%`;
const LEFT_ON = `SELECT max(e.date) FROM member_events e WHERE e.member_id = m.id AND e.type IN (SELECT value FROM json_each(@leaving))`;
const NOT_ANONYMISED = 'NOT (m.name LIKE @anon AND m.id_number IS NULL)';

const one = (db: DB, sql: string, ...args: unknown[]): number => (stmt(db, sql).get(...args) as { n: number }).n;

/** Counts per kind of personal information in the live records (the 个人信息 page's table). */
export function heldCounts(db: DB): Record<string, number> {
  const m = (where: string) => (stmt(db, `SELECT COUNT(*) AS n FROM members m WHERE deleted_at IS NULL AND ${where}`).get({ current: CURRENT, anon: ANON }) as { n: number }).n;
  return {
    members: m('1'),
    idNumbers: m("id_number IS NOT NULL AND id_number <> ''"),
    phones: m("phone IS NOT NULL AND phone <> ''"),
    wages: m('monthly_wage_fen IS NOT NULL'),
    families: m("family_json NOT IN ('[]', '')"),
    left: m('status NOT IN (SELECT value FROM json_each(@current))'),
    anonymised: m(`NOT ${NOT_ANONYMISED}`),
    hardshipFiles: one(db, 'SELECT COUNT(*) AS n FROM hardship_files'),
    bankAccounts: one(db, "SELECT COUNT(*) AS n FROM hardship_files WHERE bank_account IS NOT NULL AND bank_account <> ''"),
    hardshipFamily: one(db, 'SELECT COUNT(*) AS n FROM hardship_family'),
    careVisits: one(db, 'SELECT COUNT(*) AS n FROM care_visits WHERE deleted_at IS NULL'),
    duesRecords: one(db, 'SELECT COUNT(*) AS n FROM dues_records'),
    mediationIds: one(db, "SELECT COUNT(*) AS n FROM mediation_cases WHERE applicant_id_number IS NOT NULL AND applicant_id_number <> ''"),
    proposalPhones: one(db, "SELECT COUNT(*) AS n FROM proposals WHERE contact_phone IS NOT NULL AND contact_phone <> ''"),
  };
}

/** How many records of each kind name one member. */
export function memberCounts(db: DB, memberId: number): Record<string, number> {
  const n = (sql: string) => one(db, sql, memberId);
  return {
    events: n('SELECT COUNT(*) AS n FROM member_events WHERE member_id = ?'),
    dues: n('SELECT COUNT(*) AS n FROM dues_records WHERE member_id = ?'),
    care: n('SELECT COUNT(*) AS n FROM care_visits WHERE member_id = ? AND deleted_at IS NULL'),
    hardship: n('SELECT COUNT(*) AS n FROM hardship_files WHERE member_id = ?'),
    openHardship: n("SELECT COUNT(*) AS n FROM hardship_files WHERE member_id = ? AND status = 'open'"),
    proposals: n('SELECT COUNT(*) AS n FROM proposals WHERE proposer_member_id = ?'),
    seconded: n('SELECT COUNT(*) AS n FROM proposal_seconders WHERE member_id = ?'),
    activities: n('SELECT COUNT(*) AS n FROM activity_participants WHERE member_id = ?'),
    awards: n('SELECT COUNT(*) AS n FROM award_recipients WHERE member_id = ?'),
    mediation: n('SELECT COUNT(*) AS n FROM mediation_cases WHERE applicant_member_id = ?'),
  };
}

/** The date of the member's last leaving event (转出/退会/开除/去世), or null. */
export const leftOn = (db: DB, memberId: number): string | null =>
  (stmt(db, `SELECT (${LEFT_ON}) AS d FROM members m WHERE m.id = @id`).get({ id: memberId, leaving: LEAVING }) as { d: string | null } | undefined)?.d ?? null;

export const duesOf = (db: DB, memberId: number) =>
  stmt(db, 'SELECT period, wage_fen, base_fen, amount_fen, exempt, reason, paid_on, paid_fen, payer, receipt_no FROM dues_records WHERE member_id = ? ORDER BY period').all(memberId) as {
    period: string; wage_fen: number | null; base_fen: number | null; amount_fen: number | null; exempt: number; reason: string | null; paid_on: string | null; paid_fen: number | null; payer: string | null; receipt_no: string | null;
  }[];

export const careOf = (db: DB, memberId: number) =>
  stmt(db, 'SELECT visit_date, occasion, event_date, form, amount_fen, visitors, notes FROM care_visits WHERE member_id = ? AND deleted_at IS NULL ORDER BY visit_date, id').all(memberId) as {
    visit_date: string; occasion: string; event_date: string | null; form: string; amount_fen: number; visitors: string | null; notes: string | null;
  }[];

export const hardshipOf = (db: DB, memberId: number) =>
  stmt(db, 'SELECT id, category, main_reason, status, filed_on, last_review_on, phone, address, bank_name, bank_branch, bank_account FROM hardship_files WHERE member_id = ? ORDER BY filed_on, id').all(memberId) as {
    id: number; category: string; main_reason: string; status: string; filed_on: string; last_review_on: string | null; phone: string | null; address: string | null; bank_name: string | null; bank_branch: string | null; bank_account: string | null;
  }[];

export const aidOf = (db: DB, fileId: number) =>
  stmt(db, 'SELECT aid_date, kind, amount_fen, fund_source FROM hardship_aid WHERE file_id = ? AND deleted_at IS NULL ORDER BY aid_date, id').all(fileId) as { aid_date: string; kind: string; amount_fen: number; fund_source: string | null }[];

/** Proposals the member put forward or seconded, with the session's title. */
export const proposalsOf = (db: DB, memberId: number) =>
  stmt(
    db,
    `SELECT p.id, p.kind, p.serial, p.title, s.term, s.meeting, s.name, CASE WHEN p.proposer_member_id = @m THEN '提案人' ELSE '附议人' END AS role
       FROM proposals p JOIN congress_sessions s ON s.id = p.session_id
      WHERE p.proposer_member_id = @m OR p.id IN (SELECT proposal_id FROM proposal_seconders WHERE member_id = @m)
      ORDER BY p.session_id, p.serial, p.id`,
  ).all({ m: memberId }) as { id: number; kind: string; serial: number | null; title: string; term: number; meeting: number; name: string | null; role: string }[];

export const activitiesOf = (db: DB, memberId: number) =>
  stmt(db, 'SELECT a.name, a.start_date, a.place FROM activities a JOIN activity_participants p ON p.activity_id = a.id WHERE p.member_id = ? AND a.deleted_at IS NULL ORDER BY a.start_date').all(memberId) as { name: string; start_date: string; place: string | null }[];

export const awardsOf = (db: DB, memberId: number) =>
  stmt(db, 'SELECT a.title, a.level, a.grantor, a.award_date FROM awards a JOIN award_recipients r ON r.award_id = a.id WHERE r.member_id = ? AND a.deleted_at IS NULL ORDER BY a.award_date').all(memberId) as { title: string; level: string | null; grantor: string | null; award_date: string }[];

// ── anonymising: each statement touches one member's own rows; sealed years' triggers refuse theirs ──

/** The member row: name and every identifying field replaced, the rest (dates, status, group) kept for the statistics. */
export function anonymiseMemberRow(db: DB, id: number, placeholder: string, now: string): void {
  stmt(
    db,
    `UPDATE members SET name = @p, name_pinyin = '', name_initials = '', sort_key = @p, id_number = NULL, id_checked = 0, phone = NULL,
            native_place = NULL, household_place = NULL, staff_no = NULL, member_no = NULL, family_json = '[]', work_history = NULL,
            remarks = NULL, monthly_wage_fen = NULL, updated_at = @now
      WHERE id = @id`,
  ).run({ id, p: placeholder, now });
}

export function anonymiseHardshipFiles(db: DB, memberId: number, now: string): number {
  return stmt(db, 'UPDATE hardship_files SET phone = NULL, address = NULL, bank_name = NULL, bank_branch = NULL, bank_account = NULL, updated_at = ? WHERE member_id = ?').run(now, memberId).changes;
}

export function anonymiseHardshipFamily(db: DB, memberId: number): number {
  return stmt(
    db,
    "UPDATE hardship_family SET name = '已匿名', id_number = NULL, birth_date = NULL, workplace = NULL WHERE file_id IN (SELECT id FROM hardship_files WHERE member_id = ?)",
  ).run(memberId).changes;
}

export const proposalIdsWithPhone = (db: DB, memberId: number): number[] =>
  (stmt(db, "SELECT id FROM proposals WHERE proposer_member_id = ? AND contact_phone IS NOT NULL AND contact_phone <> ''").all(memberId) as { id: number }[]).map((r) => r.id);

export const clearProposalPhone = (db: DB, id: number): void => void stmt(db, 'UPDATE proposals SET contact_phone = NULL WHERE id = ?').run(id);

export const mediationIdsOf = (db: DB, memberId: number): number[] =>
  (stmt(db, 'SELECT id FROM mediation_cases WHERE applicant_member_id = ?').all(memberId) as { id: number }[]).map((r) => r.id);

export const anonymiseMediation = (db: DB, id: number, placeholder: string): void =>
  void stmt(db, 'UPDATE mediation_cases SET applicant = ?, applicant_id_number = NULL WHERE id = ?').run(placeholder, id);

/** Members who left (not yet anonymised), with the date of their last leaving event. */
export const leftMembers = (db: DB) =>
  stmt(
    db,
    `SELECT m.id, m.name, m.status, m.id_number, (${LEFT_ON}) AS left_on,
            (SELECT COUNT(*) FROM hardship_files h WHERE h.member_id = m.id AND h.status = 'open') AS open_hardship
       FROM members m
      WHERE m.deleted_at IS NULL AND m.status NOT IN (SELECT value FROM json_each(@current)) AND ${NOT_ANONYMISED}
      ORDER BY left_on, m.id`,
  ).all({ leaving: LEAVING, current: CURRENT, anon: ANON }) as { id: number; name: string; status: string; id_number: string | null; left_on: string | null; open_hardship: number }[];
