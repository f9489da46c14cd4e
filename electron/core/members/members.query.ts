import { MEMBER_TOTAL_CAP, type MemberQuery } from '../../../shared/contract/members';
import { stmt } from '../db/stmt';
import { isLeapYear, toIso } from '../../../shared/domain/dates';
import { CURRENT_STATUSES } from '../../../shared/domain/member-lifecycle';
import { toHalfWidth } from '../../../shared/domain/text';
import type { z } from 'zod';
import type { memberQuery } from '../../../shared/contract/members';
import type { DB } from '../db/open';
import { gramStatusCode, type MemberListDbRow } from './members.repo';

type ParsedQuery = z.output<typeof memberQuery>;

export type SearchKind = 'grams' | 'fts-name' | 'pinyin' | 'fts-ids' | 'number-prefix' | 'none';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const nextPrefix = (p: string) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
const ftsPhrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * One search box, several lookups (each served by an index):
 * - 1–2 Chinese characters → the gram table; 3+ → the trigram FTS over names;
 * - Latin letters → pinyin initials or full pinyin, by prefix (zsf, zhangsan);
 * - digits → 3+ as a fragment of ID number, phone, 会员证号 or 工号 (trigram FTS); fewer as a number prefix.
 */
export function searchClause(raw: string): { kind: SearchKind; sql: string; params: unknown[] } {
  const q = toHalfWidth(raw).replace(/\s+/g, '').toLowerCase();
  if (!q) return { kind: 'none', sql: '', params: [] };
  if (CJK.test(q)) {
    if ([...q].length <= 2) {
      return { kind: 'grams', sql: 'SELECT member_id FROM member_name_grams WHERE gram = ?', params: [q] };
    }
    return { kind: 'fts-name', sql: 'SELECT rowid FROM member_fts WHERE member_fts MATCH ?', params: [`name : ${ftsPhrase(q)}`] };
  }
  if (/^[a-z]+$/.test(q)) {
    const hi = nextPrefix(q);
    return {
      kind: 'pinyin',
      sql: `SELECT id FROM members WHERE name_initials >= ? AND name_initials < ?
            UNION SELECT id FROM members WHERE name_pinyin >= ? AND name_pinyin < ?
            UNION SELECT id FROM members WHERE member_no >= ? AND member_no < ? AND deleted_at IS NULL`,
      params: [q, hi, q, hi, q.toUpperCase(), nextPrefix(q.toUpperCase())],
    };
  }
  if (q.length >= 3) {
    return { kind: 'fts-ids', sql: 'SELECT rowid FROM member_fts WHERE member_fts MATCH ?', params: [`ids : ${ftsPhrase(q.toUpperCase())}`] };
  }
  const up = q.toUpperCase();
  return {
    kind: 'number-prefix',
    sql: `SELECT id FROM members WHERE member_no >= ? AND member_no < ? AND deleted_at IS NULL
          UNION SELECT id FROM members WHERE staff_no >= ? AND staff_no < ?`,
    params: [up, nextPrefix(up), up, nextPrefix(up)],
  };
}

const SORT_SQL: Record<ParsedQuery['sortBy'], string> = {
  name: 'm.sort_key',
  memberNo: 'm.member_no',
  joinDate: 'm.join_date',
  birthDate: 'm.birth_date',
  group: 'u.name',
  createdAt: 'm.id',
};

const yearsBefore = (today: Date, years: number) => {
  // Local calendar date, shifted by whole years (29 Feb falls back to 28 Feb in common years).
  const y = today.getFullYear() - years;
  const m = today.getMonth() + 1;
  const d = Math.min(today.getDate(), m === 2 && !isLeapYear(y) ? 28 : today.getDate());
  return toIso(y, m, d);
};

