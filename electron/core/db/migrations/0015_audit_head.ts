import type { Migration } from './types';

export const m0015AuditHead: Migration = {
  version: 15,
  name: 'the change log chain head (last entry and count), so `ledger check` sees entries cut off its end',
  up(db) {
    // One row, rewritten by writeAudit (audit.ts) in the same transaction as every entry. Its own table rather than a
    // settings row: `ledger info` counts settings, and the head is bookkeeping, not a setting anyone chose.
    db.exec(`CREATE TABLE audit_head (
               id      INTEGER PRIMARY KEY CHECK (id = 1),
               last_id INTEGER NOT NULL,
               hash    TEXT NOT NULL,
               count   INTEGER NOT NULL
             ) STRICT`);
    // Seeded for the entries written before this migration.
    db.exec(`INSERT INTO audit_head (id, last_id, hash, count)
             SELECT 1, id, ifnull(hash, ''), (SELECT COUNT(*) FROM audit_log) FROM audit_log ORDER BY id DESC LIMIT 1`);
  },
};
