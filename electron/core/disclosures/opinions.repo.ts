import type { DB } from '../db/open';
import { stmt } from '../db/stmt';
import { likePattern } from './disclosures.repo';

export interface OpinionRow {
  id: number;
  received_on: string;
  channel: string;
  anonymous: number;
  reporter: string | null;
  contact: string | null;
  content: string;
  disclosure_id: number | null;
  forwarded_to: string | null;
  forwarded_on: string | null;
  due_on: string;
  reply: string | null;
  replied_on: string | null;
  replied_by: string | null;
  remarks: string | null;
  status: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type OpinionDbRow = OpinionRow & { disclosure_reg_no: string | null; disclosure_title: string | null; disclosure_deleted: number | null };

export const OPINION_COLUMNS = [
  'received_on',
  'channel',
  'anonymous',
  'reporter',
  'contact',
  'content',
  'disclosure_id',
  'forwarded_to',
  'forwarded_on',
  'due_on',
  'reply',
  'replied_on',
  'replied_by',
  'remarks',
  'status',
  'archived_at',
] as const;
export type OpinionWritable = { [K in (typeof OPINION_COLUMNS)[number]]: OpinionRow[K] };

const SELECT = `SELECT o.*, d.reg_no AS disclosure_reg_no, d.title AS disclosure_title, d.deleted_at IS NOT NULL AS disclosure_deleted
  FROM opinions o LEFT JOIN disclosures d ON d.id = o.disclosure_id`;

export function insertOpinion(db: DB, row: OpinionWritable, now: string): number {
  const sql = `INSERT INTO opinions (${OPINION_COLUMNS.join(', ')}, created_at, updated_at)
    VALUES (${OPINION_COLUMNS.map((c) => '@' + c).join(', ')}, @now, @now)`;
  return Number(stmt(db, sql).run({ ...row, now }).lastInsertRowid);
}

export function updateOpinion(db: DB, id: number, row: OpinionWritable, now: string): void {
  const sql = `UPDATE opinions SET ${OPINION_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now
    WHERE id = @id AND deleted_at IS NULL`;
  stmt(db, sql).run({ ...row, id, now });
}

export function softDeleteOpinion(db: DB, id: number, now: string): void {
  stmt(db, 'UPDATE opinions SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

export function getOpinionRow(db: DB, id: number): OpinionDbRow | undefined {
  return stmt(db, `${SELECT} WHERE o.id = ? AND o.deleted_at IS NULL`).get(id) as OpinionDbRow | undefined;
}

export interface OpinionFilter {
  statuses?: string[] | undefined;
  overdueOnly: boolean;
  disclosureId?: number | undefined;
  year?: number | undefined;
  search?: string | undefined;
  today: string;
  limit: number;
}

/** Overdue ones (open and past due) come through opinions_live_status_due; others by receipt date. */
export function listOpinionRows(db: DB, f: OpinionFilter): { total: number; rows: OpinionDbRow[] } {
  const where = ['o.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (f.overdueOnly) {
    where.push("o.status IN ('pending', 'in_progress') AND o.due_on < @today");
    params.today = f.today;
  }
  if (f.statuses?.length) {
    where.push(`o.status IN (${f.statuses.map((_, i) => `@s${i}`).join(', ')})`);
    f.statuses.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (f.disclosureId) {
    where.push('o.disclosure_id = @disclosureId');
    params.disclosureId = f.disclosureId;
  }
  if (f.year) {
    where.push('o.received_on BETWEEN @from AND @to');
    params.from = `${f.year}-01-01`;
    params.to = `${f.year}-12-31`;
  }
  if (f.search) {
    where.push(`(o.content LIKE @search ESCAPE '\\' OR o.reporter LIKE @search ESCAPE '\\' OR o.forwarded_to LIKE @search ESCAPE '\\'
      OR o.reply LIKE @search ESCAPE '\\')`);
    params.search = likePattern(f.search);
  }
  const clause = where.join(' AND ');
  const total = (stmt(db, `SELECT count(*) AS n FROM opinions o WHERE ${clause}`).get(params) as { n: number }).n;
  const order = f.overdueOnly ? 'o.due_on ASC, o.id ASC' : 'o.received_on DESC, o.id DESC';
  const rows = stmt(db, `${SELECT} WHERE ${clause} ORDER BY ${order} LIMIT @limit`).all({ ...params, limit: f.limit }) as OpinionDbRow[];
  return { total, rows };
}
