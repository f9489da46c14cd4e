import type { Migration } from './types';

export const m0010ImportIssues: Migration = {
  version: 10,
  name: 'the skipped and warned rows of an import batch, for 下载问题行 from 导入记录',
  up(db) {
    db.exec(`
      -- JSON {headers, multiSheet, rows:[{sheet,row,cells,problems}], total}: the file's own cells of every
      -- skipped row and every row with a conflict, kept at commit time (the uploaded file itself is deleted
      -- when its job ends), so the clerk can download them again from 导入记录. NULL: none, or an older batch.
      ALTER TABLE import_batches ADD COLUMN issues_json TEXT;
    `);
  },
};
