import type { Migration } from './types';

export const m0013CareFiles: Migration = {
  version: 13,
  name: 'care visits: approval chain, payee signature, 入账; the full 困难职工档案 (family, reasons, bank, attachments, 帮扶记录)',
  up(db) {
    db.exec(`
      -- 工会小组 → 分工会 → 工会: each step dated and named, filled as the paper 慰问审批表 comes back.
      ALTER TABLE care_visits ADD COLUMN group_approved_on  TEXT;
      ALTER TABLE care_visits ADD COLUMN group_approver     TEXT;
      ALTER TABLE care_visits ADD COLUMN branch_approved_on TEXT;
      ALTER TABLE care_visits ADD COLUMN branch_approver    TEXT;
      ALTER TABLE care_visits ADD COLUMN union_approved_on  TEXT;
      ALTER TABLE care_visits ADD COLUMN union_approver     TEXT;
      ALTER TABLE care_visits ADD COLUMN payee_signed       INTEGER NOT NULL DEFAULT 0 CHECK (payee_signed IN (0, 1));
      ALTER TABLE care_visits ADD COLUMN voucher_no         TEXT;

      -- The national form's fields beyond the first slice. secondary_reasons_json: up to three 致困原因.
      ALTER TABLE hardship_files ADD COLUMN secondary_reasons_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE hardship_files ADD COLUMN health             TEXT;
      ALTER TABLE hardship_files ADD COLUMN disability         TEXT;
      ALTER TABLE hardship_files ADD COLUMN housing            TEXT;
      ALTER TABLE hardship_files ADD COLUMN housing_area       REAL;
      ALTER TABLE hardship_files ADD COLUMN marital_status     TEXT;
      ALTER TABLE hardship_files ADD COLUMN hukou_type         TEXT;
      ALTER TABLE hardship_files ADD COLUMN medical_insurance  TEXT;
      ALTER TABLE hardship_files ADD COLUMN phone              TEXT;
      ALTER TABLE hardship_files ADD COLUMN address            TEXT;
      ALTER TABLE hardship_files ADD COLUMN own_income_fen     INTEGER;
      ALTER TABLE hardship_files ADD COLUMN family_income_fen  INTEGER;
      ALTER TABLE hardship_files ADD COLUMN bank_name          TEXT;
      ALTER TABLE hardship_files ADD COLUMN bank_branch        TEXT;
      ALTER TABLE hardship_files ADD COLUMN bank_account       TEXT;
      ALTER TABLE hardship_files ADD COLUMN filed_by           TEXT;
      ALTER TABLE hardship_files ADD COLUMN audited_by         TEXT;
      ALTER TABLE hardship_files ADD COLUMN audited_on         TEXT;

      -- 家庭成员 of a file, in the form's order (seq). Rewritten as a whole when the file is saved.
      CREATE TABLE hardship_family (
        id                 INTEGER PRIMARY KEY,
        file_id            INTEGER NOT NULL REFERENCES hardship_files (id),
        seq                INTEGER NOT NULL,
        name               TEXT NOT NULL,
        relation           TEXT,
        gender             TEXT,
        id_number          TEXT,
        birth_date         TEXT,
        health             TEXT,
        monthly_income_fen INTEGER,
        identity           TEXT,
        medical_insurance  TEXT,
        workplace          TEXT
      ) STRICT;
      CREATE INDEX hardship_family_file ON hardship_family (file_id, seq);

      -- Scans (证明材料) in the content-addressed store, as activities' photos are.
      CREATE TABLE hardship_attachments (
        id          INTEGER PRIMARY KEY,
        file_id     INTEGER NOT NULL REFERENCES hardship_files (id),
        sha256      TEXT NOT NULL REFERENCES file_blobs (sha256),
        label       TEXT NOT NULL,
        kind        TEXT,
        added_at    TEXT NOT NULL,
        removed_at  TEXT
      ) STRICT;
      CREATE INDEX hardship_attachments_owner ON hardship_attachments (file_id) WHERE removed_at IS NULL;
      CREATE INDEX hardship_attachments_blob ON hardship_attachments (sha256);

      -- 帮扶记录: aid given on a file. Money is integer fen.
      CREATE TABLE hardship_aid (
        id           INTEGER PRIMARY KEY,
        file_id      INTEGER NOT NULL REFERENCES hardship_files (id),
        aid_date     TEXT NOT NULL,
        kind         TEXT NOT NULL,
        amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),
        fund_source  TEXT,
        notes        TEXT,
        created_at   TEXT NOT NULL,
        deleted_at   TEXT,
        deleted_reason TEXT
      ) STRICT;
      CREATE INDEX hardship_aid_file ON hardship_aid (file_id, aid_date) WHERE deleted_at IS NULL;
    `);
  },
};
