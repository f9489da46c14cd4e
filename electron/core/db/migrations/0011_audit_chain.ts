import { AUDIT_CHAIN_START, auditChainHash, type AuditChainContent } from '../../audit-hash';
import type { Migration } from './types';

export const m0011AuditChain: Migration = {
  version: 11,
  name: 'a running sha256 hash over the change log, so `ledger check` finds an edited or removed entry',
  up(db) {
    // hash = sha256(previous entry's hash + this entry's columns), see audit-hash.ts. Written in the same INSERT as
    // the entry (audit.ts); the append-only triggers of 0009 make it unchangeable afterwards.
    db.exec('ALTER TABLE audit_log ADD COLUMN hash TEXT');
    // The back-fill is the one UPDATE the log ever gets: the trigger steps aside inside this migration's transaction.
    db.exec('DROP TRIGGER audit_log_no_update');
    const rows = db.prepare('SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditChainContent>;
    const set = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
    const hashes: [string, number][] = [];
    let prev = AUDIT_CHAIN_START;
    for (const row of rows) {
      prev = auditChainHash(prev, row);
      hashes.push([prev, row.id]);
    }
    for (const [hash, id] of hashes) set.run(hash, id);
    db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
               BEGIN SELECT RAISE(ABORT, '修改记录只能追加，不能修改或删除'); END`);
  },
};
