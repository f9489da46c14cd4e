import type { z } from 'zod';
import type { ProposalDetail, ProposalListRow, proposalQuery } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import { sessionLabel, type ProposalKind } from '../../../shared/domain/proposal-workflow';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';
import { AppError } from '../errors';
import { getProposalConfig } from './proposals.config';
import { numberOf, toEventOut, toListRow, viewOf, type MapContext } from './proposals.mapper';
import * as repo from './proposals.repo';
import { getSession, unitNames } from './sessions.repo';
import { congressTitle } from './sessions.service';

/** Everything a mapping needs besides the rows: the number format, unit names, and number lookups. */
export function mapContext(db: DB, today: Date): MapContext {
  const cfg = getProposalConfig(db);
  const cache = new Map<number, { id: number; number: string; title: string } | null>();
  return {
    cfg,
    units: unitNames(db),
    today: todayIso(today),
    ref: (id) => {
      if (!cache.has(id)) {
        const r = repo.getJoined(db, id);
        cache.set(id, r ? { id: r.id, number: numberOf(r, cfg), title: r.title } : null);
      }
      return cache.get(id)!;
    },
  };
}

export function getProposal(ctx: AppContext, id: number, warnings: string[] = []): ProposalDetail {
  const db = ctx.db;
  const r = repo.getJoined(db, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该提案，可能已被删除。');
  const mc = mapContext(db, ctx.clock());
  const events = repo.listEvents(db, id);
  const v = viewOf(events);
  const session = getSession(db, r.session_id)!;
  const unit = (uid: number) => ({ id: uid, name: mc.units.get(uid) ?? `（部门 ${uid}）` });
  return {
    ...toListRow(r, mc),
    sessionTitle: congressTitle(db, session),
    minSeconders: session.min_seconders,
    reasons: r.reasons,
    suggestions: r.suggestions,
    proposer: { memberId: r.proposer_member_id, name: r.proposer_name, delegation: r.delegation },
    seconders: repo.listSeconders(db, id).map((s) => ({ memberId: s.member_id, name: s.name, delegation: s.delegation })),
    suggestedUnit: r.suggested_unit_id ? unit(r.suggested_unit_id) : null,
    contactPhone: r.contact_phone,
    remarks: r.remarks,
    round: v.round,
    deadline: v.deadline,
    leadUnitId: v.leadUnitId,
    coUnits: v.coUnitIds.map(unit),
    converted: v.converted,
    filed: v.filed,
    mergedFrom: repo.listMergedFrom(db, id).map((m) => ({ id: m.id, number: numberOf(m, mc.cfg), title: m.title, proposerName: m.proposer_name })),
    events: events.map((e) => toEventOut(e, mc)),
    attachments: repo.listAttachments(db, id).map((a) => ({ id: a.id, fileName: a.file_name, sizeBytes: a.size_bytes, createdAt: a.created_at })),
    importBatchId: r.import_batch_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    warnings,
  };
}

type Query = z.output<typeof proposalQuery>;

/** Filters over indexed columns and the cached workflow state; a session has hundreds of items, not millions. */
export function listProposals(ctx: AppContext, q: Query): { total: number; rows: ProposalListRow[] } {
  const db = ctx.db;
  const today = todayIso(ctx.clock());
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
  const mc = mapContext(db, ctx.clock());
  return { total, rows: rows.map((r) => toListRow(r, mc)) };
}

export const kindLabelOf = (kind: ProposalKind): string => (kind === 'opinion' ? '意见建议' : '提案');

export const sessionLabelOf = (db: DB, sessionId: number): string => {
  const s = getSession(db, sessionId);
  return s ? sessionLabel(s.term, s.meeting) : '';
};
