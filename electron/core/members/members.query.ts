import { MEMBER_TOTAL_CAP, type MemberQuery } from '../../../shared/contract/members';
import { stmt } from '../db/stmt';
import { isLeapYear, toIso } from '../../../shared/domain/dates';
import { CURRENT_STATUSES } from '../../../shared/domain/member-lifecycle';
import { toHalfWidth } from '../../../shared/domain/text';
import type { z } from 'zod';
import type { memberQuery } from '../../../shared/contract/members';
import type { DB } from '../db/open';
import type { MemberListDbRow } from './members.repo';

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
