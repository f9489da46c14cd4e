/** The change log's read model (修改记录): filtered, paged, with the member's or proposal's name resolved. */
import type { AuditFilter, AuditQuery } from '../../../shared/contract/operators';
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface AuditLogDbRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  record_name: string | null;
}

function where(q: AuditFilter): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  const add = (sql: string, arg: string): void => {
    parts.push(sql);
    args.push(arg);
  };
  if (q.operator) add('a.actor = ?', q.operator);
  if (q.action) add('a.action = ?', q.action);
  if (q.entity) add('a.entity = ?', q.entity);
  if (q.entityId) add('a.entity_id = ?', q.entityId);
  // `at` is an ISO instant (UTC); a date filter is a whole local-agnostic calendar day, compared as text.
  if (q.from) add('a.at >= ?', q.from);
  if (q.to) add('a.at < ?', `${q.to}\uffff`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

// A removed member or proposal keeps its row (soft delete), so its name still shows in its history; a removed
// operator's entries show the number only (its name is in the 删除操作员 entry).
const SELECT_ROWS = `SELECT a.*,
         CASE a.entity
           WHEN 'member' THEN (SELECT m.name FROM members m WHERE m.id = CAST(a.entity_id AS INTEGER))
           WHEN 'proposal' THEN (SELECT p.title FROM proposals p WHERE p.id = CAST(a.entity_id AS INTEGER))
           WHEN 'operator' THEN (SELECT o.name FROM operators o WHERE o.id = CAST(a.entity_id AS INTEGER))
         END AS record_name
       FROM audit_log a`;

export function queryAuditLog(db: DB, q: AuditQuery): { total: number; rows: AuditLogDbRow[] } {
  const w = where(q);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log a ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = db.prepare(`${SELECT_ROWS} ${w.sql} ORDER BY a.id DESC LIMIT ? OFFSET ?`).all(...w.args, q.limit, q.offset) as AuditLogDbRow[];
  return { total, rows };
}

/** Every entry the filter matches, newest first, streamed for the .xlsx export (audit_log_entity, rowid). */
export function iterateAuditLog(db: DB, q: AuditFilter): IterableIterator<AuditLogDbRow> {
  const w = where(q);
  return db.prepare(`${SELECT_ROWS} ${w.sql} ORDER BY a.id DESC`).iterate(...w.args) as IterableIterator<AuditLogDbRow>;
}

export const auditOperators = (db: DB): string[] =>
  (stmt(db, 'SELECT DISTINCT actor FROM audit_log ORDER BY actor').all() as { actor: string }[]).map((r) => r.actor);

export const auditActions = (db: DB): string[] =>
  (stmt(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]).map((r) => r.action);
