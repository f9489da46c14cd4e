/**
 * Read model of the proposal list (a *.query.ts: SQL that filters and pages for a screen, no writes).
 * Filters over indexed columns and the cached workflow state; a session has hundreds of items, not millions.
 */
import type { z } from 'zod';
import type { proposalQuery } from '../../../shared/contract/proposals';
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';
import * as repo from './proposals.repo';

type Query = z.output<typeof proposalQuery>;

export function queryProposals(db: DB, q: Query, today: string): { total: number; rows: repo.ProposalJoinedRow[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.sessionId) {
    where.push('p.session_id = @sessionId');
    params.sessionId = q.sessionId;
  }
  if (q.states?.length) {
    where.push(`p.state IN (${q.states.map((_, i) => `@st${i}`).join(', ')})`);
    q.states.forEach((s, i) => (params[`st${i}`] = s));
  }
  if (q.kind) {
    where.push('p.kind = @kind');
    params.kind = q.kind;
  }
  if (q.overdue !== undefined) {
    where.push(q.overdue ? 'p.reply_due < @today' : '(p.reply_due IS NULL OR p.reply_due >= @today)');
    params.today = today;
  }
  if (q.category) {
    where.push('p.category = @category');
    params.category = q.category;
  }
  if (q.unitId) {
    where.push('p.lead_unit_id = @unitId');
    params.unitId = q.unitId;
  }
  if (q.search) {
    const serial = /^\d{1,4}$/.test(q.search) ? Number(q.search) : null;
    where.push(`(instr(p.title, @search) > 0 OR instr(m.name, @search) > 0${serial ? ' OR p.serial = @serial' : ''})`);
    params.search = q.search;
    if (serial) params.serial = serial;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    stmt(db, `SELECT count(*) AS n FROM proposals p JOIN members m ON m.id = p.proposer_member_id ${whereSql}`).get(params) as { n: number }
  ).n;
  const rows = stmt(
    db,
    `${repo.JOINED_SELECT} ${whereSql} ORDER BY s.term DESC, s.meeting DESC, p.kind DESC, p.serial LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: q.limit, offset: q.offset }) as repo.ProposalJoinedRow[];
  return { total, rows };
}