/** Builds WHERE for the list and its count; statuses default to the current members (在册 + 保留会籍). */
export function buildWhere(
  db: DB,
  q: ParsedQuery,
  today: Date,
): { where: string; params: unknown[]; statusOnly: boolean } {
  const parts = ['m.deleted_at IS NULL'];
  const params: unknown[] = [];
  const statuses = q.statuses ?? CURRENT_STATUSES;
  if (statuses.length) {
    parts.push(`m.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }

  if (q.groupId) {
    if (q.includeSubgroups) {
      const ids = (
        stmt(db, 
            `WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT u.id FROM union_units u JOIN t ON u.parent_id = t.id
             WHERE u.deleted_at IS NULL) SELECT id FROM t`,
          )
          .all(q.groupId) as { id: number }[]
      ).map((r) => r.id);
      parts.push(`m.group_id IN (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    } else {
      parts.push('m.group_id = ?');
      params.push(q.groupId);
    }
  }
  if (q.gender) {
    parts.push('m.gender = ?');
    params.push(q.gender);
  }
  if (q.ageMin !== undefined) {
    parts.push('m.birth_date <= ?');
    params.push(yearsBefore(today, q.ageMin));
  }
  if (q.ageMax !== undefined) {
    parts.push('m.birth_date > ?');
    params.push(yearsBefore(today, q.ageMax + 1));
  }
  if (q.politicalStatus) {
    parts.push('m.political_status = ?');
    params.push(q.politicalStatus);
  }
  if (q.joinedFrom) {
    parts.push('m.join_date >= ?');
    params.push(q.joinedFrom);
  }
  if (q.joinedTo) {
    parts.push('m.join_date <= ?');
    params.push(q.joinedTo);
  }
  // Only deleted_at and status: narrow indexes can answer the whole WHERE without reading the wide rows.
  return { where: parts.join(' AND '), params, statusOnly: parts.length <= 2 };
}

/** Above this many hits, walking the sort index and keeping the hits beats sorting all hits. */
const MANY_HITS = 2000;

/**
 * Few search hits: the hits drive (a materialised CTE forced to the outer loop with CROSS JOIN), then are sorted.
 * Many hits (a common surname, one pinyin letter) sorted by name: the partial sort index is walked in order
 * and stops at the page end. No search: the sort index directly. The count always uses the same WHERE.
 */
