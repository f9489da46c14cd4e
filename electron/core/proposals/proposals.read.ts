import type { z } from 'zod';
import type { ProposalDetail, ProposalListRow, proposalQuery } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import { sessionLabel, type ProposalKind } from '../../../shared/domain/proposal-workflow';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import { getProposalConfig } from './proposals.config';
import { numberOf, toEventOut, toListRow, viewOf, type MapContext } from './proposals.mapper';
import { queryProposals } from './proposals.query';
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
  const { total, rows } = queryProposals(ctx.db, q, todayIso(ctx.clock()));
  const mc = mapContext(ctx.db, ctx.clock());
  return { total, rows: rows.map((r) => toListRow(r, mc)) };
}

export const kindLabelOf = (kind: ProposalKind): string => (kind === 'opinion' ? '意见建议' : '提案');

export const sessionLabelOf = (db: DB, sessionId: number): string => {
  const s = getSession(db, sessionId);
  return s ? sessionLabel(s.term, s.meeting) : '';
};
