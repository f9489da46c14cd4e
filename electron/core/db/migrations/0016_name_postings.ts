import { sortRank } from '../../members/member-pinyin';
import type { Migration } from './types';

/** The status codes as this migration stores them (members.repo GRAM_STATUS_CODES; fixed, never renumbered). */
const STATUS_CODES: Readonly<Record<string, number>> = { active: 0, retained: 1, transferred_out: 2, left: 3, expelled: 4, deceased: 5 };

/**
 * The 1–2 character name grams become posting lists in the list's display order. Before, a gram's rows were
 * keyed (gram, member_id): the first page of a common surname (张, about 1 in 10 members) had to walk the whole
 * name-sorted index, probing each member against the hits, until 100 were found — most of the index for a
 * surname late in pinyin order. Keyed (gram, sort_rank, member_id) — sort_rank a number that orders like the
 * member's sort_key (member-pinyin sortRank) — that page is a range read of the list's first entries, and the
 * member's status beside it lets the usual list (在册 + 保留会籍) count its hits from this table alone. Only
 * live members have rows (a deletion drops them). The existing rows are kept (which members a gram finds does
 * not change), each with its member's rank and status.
 */
export const m0016NamePostings: Migration = {
  version: 16,
  name: 'members: name grams kept in display order (gram, sort_rank, member_id) with the member status',
  up(db) {
    db.exec(`
      DROP INDEX member_name_grams_member;
      ALTER TABLE member_name_grams RENAME TO member_name_grams_0002;
      -- sort_rank and status are copies of the member's own (sortRank(members.sort_key), members.status as a
      -- code), rewritten in the same transaction as them: sort_rank with the name's grams (the sort key comes
      -- from the name alone), status by setMemberStatus.
      CREATE TABLE member_name_grams (
        gram      TEXT NOT NULL,
        sort_rank INTEGER NOT NULL,
        member_id INTEGER NOT NULL REFERENCES members (id),
        status    INTEGER NOT NULL,
        PRIMARY KEY (gram, sort_rank, member_id)
      ) STRICT, WITHOUT ROWID;
    `);
    // The rank is computed in JS (one definition for the app and this rebuild), called from the one statement.
    db.function('ledger_0016_sort_rank', { deterministic: true }, (key: unknown) => sortRank(String(key)));
    db.exec(`
      INSERT INTO member_name_grams (gram, sort_rank, member_id, status)
        SELECT g.gram, ledger_0016_sort_rank(m.sort_key), m.id,
               CASE m.status ${Object.entries(STATUS_CODES).map(([s, c]) => `WHEN '${s}' THEN ${c}`).join(' ')} END
        FROM member_name_grams_0002 g JOIN members m ON m.id = g.member_id
        WHERE m.deleted_at IS NULL ORDER BY 1, 2, 3;
    `);
    db.exec(`
      DROP TABLE member_name_grams_0002;
      CREATE INDEX member_name_grams_member ON member_name_grams (member_id);
    `);
  },
};
