import type { AuditEntry } from '../../shared/contract/app';
import { stmt } from './db/stmt';
import type { DB } from './db/open';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

const INSERT = `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
                VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** Call inside the same transaction as the change, so the log never disagrees with the data. */
export function writeAudit(db: DB, actor: string, at: Date, rec: AuditRecord): void {
  stmt(db, INSERT).run(
    at.toISOString(),
    actor || '未署名',
    rec.action,
    rec.entity,
    rec.entityId == null ? null : String(rec.entityId),
    rec.before === undefined ? null : JSON.stringify(rec.before),
    rec.after === undefined ? null : JSON.stringify(rec.after),
  );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export function listAudit(db: DB, limit: number, entity?: string): AuditEntry[] {
  const rows = (
    entity
      ? stmt(db, 'SELECT * FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT ?').all(entity, limit)
      : stmt(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
  ) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
  }));
}
