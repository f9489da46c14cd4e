import type { Migration } from './types';

export const m0003Disclosures: Migration = {
  version: 3,
  name: 'open-affairs disclosures, attachments (content-addressed files), opinions',
  up(db) {
    db.exec(`
      -- Every file ever stored in the data folder's files/ by content hash. Files are immutable and never
      -- deleted while the app runs (see core/files/attachments.ts), so any database backup finds its files.
      CREATE TABLE file_blobs (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size_bytes INTEGER NOT NULL,
        mime       TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- 登记号 counters: one row per year, only ever incremented, so a number is never handed out twice,
      -- also after the record that had it was deleted.
      CREATE TABLE disclosure_counters (
        year     INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE disclosures (
        id           INTEGER PRIMARY KEY,
        reg_year     INTEGER NOT NULL,
        reg_seq      INTEGER NOT NULL,
        reg_no       TEXT NOT NULL,
        title        TEXT NOT NULL,
        category     TEXT NOT NULL,
        content      TEXT,
        forms_json   TEXT NOT NULL DEFAULT '[]',
        scope        TEXT NOT NULL CHECK (scope IN ('internal', 'external', 'both')),
        timing       TEXT NOT NULL CHECK (timing IN ('standing', 'periodic', 'immediate')),
        disclosed_on TEXT NOT NULL,
        until        TEXT,
        department   TEXT,
        reviewer     TEXT,
        reviewed_on  TEXT,
        remarks      TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT,
        deleted_reason TEXT
      ) STRICT;
      -- Over all rows, deleted ones included: a deleted record keeps its number.
      CREATE UNIQUE INDEX disclosures_reg ON disclosures (reg_year, reg_seq);
      CREATE UNIQUE INDEX disclosures_reg_no ON disclosures (reg_no);
      -- Lists and catalogues read one month or year of live rows in date order.
      CREATE INDEX disclosures_live_date ON disclosures (disclosed_on, reg_seq) WHERE deleted_at IS NULL;

      CREATE TABLE disclosure_attachments (
        id            INTEGER PRIMARY KEY,
        disclosure_id INTEGER NOT NULL REFERENCES disclosures (id),
        sha256        TEXT NOT NULL REFERENCES file_blobs (sha256),
        label         TEXT NOT NULL,
        added_at      TEXT NOT NULL,
        removed_at    TEXT
      ) STRICT;
      CREATE INDEX disclosure_attachments_owner ON disclosure_attachments (disclosure_id) WHERE removed_at IS NULL;
      CREATE INDEX disclosure_attachments_blob ON disclosure_attachments (sha256);

      CREATE TABLE opinions (
        id            INTEGER PRIMARY KEY,
        received_on   TEXT NOT NULL,
        channel       TEXT NOT NULL,
        anonymous     INTEGER NOT NULL DEFAULT 0,
        reporter      TEXT,
        contact       TEXT,
        content       TEXT NOT NULL,
        disclosure_id INTEGER REFERENCES disclosures (id),
        forwarded_to  TEXT,
        forwarded_on  TEXT,
        due_on        TEXT NOT NULL,
        reply         TEXT,
        replied_on    TEXT,
        replied_by    TEXT,
        remarks       TEXT,
        -- Cache of deriveOpinionStatus(row), rewritten with every change; indexed for the overdue query.
        status        TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'replied', 'archived')),
        archived_at   TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT
      ) STRICT;
      CREATE INDEX opinions_live_status_due ON opinions (status, due_on) WHERE deleted_at IS NULL;
      CREATE INDEX opinions_live_received ON opinions (received_on) WHERE deleted_at IS NULL;
      CREATE INDEX opinions_disclosure ON opinions (disclosure_id) WHERE disclosure_id IS NOT NULL;
    `);
  },
};
