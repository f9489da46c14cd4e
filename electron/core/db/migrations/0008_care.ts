import type { Migration } from './types';

export const m0008Care: Migration = {
  version: 8,
  name: 'care work (慰问/五必访 visits, 困难职工档案) and the dues ledger (会费)',
  up(db) {
    db.exec(`
      -- One 慰问 given to a member. Money is integer fen. over_rule_reason is the clerk's reason for going over the
      -- occasion's cap or frequency rule; it is never empty when the visit broke a rule (service enforces).
      CREATE TABLE care_visits (
        id               INTEGER PRIMARY KEY,
        member_id        INTEGER NOT NULL REFERENCES members (id),
        occasion         TEXT NOT NULL,
        event_date       TEXT,
        visit_date       TEXT NOT NULL,
        visitors         TEXT,
        form             TEXT NOT NULL CHECK (form IN ('cash', 'gift', 'both')),
        amount_fen       INTEGER NOT NULL CHECK (amount_fen >= 0),
        over_rule        TEXT,
        over_rule_reason TEXT,
        notes            TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        deleted_reason   TEXT
      ) STRICT;
      CREATE INDEX care_visits_live_date ON care_visits (visit_date) WHERE deleted_at IS NULL;
      CREATE INDEX care_visits_member ON care_visits (member_id, occasion) WHERE deleted_at IS NULL;

      -- 困难职工档案: one live file per member; 复核 once a year (last_review_on + 1 year = due).
      CREATE TABLE hardship_files (
        id                   INTEGER PRIMARY KEY,
        member_id            INTEGER NOT NULL REFERENCES members (id),
        category             TEXT NOT NULL,
        main_reason          TEXT NOT NULL,
        family_size          INTEGER,
        income_per_head_fen  INTEGER,
        status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'withdrawn')),
        filed_on             TEXT NOT NULL,
        last_review_on       TEXT,
        review_reason        TEXT,
        notes                TEXT,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX hardship_files_member ON hardship_files (member_id) WHERE status = 'open';

      -- 会费 ledger: one row per member per month (YYYY-MM). A recompute rewrites unpaid rows only.
      CREATE TABLE dues_records (
        id          INTEGER PRIMARY KEY,
        member_id   INTEGER NOT NULL REFERENCES members (id),
        period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        wage_fen    INTEGER,
        base_fen    INTEGER NOT NULL DEFAULT 0,
        amount_fen  INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
        exempt      INTEGER NOT NULL DEFAULT 0,
        reason      TEXT,
        paid_on     TEXT,
        payer       TEXT CHECK (payer IS NULL OR payer IN ('self', 'payroll')),
        receipt_no  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX dues_records_member_period ON dues_records (member_id, period);
      CREATE INDEX dues_records_period ON dues_records (period);
    `);
  },
};
