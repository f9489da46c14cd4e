import type { Migration } from './types';

export const m0005ImportMappings: Migration = {
  version: 5,
  name: 'remembered import column mappings and per-member before-values of import batches',
  up(db) {
    db.exec(`
      -- A clerk's corrected column mapping, per header layout (headerSignature): the next file with the same
      -- header is mapped the same way without asking again.
      CREATE TABLE import_mappings (
        kind           TEXT NOT NULL,
        signature      TEXT NOT NULL,
        headers_json   TEXT NOT NULL,
        overrides_json TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (kind, signature)
      ) STRICT;

      -- What a batch changed on members that existed before it, so an undo can put the values back:
      -- before_json / after_json hold only the columns the batch changed (after = what the batch wrote, to
      -- recognise a later edit of the same fields). Members the batch created are found by
      -- members.import_batch_id and are not listed here.
      CREATE TABLE import_batch_changes (
        batch_id    INTEGER NOT NULL REFERENCES import_batches (id),
        member_id   INTEGER NOT NULL REFERENCES members (id),
        before_json TEXT NOT NULL,
        after_json  TEXT NOT NULL,
        PRIMARY KEY (batch_id, member_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_batch_changes_member ON import_batch_changes (member_id);

      -- Member events written by an import, found quickly when the batch is undone.
      CREATE INDEX member_events_batch ON member_events (import_batch_id) WHERE import_batch_id IS NOT NULL;
    `);
  },
};
