/** Awards (表彰) and mediation cases (劳动争议调解): the ledger's two smaller records. */
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface AwardDbRow {
  id: number;
  title: string;
  level: string;
  grantor: string | null;
  award_date: string;
  doc_no: string | null;
  collective: string | null;
  notes: string | null;
}

export function listAwards(db: DB, q: { from: string | null; to: string | null; memberId: number | null }): AwardDbRow[] {
  return stmt(
    db,
    `SELECT id, title, level, grantor, award_date, doc_no, collective, notes FROM awards a WHERE deleted_at IS NULL
     AND (@from IS NULL OR award_date BETWEEN @from AND @to)
     AND (@memberId IS NULL OR EXISTS (SELECT 1 FROM award_recipients r WHERE r.award_id = a.id AND r.member_id = @memberId))
     ORDER BY award_date, id`,
  ).all(q) as AwardDbRow[];
}
export const getAward = (db: DB, id: number) =>
  stmt(db, `SELECT id, title, level, grantor, award_date, doc_no, collective, notes FROM awards WHERE id = ? AND deleted_at IS NULL`).get(id) as AwardDbRow | undefined;

export function insertAward(db: DB, a: Omit<AwardDbRow, 'id'>, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO awards (title, level, grantor, award_date, doc_no, collective, notes, created_at, updated_at)
       VALUES (@title, @level, @grantor, @award_date, @doc_no, @collective, @notes, @now, @now)`,
    ).run({ ...a, now }).lastInsertRowid,
  );
}
export const addRecipient = (db: DB, awardId: number, memberId: number) =>
  stmt(db, `INSERT OR IGNORE INTO award_recipients (award_id, member_id) VALUES (?, ?)`).run(awardId, memberId);
export const recipients = (db: DB, awardId: number): { id: number; name: string }[] =>
  stmt(db, `SELECT m.id, m.name FROM award_recipients r JOIN members m ON m.id = r.member_id WHERE r.award_id = ? ORDER BY m.sort_key`).all(awardId) as {
    id: number;
    name: string;
  }[];

export interface MediationDbRow {
  id: number;
  form: string;
  accepted_on: string;
  applicant_member_id: number | null;
  applicant: string;
  applicant_id_number: string | null;
  respondent: string;
  category: string;
  matter: string;
  reasons: string | null;
  mediators: string | null;
  sessions: string;
  outcome: string | null;
  closed_on: string | null;
  agreement_terms: string | null;
  agreement_deadline: string | null;
}
const MCOLS = `id, form, accepted_on, applicant_member_id, applicant, applicant_id_number, respondent, category, matter, reasons, mediators,
  sessions, outcome, closed_on, agreement_terms, agreement_deadline`;

export const listMediation = (db: DB, from: string | null, to: string | null): MediationDbRow[] =>
  stmt(db, `SELECT ${MCOLS} FROM mediation_cases WHERE (? IS NULL OR accepted_on BETWEEN ? AND ?) ORDER BY accepted_on DESC, id DESC`).all(from, from, to) as MediationDbRow[];
export const getMediation = (db: DB, id: number) => stmt(db, `SELECT ${MCOLS} FROM mediation_cases WHERE id = ?`).get(id) as MediationDbRow | undefined;

export type MediationCaseWrite = Omit<MediationDbRow, 'id' | 'outcome' | 'closed_on' | 'agreement_terms' | 'agreement_deadline'>;

export function insertMediation(db: DB, m: MediationCaseWrite, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO mediation_cases (form, accepted_on, applicant_member_id, applicant, applicant_id_number, respondent, category, matter, reasons, mediators, sessions, created_at, updated_at)
       VALUES (@form, @accepted_on, @applicant_member_id, @applicant, @applicant_id_number, @respondent, @category, @matter, @reasons, @mediators, @sessions, @now, @now)`,
    ).run({ ...m, now }).lastInsertRowid,
  );
}

export const updateMediation = (db: DB, id: number, m: MediationCaseWrite, now: string) =>
  stmt(
    db,
    `UPDATE mediation_cases SET form = @form, accepted_on = @accepted_on, applicant_member_id = @applicant_member_id, applicant = @applicant,
     applicant_id_number = @applicant_id_number, respondent = @respondent, category = @category, matter = @matter, reasons = @reasons,
     mediators = @mediators, sessions = @sessions, updated_at = @now WHERE id = @id`,
  ).run({ ...m, id, now });
export const closeMediation = (
  db: DB,
  id: number,
  f: { outcome: string; closed_on: string; agreement_terms: string | null; agreement_deadline: string | null; sessions: string },
  now: string,
) =>
  stmt(
    db,
    `UPDATE mediation_cases SET outcome = @outcome, closed_on = @closed_on, agreement_terms = @agreement_terms, agreement_deadline = @agreement_deadline,
     sessions = @sessions, updated_at = @now WHERE id = @id`,
  ).run({ ...f, id, now });

/** Figures from other modules for the year summary; each table is read only if it exists (modules are optional). */
export function countIn(db: DB, table: string, dateCol: string, year: number, extra = ''): number {
  const exists = stmt(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  if (!exists) return 0;
  return (stmt(db, `SELECT count(*) AS n FROM ${table} WHERE substr(${dateCol}, 1, 4) = ? ${extra}`).get(String(year)) as { n: number }).n;
}
