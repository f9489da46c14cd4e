import type { Migration } from './types';

export const m0004Proposals: Migration = {
  version: 4,
  name: 'congress sessions, representatives, handling units, proposals and their workflow events',
  up(db) {
    db.exec(`
      -- 第X届第Y次 教代会/职代会
      CREATE TABLE congress_sessions (
        id                  INTEGER PRIMARY KEY,
        term                INTEGER NOT NULL CHECK (term BETWEEN 1 AND 99),
        meeting             INTEGER NOT NULL CHECK (meeting BETWEEN 1 AND 99),
        name                TEXT,
        start_date          TEXT,
        end_date            TEXT,
        collection_deadline TEXT,
        reply_deadline      TEXT,
        min_seconders       INTEGER NOT NULL DEFAULT 2,
        remarks             TEXT,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        deleted_at          TEXT
      ) STRICT;
      CREATE UNIQUE INDEX congress_sessions_key ON congress_sessions (term, meeting) WHERE deleted_at IS NULL;

      -- The representatives (代表) of a session are members, grouped by 代表团.
      CREATE TABLE session_representatives (
        id         INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES congress_sessions (id),
        member_id  INTEGER NOT NULL REFERENCES members (id),
        delegation TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX session_representatives_member ON session_representatives (session_id, member_id);

      -- 承办部门: a managed list; a unit that was ever used is deactivated instead of removed.
      CREATE TABLE handling_units (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        contact    TEXT,
        phone      TEXT,
        active     INTEGER NOT NULL DEFAULT 1,
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX handling_units_name ON handling_units (name) WHERE deleted_at IS NULL;

      -- One 提案表. kind decides the number series: 'proposal' (enough seconders) or 'opinion' (意见建议).
      -- The human number is (session, kind, serial), formatted on display with the configured format.
      CREATE TABLE proposals (
        id                 INTEGER PRIMARY KEY,
        session_id         INTEGER NOT NULL REFERENCES congress_sessions (id),
        kind               TEXT NOT NULL CHECK (kind IN ('proposal', 'opinion')),
        serial             INTEGER NOT NULL CHECK (serial > 0),
        title              TEXT NOT NULL,
        reasons            TEXT,
        suggestions        TEXT,
        category           TEXT,
        proposer_member_id INTEGER NOT NULL REFERENCES members (id),
        suggested_unit_id  INTEGER REFERENCES handling_units (id),
        submitted_date     TEXT NOT NULL,
        contact_phone      TEXT,
        remarks            TEXT,
        -- Caches of deriveWorkflow(events), rewritten in the same transaction as every event; for lists.
        state              TEXT NOT NULL DEFAULT 'registered',
        lead_unit_id       INTEGER REFERENCES handling_units (id),
        reply_due          TEXT,
        reply_class        TEXT,
        feedback           TEXT,
        merged_into_id     INTEGER REFERENCES proposals (id),
        import_batch_id    INTEGER REFERENCES import_batches (id),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX proposals_number ON proposals (session_id, kind, serial);
      CREATE INDEX proposals_session_state ON proposals (session_id, state);
      CREATE INDEX proposals_reply_due ON proposals (reply_due) WHERE reply_due IS NOT NULL;
      CREATE INDEX proposals_proposer ON proposals (proposer_member_id);
      CREATE INDEX proposals_batch ON proposals (import_batch_id);

      CREATE TABLE proposal_seconders (
        proposal_id INTEGER NOT NULL REFERENCES proposals (id),
        member_id   INTEGER NOT NULL REFERENCES members (id),
        position    INTEGER NOT NULL,
        PRIMARY KEY (proposal_id, member_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX proposal_seconders_member ON proposal_seconders (member_id);

      -- Every workflow step with date, 经办人 and text; the state is derived from these.
      CREATE TABLE proposal_events (
        id               INTEGER PRIMARY KEY,
        proposal_id      INTEGER NOT NULL REFERENCES proposals (id),
        type             TEXT NOT NULL,
        date             TEXT NOT NULL,
        handler          TEXT,
        text             TEXT,
        target_id        INTEGER REFERENCES proposals (id),
        lead_unit_id     INTEGER REFERENCES handling_units (id),
        co_unit_ids_json TEXT NOT NULL DEFAULT '[]',
        deadline         TEXT,
        unit_id          INTEGER REFERENCES handling_units (id),
        reply_class      TEXT CHECK (reply_class IN ('A', 'B', 'C')),
        satisfaction     TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
        import_batch_id  INTEGER REFERENCES import_batches (id),
        created_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX proposal_events_proposal ON proposal_events (proposal_id, date, id);
      CREATE INDEX proposal_events_target ON proposal_events (target_id) WHERE target_id IS NOT NULL;

      -- Attachments live inside the database so every backup carries them with the proposal.
      CREATE TABLE proposal_attachments (
        id          INTEGER PRIMARY KEY,
        proposal_id INTEGER NOT NULL REFERENCES proposals (id),
        file_name   TEXT NOT NULL,
        size_bytes  INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        data        BLOB NOT NULL,
        created_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;
      CREATE INDEX proposal_attachments_proposal ON proposal_attachments (proposal_id);
    `);
  },
};
