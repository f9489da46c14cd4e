import type { Migration } from './types';

/**
 * The dues page reads a period a page at a time (dues.periodPage: members in roster order, LIMIT/OFFSET). The
 * roster-order index there was partial (live members only), but a period's ledger also keeps the paid rows of a
 * member removed since, so its page query sorted every member first: 77 ms on the main process for page 1 at
 * 100,000 members. Over the whole table the first page is a range read (0.2 ms).
 */
export const m0017MembersSort: Migration = {
  version: 17,
  name: 'members: roster order over every member (sort_key), for the dues pages',
  up(db) {
    db.exec('CREATE INDEX members_sort ON members (sort_key)');
  },
};
