import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

/** The file's own columns as the service writes them (create and update). */
export interface HardshipWrite {
  member_id: number;
  category: string;
  main_reason: string;
  secondary_reasons_json: string;
  family_size: number | null;
  income_per_head_fen: number | null;
  own_income_fen: number | null;
  family_income_fen: number | null;
  health: string | null;
  disability: string | null;
  housing: string | null;
  housing_area: number | null;
  marital_status: string | null;
  hukou_type: string | null;
  medical_insurance: string | null;
  phone: string | null;
  address: string | null;
  bank_name: string | null;
  bank_branch: string | null;
  bank_account: string | null;
  filed_on: string;
  filed_by: string | null;
  audited_by: string | null;
  audited_on: string | null;
  notes: string | null;
}

export interface HardshipDbRow extends HardshipWrite {
  id: number;
  member_name: string;
  id_number: string | null;
  department: string | null;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  political_status: string | null;
  work_unit: string | null;
  status: string;
  last_review_on: string | null;
  review_reason: string | null;
  updated_at: string;
}

const SELECT = `SELECT h.*, m.name AS member_name, m.id_number, m.department, m.gender, m.birth_date, m.ethnicity, m.political_status, m.work_unit
  FROM hardship_files h JOIN members m ON m.id = h.member_id`;

export const listHardshipRows = (db: DB, status: string | null): HardshipDbRow[] =>
  stmt(db, `${SELECT} WHERE (@status IS NULL OR h.status = @status) ORDER BY h.filed_on, h.id`).all({ status }) as HardshipDbRow[];

export const getHardshipRow = (db: DB, id: number): HardshipDbRow | undefined => stmt(db, `${SELECT} WHERE h.id = ?`).get(id) as HardshipDbRow | undefined;

export const openFileOf = (db: DB, memberId: number): { id: number } | undefined =>
  stmt(db, `SELECT id FROM hardship_files WHERE member_id = ? AND status = 'open'`).get(memberId) as { id: number } | undefined;

const COLS = [
  'member_id', 'category', 'main_reason', 'secondary_reasons_json', 'family_size', 'income_per_head_fen', 'own_income_fen', 'family_income_fen',
  'health', 'disability', 'housing', 'housing_area', 'marital_status', 'hukou_type', 'medical_insurance', 'phone', 'address', 'bank_name',
  'bank_branch', 'bank_account', 'filed_on', 'filed_by', 'audited_by', 'audited_on', 'notes',
] as const;

export function insertHardship(db: DB, r: HardshipWrite, now: string): number {
  return Number(
    stmt(db, `INSERT INTO hardship_files (${COLS.join(', ')}, created_at, updated_at) VALUES (${COLS.map((c) => `@${c}`).join(', ')}, @now, @now)`).run({ ...r, now })
      .lastInsertRowid,
  );
}

