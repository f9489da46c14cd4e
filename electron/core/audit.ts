import type { AuditEntry } from '../../shared/contract/app';
import type { DB } from './db/open';
import { AUDIT_CHAIN_START, auditChainHash } from './audit-hash';
import { insertAuditRow, iterateAuditChain, lastAuditLink, readAuditHead, selectAuditRows, writeAuditHead } from './audit.repo';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Call inside the same transaction as the change, so the log never disagrees with the data. The one place
 * entries are written: each carries the running hash over the previous one (#16, checked by `ledger check`).
 */
export function writeAudit(db: DB, actor: string, at: Date, rec: AuditRecord): void {
  // Reading the last link and appending must not interleave with another connection (the import writer thread).
  if (!db.inTransaction) {
    db.transaction(() => writeAudit(db, actor, at, rec)).immediate();
    return;
  }
  const last = lastAuditLink(db);
  // The next id is given, not left to SQLite: two writers chaining on the same entry then fail loudly (the
  // primary key) instead of forking the chain. Without AUTOINCREMENT SQLite would pick the same id anyway.
  const content = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    actor: actor || '未署名',
    action: rec.action,
    entity: rec.entity,
    entity_id: rec.entityId == null ? null : String(rec.entityId),
    before_json: rec.before === undefined ? null : JSON.stringify(rec.before),
    after_json: rec.after === undefined ? null : JSON.stringify(rec.after),
  };
  const hash = auditChainHash(last?.hash ?? AUDIT_CHAIN_START, content);
  insertAuditRow(db, { ...content, hash });
  // Ids run 1, 2, 3 … without gaps (given here), so the count is the id; stored anyway so a check needs no guess.
  writeAuditHead(db, { id: content.id, hash, count: content.id });
}

export interface AuditChainProblem {
  /** The entry's number (its id: the log is numbered 1, 2, 3 … and never loses one). */
  entry: number;
  kind: 'changed' | 'missing' | 'unhashed' | 'truncated' | 'headless';
  /** For `missing`: how many entries are gone before this one. */
  count?: number;
}

/**
 * Walks the chain. Each entry is checked against the stored hash of the one before it, so one edited entry is
 * reported once and not as everything after it; an entry edited together with its hash shows at the next one.
 */
export function verifyAuditChain(db: DB): { entries: number; problems: AuditChainProblem[] } {
  const problems: AuditChainProblem[] = [];
  let prevHash = AUDIT_CHAIN_START;
  let prevId = 0;
  let entries = 0;
  for (const row of iterateAuditChain(db)) {
    entries += 1;
    if (row.id !== prevId + 1) problems.push({ entry: prevId + 1, kind: 'missing', count: row.id - prevId - 1 });
    if (row.hash === null) problems.push({ entry: row.id, kind: 'unhashed' });
    // After a gap the previous hash is that of an entry no longer there: the entry itself can still be whole.
    else if (row.id === prevId + 1 && auditChainHash(prevHash, row) !== row.hash) problems.push({ entry: row.id, kind: 'changed' });
    prevHash = row.hash ?? '';
    prevId = row.id;
  }
  // The head written with the newest entry: fewer entries, or a different last one, means the end was cut off.
  const head = readAuditHead(db);
  if (!head) {
    if (entries) problems.push({ entry: prevId, kind: 'headless' });
  } else if (head.id > prevId || head.count > entries) {
    problems.push({ entry: prevId + 1, kind: 'truncated', count: Math.max(head.id - prevId, head.count - entries) });
  } else if (head.id === prevId && head.hash !== prevHash && !problems.some((p) => p.entry === prevId)) {
    problems.push({ entry: prevId, kind: 'changed' });
  } else if (head.id < prevId) {
    // Entries after the stored head were appended without it: not by this program.
    problems.push({ entry: head.id + 1, kind: 'unhashed' });
  }
  return { entries, problems };
}

export function listAudit(db: DB, limit: number, entity?: string): AuditEntry[] {
  const rows = selectAuditRows(db, limit, entity);
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
