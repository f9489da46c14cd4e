import type { Migration } from './types';

export const m0006Archive: Migration = {
  version: 6,
  name: 'year-end archive (DA/T 22-2015): items, numbering counters, seals and manifests',
  up(db) {
    db.exec(`
      -- One row per year the clerk has opened in 年度归档. sealed_at set = the year is read-only (triggers).
      CREATE TABLE archive_years (
        year        INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
        numbered_at TEXT,
        sealed_at   TEXT,
        seal_reason TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      -- An item (件). Planned from the record types (source_key = '<contributor>:<id>…') or added by hand
      -- ('manual:<n>'). edited_json names the fields the clerk changed, so re-planning keeps them.
      CREATE TABLE archive_items (
        id              INTEGER PRIMARY KEY,
        year            INTEGER NOT NULL REFERENCES archive_years (year),
        source_key      TEXT NOT NULL,
        kind            TEXT NOT NULL,
        title           TEXT NOT NULL,
        self_made_title INTEGER NOT NULL DEFAULT 0,
        responsible     TEXT NOT NULL DEFAULT '',
        doc_no          TEXT NOT NULL DEFAULT '',
        date            TEXT NOT NULL,
        secrecy         TEXT NOT NULL DEFAULT '',
        pages           INTEGER CHECK (pages IS NULL OR pages >= 0),
        retention       TEXT NOT NULL CHECK (retention IN ('Y', 'D30', 'D10')),
        org_code        TEXT NOT NULL DEFAULT '',
        remarks         TEXT NOT NULL DEFAULT '',
        excluded        INTEGER NOT NULL DEFAULT 0,
        merged_into_id  INTEGER REFERENCES archive_items (id),
        sort_order      INTEGER NOT NULL,
        files_json      TEXT NOT NULL DEFAULT '[]',
        data_json       TEXT NOT NULL DEFAULT 'null',
        edited_json     TEXT NOT NULL DEFAULT '{}',
        -- 件号 and 档号, set by 编号 and kept; class_key is the lowest class the number runs in.
        class_key       TEXT,
        item_no         INTEGER,
        archive_code    TEXT,
        box_no          INTEGER,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX archive_items_source ON archive_items (year, source_key);
      CREATE UNIQUE INDEX archive_items_number ON archive_items (year, class_key, item_no) WHERE item_no IS NOT NULL;
      CREATE INDEX archive_items_order ON archive_items (year, sort_order);

      -- 件号 counters per lowest class: only ever incremented, so a number once given is never handed out again.
      CREATE TABLE archive_counters (
        year      INTEGER NOT NULL,
        class_key TEXT NOT NULL,
        last_no   INTEGER NOT NULL,
        PRIMARY KEY (year, class_key)
      ) STRICT, WITHOUT ROWID;

      -- Every seal writes a new manifest version; old versions stay.
      CREATE TABLE archive_manifests (
        id          INTEGER PRIMARY KEY,
        year        INTEGER NOT NULL,
        version     INTEGER NOT NULL,
        sealed_at   TEXT NOT NULL,
        sealed_by   TEXT NOT NULL,
        reason      TEXT,
        year_sha256 TEXT NOT NULL,
        items_json  TEXT NOT NULL,
        unsealed_at TEXT,
        unseal_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX archive_manifests_version ON archive_manifests (year, version);

      -- Pages of stored files, counted once (pdf-lib) and keyed by content hash, so re-planning is cheap.
      CREATE TABLE archive_file_pages (
        sha256 TEXT PRIMARY KEY,
        pages  INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- 设置 → 归档: classification scheme, 档号 standard, retention per item kind, stamp offset (JSON values).
      CREATE TABLE archive_config (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
