/** SQL of the audit log (audit.ts writes and reads entries through here). */
import type { DB } from './db/open';
import { stmt } from './db/stmt';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  /** Running hash (migration 0011); NULL only for a row written behind the app's back. */
  hash: string | null;
}

const INSERT = `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, hash)
                VALUES (@id, @at, @actor, @action, @entity, @entity_id, @before_json, @after_json, @hash)`;

export function insertAuditRow(db: DB, row: Omit<AuditRow, 'hash'> & { hash: string }): void {
  stmt(db, INSERT).run(row);
}

/** The newest entry's id and hash: the link the next entry chains on. */
export const lastAuditLink = (db: DB): { id: number; hash: string | null } | undefined =>
  stmt(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;

/** Every entry in chain order, streamed (a log of years can hold hundreds of thousands). */
export const iterateAuditChain = (db: DB): IterableIterator<AuditRow> =>
  stmt(db, 'SELECT id, at, actor, action, entity, entity_id, before_json, after_json, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;

export function selectAuditRows(db: DB, limit: number, entity?: string): AuditRow[] {
  return (
    entity
      ? stmt(db, 'SELECT * FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT ?').all(entity, limit)
      : stmt(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
  ) as AuditRow[];
}

/**
 * The chain's head (#16): the last entry's id and hash and the number of entries (table audit_head, migration 0015),
 * rewritten in the same transaction as each INSERT. Cutting entries off the end leaves a head that names an entry no
 * longer there; the log's own rows cannot show that (the shorter chain is still a whole chain).
 */
export interface AuditChainHead {
  id: number;
  hash: string;
  count: number;
}

export function writeAuditHead(db: DB, head: AuditChainHead): void {
  stmt(
    db,
    `INSERT INTO audit_head (id, last_id, hash, count) VALUES (1, @id, @hash, @count)
     ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash, count = excluded.count`,
  ).run(head);
}

export function readAuditHead(db: DB): AuditChainHead | null {
  const row = stmt(db, 'SELECT last_id AS id, hash, count FROM audit_head WHERE id = 1').get() as AuditChainHead | undefined;
  return row ?? null;
}
