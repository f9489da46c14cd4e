import { naturalCompare } from '../../../shared/domain/natural-order';
import type { ProposalStats, Rate } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import {
  deriveWorkflow,
  isOverdue,
  REPLY_CLASSES,
  sessionLabel,
  sortEvents,
  type ProposalKind,
  type ReplyClass,
  type WorkflowEvent,
} from '../../../shared/domain/proposal-workflow';
import type { AppContext } from '../context';
import { getProposalConfig } from './proposals.config';
import { toWorkflowEvent } from './proposals.mapper';
import * as repo from './proposals.repo';
import { listReps, unitNames } from './sessions.repo';
import { congressTitle, requireSession } from './sessions.service';

/**
 * Statistics of a session, following DOMAIN.md §3.5:
 * - received: everything registered in the 提案 series. It splits without remainder into 待审查, 立案, 并案,
 *   转为意见建议, 不予立案 and 撤案 (a proposal withdrawn after 立案 counts as withdrawn, not filed);
 * - 立案率 = filed ÷ received; 办复率 = replied (the 主办 answered) ÷ filed;
 * - 满意率 = (满意 + 基本满意) ÷ proposals with feedback, using each proposal's latest feedback;
 * - A/B/C shares and 解决率 = (A + B) ÷ replied, using the class of the 主办's latest reply;
 * - by category: share of the filed proposals.
 * 意见建议 (registered as such or converted) are counted apart and do not enter the rates.
 */

export interface StatItem {
  kind: ProposalKind;
  category: string | null;
  delegation: string | null;
  events: readonly WorkflowEvent[];
}

export interface StatOptions {
  today: string;
  unitNames: ReadonlyMap<number, string>;
  /** Representatives per delegation, so delegations without proposals still show. */
  delegations?: ReadonlyMap<string, number>;
  /** Category order of the configured list; others follow in order of appearance. */
  categories?: readonly string[];
}

export const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  percent: denominator ? Math.round((numerator / denominator) * 1000) / 10 : null,
});

interface UnitTally {
  lead: number;
  co: number;
  replied: number;
  overdue: number;
  a: number;
  b: number;
  c: number;
  feedback: number;
  satisfied: number;
}

const NO_CATEGORY = '未分类';
const NO_DELEGATION = '未分代表团';

export function computeStats(items: readonly StatItem[], opts: StatOptions): Omit<ProposalStats, 'session'> {
  const n = {
    received: 0, pending: 0, filed: 0, merged: 0, converted: 0, rejected: 0, withdrawn: 0, assigned: 0, replied: 0,
    overdue: 0, feedback: 0, satisfied: 0, basic: 0, unsatisfied: 0, closed: 0,
  };
  const classes: Record<ReplyClass, number> = { A: 0, B: 0, C: 0 };
  const opinions = { registered: 0, converted: 0, assigned: 0, replied: 0, closed: 0 };
  const byCategory = new Map<string, { received: number; filed: number; replied: number }>();
  for (const c of opts.categories ?? []) byCategory.set(c, { received: 0, filed: 0, replied: 0 });
  const byDelegation = new Map<string, { representatives: number; received: number; filed: number }>();
  for (const [d, reps] of opts.delegations ?? []) byDelegation.set(d, { representatives: reps, received: 0, filed: 0 });
  const byUnit = new Map<number, UnitTally>();
  const tally = (id: number) => {
    let t = byUnit.get(id);
    if (!t) byUnit.set(id, (t = { lead: 0, co: 0, replied: 0, overdue: 0, a: 0, b: 0, c: 0, feedback: 0, satisfied: 0 }));
    return t;
  };

  for (const item of items) {
    const v = deriveWorkflow(item.events);
    if (item.kind === 'opinion' || v.converted) {
      if (item.kind === 'opinion') opinions.registered++;
      else opinions.converted++;
      if (v.round > 0) opinions.assigned++;
      if (v.leadReply) opinions.replied++;
      if (v.state === 'closed') opinions.closed++;
    }
    if (item.kind !== 'proposal') continue;
    n.received++;
    const cat = byCategory.get(item.category ?? NO_CATEGORY) ?? { received: 0, filed: 0, replied: 0 };
    byCategory.set(item.category ?? NO_CATEGORY, cat);
    const del = byDelegation.get(item.delegation ?? NO_DELEGATION) ?? { representatives: 0, received: 0, filed: 0 };
    byDelegation.set(item.delegation ?? NO_DELEGATION, del);
    cat.received++;
    del.received++;
    if (v.state === 'withdrawn') n.withdrawn++;
    else if (v.state === 'merged') n.merged++;
    else if (v.state === 'rejected') n.rejected++;
    else if (v.converted) n.converted++;
    else if (v.state === 'registered') n.pending++;
    if (!v.filed || v.state === 'withdrawn') continue;

    n.filed++;
    cat.filed++;
    del.filed++;
    if (v.round > 0) n.assigned++;
    if (v.leadReply) {
      n.replied++;
      cat.replied++;
      classes[v.leadReply.replyClass]++;
    }
    if (isOverdue(v, opts.today)) n.overdue++;
    if (v.feedback) {
      n.feedback++;
      if (v.feedback === 'satisfied') n.satisfied++;
      else if (v.feedback === 'basic') n.basic++;
      else n.unsatisfied++;
    }
    if (v.state === 'closed') n.closed++;
    tallyUnits(item.events, v, opts.today, tally);
  }

  const filedTotal = n.filed;
  return {
    received: n.received,
    pending: n.pending,
    filed: n.filed,
    merged: n.merged,
    converted: n.converted,
    rejected: n.rejected,
    withdrawn: n.withdrawn,
    assigned: n.assigned,
    replied: n.replied,
    overdue: n.overdue,
    feedback: n.feedback,
    satisfied: n.satisfied,
    basicallySatisfied: n.basic,
    unsatisfied: n.unsatisfied,
    closed: n.closed,
    filingRate: rate(n.filed, n.received),
    replyRate: rate(n.replied, n.filed),
    satisfactionRate: rate(n.satisfied + n.basic, n.feedback),
    solvedRate: rate(classes.A + classes.B, n.replied),
    replyClasses: REPLY_CLASSES.map((c) => ({ replyClass: c, count: classes[c], share: rate(classes[c], n.replied) })),
    byCategory: [...byCategory]
      .filter(([, c]) => c.received > 0)
      .map(([category, c]) => ({ category, received: c.received, filed: c.filed, share: rate(c.filed, filedTotal), replied: c.replied })),
    byUnit: [...byUnit]
      .map(([unitId, t]) => ({
        unitId,
        name: opts.unitNames.get(unitId) ?? `（部门 ${unitId}）`,
        lead: t.lead,
        co: t.co,
        replied: t.replied,
        overdue: t.overdue,
        a: t.a,
        b: t.b,
        c: t.c,
        feedback: t.feedback,
        satisfactionRate: rate(t.satisfied, t.feedback),
      }))
      .sort((x, y) => y.lead - x.lead || y.co - x.co || naturalCompare(x.name, y.name)),
    byDelegation: [...byDelegation].map(([delegation, d]) => ({
      delegation,
      representatives: d.representatives,
      received: d.received,
      filed: d.filed,
      filingRate: rate(d.filed, d.received),
    })),
    opinions,
  };
}

