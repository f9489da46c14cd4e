import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

/** One row of `disclosures` as stored. */
export interface DisclosureRow {
  id: number;
  reg_year: number;
  reg_seq: number;
  reg_no: string;
  title: string;
  category: string;
  content: string | null;
  forms_json: string;
  scope: string;
  timing: string;
  disclosed_on: string;
  until: string | null;
  department: string | null;
  reviewer: string | null;
  reviewed_on: string | null;
  remarks: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
}

export type DisclosureListDbRow = DisclosureRow & { attachment_count: number; opinion_count: number; overdue_count: number };

export interface AttachmentRow {
  id: number;
  disclosure_id: number;
  sha256: string;
  label: string;
  added_at: string;
  removed_at: string | null;
  size_bytes: number;
  mime: string;
}

export const WRITABLE_COLUMNS = [
  'title',
  'category',
  'content',
  'forms_json',
  'scope',
  'timing',
  'disclosed_on',
  'until',
  'department',
  'reviewer',
  'reviewed_on',
  'remarks',
] as const;
export type WritableRow = { [K in (typeof WRITABLE_COLUMNS)[number]]: DisclosureRow[K] };

const INSERT_SQL = `INSERT INTO disclosures (reg_year, reg_seq, reg_no, ${WRITABLE_COLUMNS.join(', ')}, created_at, updated_at)
  VALUES (@reg_year, @reg_seq, @reg_no, ${WRITABLE_COLUMNS.map((c) => '@' + c).join(', ')}, @now, @now)`;
const UPDATE_SQL = `UPDATE disclosures SET ${WRITABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now
  WHERE id = @id AND deleted_at IS NULL`;

/**
 * The next 登记号 of a year. The counter only grows, and it never falls behind a number already in the table
 * (rows restored from elsewhere), so a number — also a deleted record's — is never given twice. Call inside
 * the transaction that inserts the record: a rolled-back insert gives its number back with it.
 */
export function takeNextSeq(db: DB, year: number): number {
  const counter = stmt(db, 'SELECT last_seq FROM disclosure_counters WHERE year = ?').get(year) as { last_seq: number } | undefined;
  const highest = stmt(db, 'SELECT coalesce(max(reg_seq), 0) AS n FROM disclosures WHERE reg_year = ?').get(year) as { n: number };
  const next = Math.max(counter?.last_seq ?? 0, highest.n) + 1;
  stmt(db, 'INSERT INTO disclosure_counters (year, last_seq) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq').run(year, next);
  return next;
}

export function insertDisclosure(db: DB, reg: { reg_year: number; reg_seq: number; reg_no: string }, row: WritableRow, now: string): number {
  return Number(stmt(db, INSERT_SQL).run({ ...reg, ...row, now }).lastInsertRowid);
}

export function updateDisclosure(db: DB, id: number, row: WritableRow, now: string): void {
  stmt(db, UPDATE_SQL).run({ ...row, id, now });
}

export function softDeleteDisclosure(db: DB, id: number, reason: string, now: string): void {
  stmt(db, 'UPDATE disclosures SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ?').run(now, reason, now, id);
}

export function getDisclosureRow(db: DB, id: number): DisclosureRow | undefined {
  return stmt(db, 'SELECT * FROM disclosures WHERE id = ? AND deleted_at IS NULL').get(id) as DisclosureRow | undefined;
}

export function findByRegNo(db: DB, regNo: string): DisclosureRow | undefined {
  return stmt(db, 'SELECT * FROM disclosures WHERE reg_no = ? AND deleted_at IS NULL').get(regNo) as DisclosureRow | undefined;
}

export interface ListFilter {
  from: string;
  to: string;
  category?: string | undefined;
  form?: string | undefined;
  search?: string | undefined;
  today: string;
  order: 'asc' | 'desc';
}

