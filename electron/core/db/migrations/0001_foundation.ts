import type { Migration } from './types';

export const m0001Foundation: Migration = {
  version: 1,
  name: 'foundation: settings, audit log',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT,
        before_json TEXT,
        after_json  TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
      CREATE INDEX audit_log_at ON audit_log (at);
    `);
  },
};