/**
 * Per unit: each proposal counts once as 主办 (for the units that led any round) or 协办; a unit's own latest
 * reply gives its class; overdue and feedback belong to the current 主办.
 */
function tallyUnits(events: readonly WorkflowEvent[], v: ReturnType<typeof deriveWorkflow>, today: string, tally: (id: number) => UnitTally) {
  const leads = new Set<number>();
  const cos = new Set<number>();
  const lastClass = new Map<number, ReplyClass>();
  for (const e of sortEvents(events)) {
    if ((e.type === 'assign' || e.type === 'supervise') && e.leadUnitId) {
      leads.add(e.leadUnitId);
      for (const c of e.coUnitIds ?? []) cos.add(c);
    }
    if (e.type === 'reply' && e.unitId && e.replyClass) lastClass.set(e.unitId, e.replyClass);
  }
  for (const id of leads) tally(id).lead++;
  for (const id of cos) if (!leads.has(id)) tally(id).co++;
  for (const [id, cls] of lastClass) {
    const t = tally(id);
    t.replied++;
    if (cls === 'A') t.a++;
    else if (cls === 'B') t.b++;
    else t.c++;
  }
  if (v.leadUnitId) {
    const t = tally(v.leadUnitId);
    if (isOverdue(v, today)) t.overdue++;
    if (v.feedback) {
      t.feedback++;
      if (v.feedback !== 'unsatisfied') t.satisfied++;
    }
  }
}

export function sessionStats(ctx: AppContext, sessionId: number): ProposalStats {
  const db = ctx.db;
  const session = requireSession(db, sessionId);
  const rows = repo.listSessionJoined(db, sessionId);
  const events = new Map<number, WorkflowEvent[]>();
  for (const e of repo.listSessionEvents(db, sessionId)) {
    const list = events.get(e.proposal_id) ?? [];
    list.push(toWorkflowEvent(e));
    events.set(e.proposal_id, list);
  }
  const delegations = new Map<string, number>();
  for (const r of listReps(db, sessionId)) delegations.set(r.delegation, (delegations.get(r.delegation) ?? 0) + 1);
  const stats = computeStats(
    rows.map((r) => ({ kind: r.kind, category: r.category, delegation: r.delegation, events: events.get(r.id) ?? [] })),
    { today: todayIso(ctx.clock()), unitNames: unitNames(db), delegations, categories: getProposalConfig(db).categories },
  );
  return { session: { id: session.id, label: sessionLabel(session.term, session.meeting), title: congressTitle(db, session) }, ...stats };
}