/** LIKE with the clerk's text taken literally (a % or _ typed is a character, not a wildcard). */
export const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Uses disclosures_live_date for the period; the counts are per row through their own indexes. */
export function listDisclosureRows(db: DB, f: ListFilter): DisclosureListDbRow[] {
  const where = ['d.deleted_at IS NULL', 'd.disclosed_on BETWEEN @from AND @to'];
  if (f.category) where.push('d.category = @category');
  if (f.form) where.push('EXISTS (SELECT 1 FROM json_each(d.forms_json) WHERE value = @form)');
  if (f.search) {
    where.push(`(d.title LIKE @search ESCAPE '\\' OR d.reg_no LIKE @search ESCAPE '\\' OR d.department LIKE @search ESCAPE '\\'
      OR d.content LIKE @search ESCAPE '\\')`);
  }
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT d.*,
      (SELECT count(*) FROM disclosure_attachments a WHERE a.disclosure_id = d.id AND a.removed_at IS NULL) AS attachment_count,
      (SELECT count(*) FROM opinions o WHERE o.disclosure_id = d.id AND o.deleted_at IS NULL) AS opinion_count,
      (SELECT count(*) FROM opinions o WHERE o.disclosure_id = d.id AND o.deleted_at IS NULL
         AND o.status IN ('pending', 'in_progress') AND o.due_on < @today) AS overdue_count
    FROM disclosures d WHERE ${where.join(' AND ')}
    ORDER BY d.disclosed_on ${dir}, d.reg_year ${dir}, d.reg_seq ${dir}`;
  return stmt(db, sql).all({
    from: f.from,
    to: f.to,
    today: f.today,
    ...(f.category ? { category: f.category } : {}),
    ...(f.form ? { form: f.form } : {}),
    ...(f.search ? { search: likePattern(f.search) } : {}),
  }) as DisclosureListDbRow[];
}

export function disclosureYears(db: DB): number[] {
  return (
    stmt(db, "SELECT DISTINCT CAST(substr(disclosed_on, 1, 4) AS INTEGER) AS y FROM disclosures WHERE deleted_at IS NULL ORDER BY y DESC").all() as {
      y: number;
    }[]
  ).map((r) => r.y);
}

export function insertAttachment(db: DB, disclosureId: number, sha256: string, label: string, now: string): number {
  return Number(
    stmt(db, 'INSERT INTO disclosure_attachments (disclosure_id, sha256, label, added_at) VALUES (?, ?, ?, ?)').run(disclosureId, sha256, label, now)
      .lastInsertRowid,
  );
}

export function markAttachmentRemoved(db: DB, id: number, now: string): void {
  stmt(db, 'UPDATE disclosure_attachments SET removed_at = ? WHERE id = ?').run(now, id);
}

const ATTACHMENT_SELECT = `SELECT a.*, b.size_bytes, b.mime FROM disclosure_attachments a JOIN file_blobs b ON b.sha256 = a.sha256`;

export function listAttachments(db: DB, disclosureId: number): AttachmentRow[] {
  return stmt(db, `${ATTACHMENT_SELECT} WHERE a.disclosure_id = ? AND a.removed_at IS NULL ORDER BY a.id`).all(disclosureId) as AttachmentRow[];
}

/** A live attachment of a live record. */
export function getAttachment(db: DB, id: number): AttachmentRow | undefined {
  return stmt(
    db,
    `${ATTACHMENT_SELECT} JOIN disclosures d ON d.id = a.disclosure_id
     WHERE a.id = ? AND a.removed_at IS NULL AND d.deleted_at IS NULL`,
  ).get(id) as AttachmentRow | undefined;
}

/** Every file the records still show: the ones `ledger check` makes sure are in files/. */
export const REFERENCED_BLOBS_SQL = `SELECT DISTINCT a.sha256, b.size_bytes, a.label, d.reg_no
  FROM disclosure_attachments a JOIN file_blobs b ON b.sha256 = a.sha256 JOIN disclosures d ON d.id = a.disclosure_id
  WHERE a.removed_at IS NULL AND d.deleted_at IS NULL ORDER BY d.reg_no, a.id`;

export interface ReferencedBlob {
  sha256: string;
  size_bytes: number;
  label: string;
  reg_no: string;
}

/** Not cached: it also runs on read-only connections to backups, opened and closed once each. */
export function referencedBlobs(db: DB): ReferencedBlob[] {
  return db.prepare(REFERENCED_BLOBS_SQL).all() as ReferencedBlob[];
}
