import type { Migration } from './types';

export const m0014DuesImport: Migration = {
  version: 14,
  name: 'dues: the amount actually paid, the rounding rule a row was computed by, and wage/payment import batches with their undo',
  up(db) {
    db.exec(`
      -- 实缴: what the member paid for the month (a payment import may differ from 应缴); NULL on a row paid
      -- before this column existed, which means "as due".
      ALTER TABLE dues_records ADD COLUMN paid_fen INTEGER CHECK (paid_fen IS NULL OR paid_fen >= 0);
      -- The rule the amount was computed by ('floor10-halfup', 'exact-trunc' …), so a ledger stays explainable
      -- after 设置 changes. NULL: the first rule (wage down to 10 yuan, exact on fen).
      ALTER TABLE dues_records ADD COLUMN rule TEXT;
      -- The import batch that last wrote the row (NULL: computed or marked by hand).
      ALTER TABLE dues_records ADD COLUMN batch_id INTEGER REFERENCES import_batches (id);
      -- A wage/payment import's undo: each row it wrote with its values before (NULL before_json: the batch
      -- created the row, so the undo deletes it).
      CREATE TABLE dues_import_rows (
        batch_id    INTEGER NOT NULL REFERENCES import_batches (id),
        record_id   INTEGER NOT NULL,
        before_json TEXT,
        PRIMARY KEY (batch_id, record_id)
      ) STRICT;
    `);
  },
};