export const updateHardship = (db: DB, id: number, r: HardshipWrite, now: string): number =>
  stmt(db, `UPDATE hardship_files SET ${COLS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...r, id, now }).changes;

export const reviewHardship = (db: DB, id: number, status: string, on: string, reason: string | null, now: string): number =>
  stmt(db, `UPDATE hardship_files SET status = ?, last_review_on = ?, review_reason = ?, updated_at = ? WHERE id = ?`).run(status, on, reason, now, id).changes;

export interface FamilyDbRow {
  name: string;
  relation: string | null;
  gender: string | null;
  id_number: string | null;
  birth_date: string | null;
  health: string | null;
  monthly_income_fen: number | null;
  identity: string | null;
  medical_insurance: string | null;
  workplace: string | null;
}

export const familyOf = (db: DB, fileId: number): FamilyDbRow[] =>
  stmt(
    db,
    `SELECT name, relation, gender, id_number, birth_date, health, monthly_income_fen, identity, medical_insurance, workplace
     FROM hardship_family WHERE file_id = ? ORDER BY seq`,
  ).all(fileId) as FamilyDbRow[];

/** The table is saved as a whole, as the paper form is rewritten. */
export function replaceFamily(db: DB, fileId: number, rows: FamilyDbRow[]): void {
  stmt(db, `DELETE FROM hardship_family WHERE file_id = ?`).run(fileId);
  const ins = stmt(
    db,
    `INSERT INTO hardship_family (file_id, seq, name, relation, gender, id_number, birth_date, health, monthly_income_fen, identity, medical_insurance, workplace)
     VALUES (@file_id, @seq, @name, @relation, @gender, @id_number, @birth_date, @health, @monthly_income_fen, @identity, @medical_insurance, @workplace)`,
  );
  rows.forEach((r, i) => ins.run({ ...r, file_id: fileId, seq: i + 1 }));
}

export interface AidDbRow {
  id: number;
  file_id: number;
  aid_date: string;
  kind: string;
  amount_fen: number;
  fund_source: string | null;
  notes: string | null;
}

export const aidOf = (db: DB, fileId: number): AidDbRow[] =>
  stmt(db, `SELECT id, file_id, aid_date, kind, amount_fen, fund_source, notes FROM hardship_aid WHERE file_id = ? AND deleted_at IS NULL ORDER BY aid_date, id`).all(
    fileId,
  ) as AidDbRow[];

export const getAid = (db: DB, id: number): AidDbRow | undefined =>
  stmt(db, `SELECT id, file_id, aid_date, kind, amount_fen, fund_source, notes FROM hardship_aid WHERE id = ? AND deleted_at IS NULL`).get(id) as AidDbRow | undefined;

export const insertAid = (db: DB, r: Omit<AidDbRow, 'id'>, now: string): number =>
  Number(
    stmt(db, `INSERT INTO hardship_aid (file_id, aid_date, kind, amount_fen, fund_source, notes, created_at) VALUES (@file_id, @aid_date, @kind, @amount_fen, @fund_source, @notes, @now)`).run(
      { ...r, now },
    ).lastInsertRowid,
  );

export const softDeleteAid = (db: DB, id: number, reason: string, now: string): number =>
  stmt(db, `UPDATE hardship_aid SET deleted_at = ?, deleted_reason = ? WHERE id = ? AND deleted_at IS NULL`).run(now, reason, id).changes;

/** 帮扶 totals per file: this year's and all years' (for the list). */
export const aidTotals = (db: DB, year: string): Map<number, { year: number; all: number }> =>
  new Map(
    (
      stmt(
        db,
        `SELECT file_id, sum(CASE WHEN substr(aid_date, 1, 4) = ? THEN amount_fen ELSE 0 END) AS y, sum(amount_fen) AS a
         FROM hardship_aid WHERE deleted_at IS NULL GROUP BY file_id`,
      ).all(year) as { file_id: number; y: number; a: number }[]
    ).map((r) => [r.file_id, { year: r.y, all: r.a }]),
  );

export interface HardshipAttachmentDbRow {
  id: number;
  file_id: number;
  label: string;
  kind: string | null;
  sha256: string;
  size_bytes: number;
  mime: string;
  added_at: string;
}

const ATT = `SELECT x.id, x.file_id, x.label, x.kind, x.sha256, b.size_bytes, b.mime, x.added_at FROM hardship_attachments x JOIN file_blobs b ON b.sha256 = x.sha256`;

export const attachmentsOf = (db: DB, fileId: number): HardshipAttachmentDbRow[] =>
  stmt(db, `${ATT} WHERE x.file_id = ? AND x.removed_at IS NULL ORDER BY x.id`).all(fileId) as HardshipAttachmentDbRow[];

export const getAttachment = (db: DB, id: number): HardshipAttachmentDbRow | undefined =>
  stmt(db, `${ATT} WHERE x.id = ? AND x.removed_at IS NULL`).get(id) as HardshipAttachmentDbRow | undefined;

export const insertAttachment = (db: DB, fileId: number, sha256: string, label: string, kind: string | null, now: string): number =>
  Number(stmt(db, `INSERT INTO hardship_attachments (file_id, sha256, label, kind, added_at) VALUES (?, ?, ?, ?, ?)`).run(fileId, sha256, label, kind, now).lastInsertRowid);

/** Only the row is marked: stored files are never deleted (older backups still name them). */
export const removeAttachment = (db: DB, id: number, now: string): number =>
  stmt(db, `UPDATE hardship_attachments SET removed_at = ? WHERE id = ? AND removed_at IS NULL`).run(now, id).changes;

/** Files with something in `year`: filed, reviewed or given aid (the year-end archive's items). */
export const fileIdsOfYear = (db: DB, year: number): number[] =>
  (
    stmt(
      db,
      `SELECT h.id FROM hardship_files h WHERE substr(h.filed_on, 1, 4) = @y OR substr(h.last_review_on, 1, 4) = @y
       OR EXISTS (SELECT 1 FROM hardship_aid a WHERE a.file_id = h.id AND a.deleted_at IS NULL AND substr(a.aid_date, 1, 4) = @y)
       ORDER BY h.filed_on, h.id`,
    ).all({ y: String(year) }) as { id: number }[]
  ).map((r) => r.id);
