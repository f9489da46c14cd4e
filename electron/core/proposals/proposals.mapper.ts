import type { ProposalConfig, ProposalEvent, ProposalListRow } from '../../../shared/contract/proposals';
import {
  deriveWorkflow,
  formatProposalNumber,
  isOverdue,
  sessionLabel,
  stateLabel,
  type ProposalEventType,
  type ProposalKind,
  type ProposalState,
  type ReplyClass,
  type Satisfaction,
  type WorkflowEvent,
  type WorkflowView,
} from '../../../shared/domain/proposal-workflow';
import type { EventRow, ProposalJoinedRow, ProposalRow, WorkflowCache } from './proposals.repo';

type NumberRow = Pick<ProposalRow, 'kind' | 'serial'> & { term: number; meeting: number; session_start: string | null };

/** 五届二次 第023号 or 五届二次 意见建议第004号, in today's configured format. */
export function numberOf(r: NumberRow, cfg: Pick<ProposalConfig, 'numberFormat' | 'opinionNumberFormat'>): string {
  const format = r.kind === 'opinion' ? cfg.opinionNumberFormat : cfg.numberFormat;
  const year = r.session_start ? Number(r.session_start.slice(0, 4)) : null;
  return formatProposalNumber(format, { term: r.term, meeting: r.meeting, serial: r.serial, year });
}

export function toWorkflowEvent(e: EventRow): WorkflowEvent {
  return {
    id: e.id,
    type: e.type as ProposalEventType,
    date: e.date,
    text: e.text,
    targetId: e.target_id,
    leadUnitId: e.lead_unit_id,
    coUnitIds: JSON.parse(e.co_unit_ids_json) as number[],
    deadline: e.deadline,
    unitId: e.unit_id,
    replyClass: e.reply_class as ReplyClass | null,
    satisfaction: e.satisfaction as Satisfaction | null,
  };
}

/** What the row caches of the derived workflow, for lists, filters and the overdue index. */
export const cacheOf = (v: WorkflowView): WorkflowCache => ({
  state: v.state,
  lead_unit_id: v.leadUnitId,
  reply_due: v.replyDue,
  reply_class: v.leadReply?.replyClass ?? null,
  feedback: v.feedback,
  merged_into_id: v.mergedInto,
});

export interface MapContext {
  cfg: ProposalConfig;
  units: Map<number, string>;
  today: string;
  /** Number and title of a proposal by id (merge targets), looked up lazily. */
  ref: (id: number) => { id: number; number: string; title: string } | null;
}

export function toListRow(r: ProposalJoinedRow, mc: MapContext): ProposalListRow {
  const state = r.state as ProposalState;
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionLabel: sessionLabel(r.term, r.meeting),
    kind: r.kind as ProposalKind,
    serial: r.serial,
    number: numberOf(r, mc.cfg),
    title: r.title,
    category: r.category,
    proposerName: r.proposer_name,
    delegation: r.delegation,
    seconderCount: r.seconder_count,
    submittedDate: r.submitted_date,
    state,
    stateLabel: stateLabel(state, r.kind),
    leadUnit: r.lead_unit,
    replyDue: r.reply_due,
    deadline: r.round_deadline ?? r.reply_due,
    overdue: isOverdue({ replyDue: r.reply_due }, mc.today),
    replyClass: r.reply_class as ReplyClass | null,
    feedback: r.feedback as Satisfaction | null,
    mergedInto: r.merged_into_id ? mc.ref(r.merged_into_id) : null,
  };
}

export function toEventOut(e: EventRow, mc: MapContext): ProposalEvent {
  const co = JSON.parse(e.co_unit_ids_json) as number[];
  const name = (id: number | null) => (id == null ? null : (mc.units.get(id) ?? `（部门 ${id}）`));
  return {
    id: e.id,
    type: e.type as ProposalEventType,
    date: e.date,
    handler: e.handler,
    text: e.text,
    targetId: e.target_id,
    target: e.target_id ? mc.ref(e.target_id) : null,
    leadUnitId: e.lead_unit_id,
    coUnitIds: co,
    leadUnit: name(e.lead_unit_id),
    coUnits: co.map((c) => name(c)!),
    deadline: e.deadline,
    unitId: e.unit_id,
    unit: name(e.unit_id),
    replyClass: e.reply_class as ReplyClass | null,
    satisfaction: e.satisfaction as Satisfaction | null,
    createdAt: e.created_at,
  };
}

export function viewOf(events: EventRow[]): WorkflowView {
  return deriveWorkflow(events.map(toWorkflowEvent));
}