export function queryMembers(db: DB, q: ParsedQuery, today: Date): { total: number; totalCapped: boolean; rows: MemberListDbRow[] } {
  const { where, params, statusOnly } = buildWhere(db, q, today);
  const order = `${SORT_SQL[q.sortBy]} ${q.sortOrder === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, m.id`;
  const s = q.search ? searchClause(q.search) : null;
  const cols = 'm.*, u.name AS group_name';
  const join = 'LEFT JOIN union_units u ON u.id = m.group_id';
  const byName = q.sortBy === 'name';
  const statuses = q.statuses ?? CURRENT_STATUSES;
  if (s && s.kind === 'grams' && byName) return queryByPostings(db, q, String(s.params[0]), { where, params, statusOnly });
  if (s && s.kind === 'pinyin' && byName) return queryByPinyin(db, q, s.params as string[], { where, params });
  if (s && s.kind !== 'none') {
    const cte = `WITH c(id) AS MATERIALIZED (${s.sql})`;
    // (id, status) is a narrow index: counting 10k hits reads it instead of 10k wide rows.
    const narrow = statusOnly ? 'INDEXED BY members_live_id_status' : '';
    const hits = `SELECT 1 FROM c CROSS JOIN members m ${narrow} ON m.id = c.id WHERE ${where}`;
    const counted = (
      stmt(db, `${cte} SELECT count(*) AS n FROM (${hits}${q.capTotal ? ` LIMIT ${MEMBER_TOTAL_CAP + 1}` : ''})`).get(...s.params, ...params) as { n: number }
    ).n;
    const totalCapped = q.capTotal && counted > MEMBER_TOTAL_CAP;
    const total = totalCapped ? MEMBER_TOTAL_CAP : counted;
    let sql: string;
    if ((totalCapped || total > MANY_HITS) && byName && statusOnly) {
      // Many hits: walk (sort_key, status) in order, keep hits, stop at the page end; then read those rows.
      sql = `${cte}, page(id, k) AS (SELECT m.id, m.sort_key FROM members m INDEXED BY members_live_sort
               WHERE m.id IN c AND ${where} ORDER BY ${order} LIMIT ? OFFSET ?)
             SELECT ${cols} FROM page CROSS JOIN members m ON m.id = page.id ${join}
             ORDER BY page.k ${q.sortOrder === 'desc' ? 'DESC' : 'ASC'}, m.id`;
    } else {
      sql = `${cte} SELECT ${cols} FROM c CROSS JOIN members m ON m.id = c.id ${join}
             WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`;
    }
    const rows = stmt(db, sql).all(...s.params, ...params, q.limit, q.offset) as MemberListDbRow[];
    return { total, totalCapped, rows };
  }
  // The usual list (by name, 在册 among the statuses): walk the sort index and stop at the page end.
  const hint = byName && statuses.includes('active') ? 'INDEXED BY members_live_sort' : '';
  const rows = stmt(db, `SELECT ${cols} FROM members m ${hint} ${join} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...params,
    q.limit,
    q.offset,
  ) as MemberListDbRow[];
  const countHint = statusOnly ? 'INDEXED BY members_live_status' : '';
  const total = (stmt(db, `SELECT count(*) AS n FROM members m ${countHint} WHERE ${where}`).get(...params) as { n: number }).n;
  return { total, totalCapped: false, rows };
}

/**
 * A 1–2 character search in name order: the gram's posting list is kept in that order (gram, sort_rank,
 * member_id; migration 0016), so a page is a range read of the list however common the character (张 is one
 * member in ten), not a walk of the whole name index. sort_rank orders like sort_key as far as it goes; members
 * of equal rank (张伟 and 章伟) are put in order by the sort key itself, SQLite sorting each such run only.
 * The postings carry the member's status, so the usual list (no filter but status) counts from them alone;
 * another filter (小组, 性别 …) is checked on each member as the list is walked.
 */
function queryByPostings(
  db: DB,
  q: ParsedQuery,
  gram: string,
  w: { where: string; params: unknown[]; statusOnly: boolean },
): { total: number; totalCapped: boolean; rows: MemberListDbRow[] } {
  const statuses = (q.statuses ?? CURRENT_STATUSES).map(gramStatusCode);
  const statusIn = statuses.length ? ` AND g.status IN (${statuses.map(() => '?').join(', ')})` : '';
  const dir = q.sortOrder === 'desc' ? 'DESC' : 'ASC';
  // The list's order: m.sort_key (never NULL), then m.id ascending either way.
  const order = `g.sort_rank ${dir}, m.sort_key ${dir}, m.id`;
  const cap = q.capTotal ? ` LIMIT ${MEMBER_TOTAL_CAP + 1}` : '';
  const walk = 'member_name_grams g CROSS JOIN members m ON m.id = g.member_id';
  const cond = `g.gram = ?${statusIn} AND ${w.where}`;
  const args = [gram, ...statuses, ...w.params];
  const counted = (
    w.statusOnly
      ? stmt(db, `SELECT count(*) AS n FROM (SELECT 1 FROM member_name_grams g WHERE g.gram = ?${statusIn}${cap})`).get(gram, ...statuses)
      : stmt(db, `SELECT count(*) AS n FROM (SELECT 1 FROM ${walk} WHERE ${cond}${cap})`).get(...args)
  ) as { n: number };
  const rows = stmt(
    db,
    `SELECT m.*, u.name AS group_name FROM ${walk} LEFT JOIN union_units u ON u.id = m.group_id
     WHERE ${cond} ORDER BY ${order} LIMIT ? OFFSET ?`,
  ).all(...args, q.limit, q.offset) as MemberListDbRow[];
  const totalCapped = q.capTotal && counted.n > MEMBER_TOTAL_CAP;
  return { total: totalCapped ? MEMBER_TOTAL_CAP : counted.n, totalCapped, rows };
}

/**
 * Latin letters in name order: initials (zsf), full pinyin (zhangsan) or 会员证号 by prefix. One letter, or
 * zh, finds thousands; their first page is what the clerk waits for.
 * - The count: each of the three lookups stops at MEMBER_TOTAL_CAP + 1 when capped counting is asked for
 *   (one that reaches it makes the union more than the cap; when none does, nothing was left out).
 * - Few hits: sorted (their ids and sort keys only, then the page's rows).
 * - Many: a pinyin hit's sort key starts with the query's first letter (it begins with the same syllables),
 *   so the name index is walked from that letter on, not from 'a', stopping at the page's end. 会员证号 hits
 *   may be anywhere: when there are many (a prefix all numbers share, HY…), the whole index is walked, dense
 *   with hits; when there are a few, the hits are gathered and sorted as before.
 */
function queryByPinyin(
  db: DB,
  q: ParsedQuery,
  params: string[],
  w: { where: string; params: unknown[] },
): { total: number; totalCapped: boolean; rows: MemberListDbRow[] } {
  const [lo, hi, , , noLo, noHi] = params as [string, string, string, string, string, string];
  const initials = 'm.name_initials >= ? AND m.name_initials < ?';
  const full = 'm.name_pinyin >= ? AND m.name_pinyin < ?';
  const memberNo = 'm.member_no >= ? AND m.member_no < ?';
  const cap = q.capTotal ? ` LIMIT ${MEMBER_TOTAL_CAP + 1}` : '';
  // Each lookup by its own index (the planner otherwise scans by status for the WHERE's other terms).
  const arm = (cond: string, index: string, limit: string) =>
    `SELECT id FROM (SELECT m.id FROM members m INDEXED BY ${index} WHERE ${cond} AND ${w.where}${limit})`;
  const union = (limit: string) =>
    `${arm(initials, 'members_initials', limit)} UNION ${arm(full, 'members_pinyin', limit)} UNION ${arm(memberNo, 'members_member_no', limit)}`;
  const hits = union(cap);
  const hitArgs = [lo, hi, ...w.params, lo, hi, ...w.params, noLo, noHi, ...w.params];
  const counted = (stmt(db, `SELECT count(*) AS n FROM (${hits})`).get(...hitArgs) as { n: number }).n;
  const totalCapped = q.capTotal && counted > MEMBER_TOTAL_CAP;
  const total = totalCapped ? MEMBER_TOTAL_CAP : counted;
  const dir = q.sortOrder === 'desc' ? 'DESC' : 'ASC';
  const order = `m.sort_key ${dir}, m.id`;
  const cols = 'm.*, u.name AS group_name';
  const join = 'LEFT JOIN union_units u ON u.id = m.group_id';
  const page = (pageSql: string, args: unknown[]) =>
    stmt(
      db,
      `WITH page(id, k) AS MATERIALIZED (${pageSql} LIMIT ? OFFSET ?)
       SELECT ${cols} FROM page CROSS JOIN members m ON m.id = page.id ${join} ORDER BY page.k ${dir}, m.id`,
    ).all(...args, q.limit, q.offset) as MemberListDbRow[];
  if (!totalCapped && total <= MANY_HITS) {
    const rows = page(`WITH c(id) AS MATERIALIZED (${hits}) SELECT m.id, m.sort_key FROM c CROSS JOIN members m ON m.id = c.id ORDER BY ${order}`, hitArgs);
    return { total, totalCapped, rows };
  }
  const numbered = (
    stmt(db, `SELECT count(*) AS n FROM (SELECT 1 FROM members m INDEXED BY members_member_no WHERE ${memberNo} AND ${w.where} LIMIT ${MEMBER_TOTAL_CAP + 1})`).get(
      noLo,
      noHi,
      ...w.params,
    ) as { n: number }
  ).n;
  const walk = `SELECT m.id, m.sort_key FROM members m INDEXED BY members_live_sort WHERE`;
  if (numbered === 0) {
    const letter = lo[0]!;
    const rows = page(`${walk} m.sort_key >= ? AND m.sort_key < ? AND ((${initials}) OR (${full})) AND ${w.where} ORDER BY ${order}`, [
      letter,
      nextPrefix(letter),
      lo,
      hi,
      lo,
      hi,
      ...w.params,
    ]);
    return { total, totalCapped, rows };
  }
  if (numbered > MEMBER_TOTAL_CAP) {
    const rows = page(`${walk} ((${initials}) OR (${full}) OR (${memberNo})) AND ${w.where} ORDER BY ${order}`, [lo, hi, lo, hi, noLo, noHi, ...w.params]);
    return { total, totalCapped, rows };
  }
  const rows = page(`WITH c(id) AS MATERIALIZED (${union('')}) ${walk} m.id IN c AND ${w.where} ORDER BY ${order}`, [...hitArgs, ...w.params]);
  return { total, totalCapped, rows };
}

export type { MemberQuery };

/** Every row matching a query, in list order, for exports: the hits-first plan, no paging. */
export function iterateMembers(
  db: DB,
  q: ParsedQuery,
  today: Date,
): IterableIterator<MemberListDbRow & { last_event: string | null }> {
  const { where, params } = buildWhere(db, q, today);
  const order = `${SORT_SQL[q.sortBy]} ${q.sortOrder === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, m.id`;
  const s = q.search ? searchClause(q.search) : null;
  const hasSearch = s !== null && s.kind !== 'none';
  const lastEvent = `(SELECT json_array(e.type, e.date, e.reason) FROM member_events e
     WHERE e.member_id = m.id AND e.type <> 'group_move' ORDER BY e.date DESC, e.id DESC LIMIT 1) AS last_event`;
  const sql = `${hasSearch ? `WITH c(id) AS MATERIALIZED (${s.sql}) SELECT m.*, u.name AS group_name, ${lastEvent} FROM c CROSS JOIN members m ON m.id = c.id` : `SELECT m.*, u.name AS group_name, ${lastEvent} FROM members m`}
     LEFT JOIN union_units u ON u.id = m.group_id WHERE ${where} ORDER BY ${order}`;
  return stmt(db, sql).iterate(...(hasSearch ? s.params : []), ...params) as IterableIterator<
    MemberListDbRow & { last_event: string | null }
  >;
}
