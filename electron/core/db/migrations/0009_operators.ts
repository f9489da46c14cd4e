import type { Migration } from './types';

export const m0009Operators: Migration = {
  version: 9,
  name: 'operators (操作员 with roles and scrypt password hashes) and an append-only audit log',
  up(db) {
    db.exec(`
      -- Who may use the app. password_hash is "scrypt$N$r$p$salt$hash" (node:crypto); NULL means this operator
      -- cannot log in. While no enabled operator has a password, login is off and the app behaves as one 管理员.
      CREATE TABLE operators (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'finance', 'viewer')),
        password_hash TEXT,
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- The change log is evidence: once written, an entry is never changed or removed, not even by our own code.
      -- (audit_log.actor already carries the operator's name since 0001.)
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, '修改记录只能追加，不能修改或删除'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, '修改记录只能追加，不能修改或删除'); END;
    `);
  },
};
