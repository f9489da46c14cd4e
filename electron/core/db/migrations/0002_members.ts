import type { Migration } from './types';

export const m0002Members: Migration = {
  version: 2,
  name: 'members, union structure, lifecycle events, search index',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        sheet       TEXT,
        created_at  TEXT NOT NULL,
        actor       TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        undone_at   TEXT
      ) STRICT;

      -- 分工会 (branch) → 工会小组 (group); a group may also hang directly under the grassroots union.
      CREATE TABLE union_units (
        id               INTEGER PRIMARY KEY,
        parent_id        INTEGER REFERENCES union_units (id),
        kind             TEXT NOT NULL CHECK (kind IN ('branch', 'group')),
        name             TEXT NOT NULL,
        leader_member_id INTEGER,
        sort_order       INTEGER NOT NULL DEFAULT 0,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT
      ) STRICT;
      CREATE UNIQUE INDEX union_units_name ON union_units (ifnull(parent_id, 0), name) WHERE deleted_at IS NULL;

      CREATE TABLE members (
        id                 INTEGER PRIMARY KEY,
        name               TEXT NOT NULL,
        name_pinyin        TEXT NOT NULL,
        name_initials      TEXT NOT NULL,
        sort_key           TEXT NOT NULL,
        gender             TEXT CHECK (gender IN ('男', '女')),
        birth_date         TEXT,
        ethnicity          TEXT,
        native_place       TEXT,
        id_type            TEXT NOT NULL DEFAULT 'resident',
        id_number          TEXT,
        id_checked         INTEGER NOT NULL DEFAULT 0,
        political_status   TEXT,
        education          TEXT,
        degree             TEXT,
        job_title          TEXT,
        professional_title TEXT,
        work_unit          TEXT,
        department         TEXT,
        staff_no           TEXT,
        employment_status  TEXT,
        household_type     TEXT,
        household_place    TEXT,
        phone              TEXT,
        join_date          TEXT,
        member_no          TEXT,
        group_id           INTEGER REFERENCES union_units (id),
        is_migrant_worker  INTEGER,
        monthly_wage_fen   INTEGER,
        family_json        TEXT NOT NULL DEFAULT '[]',
        work_history       TEXT,
        remarks            TEXT,
        -- Cache of deriveStatus(events), rewritten in the same transaction as every event; indexed for lists.
        status             TEXT NOT NULL DEFAULT 'active',
        import_batch_id    INTEGER REFERENCES import_batches (id),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        deleted_at         TEXT
      ) STRICT;
      CREATE UNIQUE INDEX members_id_number ON members (id_number) WHERE id_number IS NOT NULL AND deleted_at IS NULL;
      CREATE UNIQUE INDEX members_member_no ON members (member_no) WHERE member_no IS NOT NULL AND deleted_at IS NULL;
      CREATE INDEX members_staff_no ON members (staff_no) WHERE staff_no IS NOT NULL;
      -- Lists only ever show live rows: partial indexes keep the deleted out of counts and pages.
      CREATE INDEX members_live_status ON members (status, sort_key) WHERE deleted_at IS NULL;
      CREATE INDEX members_live_sort ON members (sort_key, status) WHERE deleted_at IS NULL;
      -- A narrow copy of (id, status): counting 10k search hits reads these small pages, not the wide rows.
      CREATE INDEX members_live_id_status ON members (id, status) WHERE deleted_at IS NULL;
      CREATE INDEX members_group ON members (group_id, status);
      CREATE INDEX members_initials ON members (name_initials);
      CREATE INDEX members_pinyin ON members (name_pinyin);
      CREATE INDEX members_batch ON members (import_batch_id);

      CREATE TABLE member_events (
        id              INTEGER PRIMARY KEY,
        member_id       INTEGER NOT NULL REFERENCES members (id),
        type            TEXT NOT NULL,
        date            TEXT NOT NULL,
        reason          TEXT,
        handler         TEXT,
        remark          TEXT,
        other_union     TEXT,
        from_group_id   INTEGER REFERENCES union_units (id),
        to_group_id     INTEGER REFERENCES union_units (id),
        import_batch_id INTEGER REFERENCES import_batches (id),
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX member_events_member ON member_events (member_id, date, id);

      -- Chinese names are 2–3 characters and FTS5's trigram tokenizer needs 3, so one- and two-character
      -- fragments are looked up here: every 1- and 2-character slice of a name, one row each.
      CREATE TABLE member_name_grams (
        gram      TEXT NOT NULL,
        member_id INTEGER NOT NULL REFERENCES members (id),
        PRIMARY KEY (gram, member_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX member_name_grams_member ON member_name_grams (member_id);

      -- Fragments of three or more characters: names, ID numbers, phones, 会员证号, 工号.
      CREATE VIRTUAL TABLE member_fts USING fts5 (
        name, ids, tokenize = 'trigram', content = '', contentless_delete = 1
      );
    `);
  },
};
