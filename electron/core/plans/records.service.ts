/** 表彰 and 劳动争议调解 (DOMAIN.md §8.2–8.3), and the year's summary figures. */
import type { AwardInput, AwardRow, MediationInput, MediationRow, YearSummary } from '../../../shared/contract/plans';
import { todayIso } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/id-number';
import {
  AWARD_LEVEL_LABELS,
  MEDIATION_DAYS,
  MEDIATION_FORM_LABELS,
  MEDIATION_OUTCOME_LABELS,
  PLAN_ITEM_KINDS,
  planKindLabel,
  planKindValue,
  type AwardLevel,
  type MediationForm,
  type MediationOutcome,
  type PlanPeriod,
} from '../../../shared/domain/plans-labels';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError, validationError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { listActivities } from './activities.service';
import * as arepo from './activities.repo';
import * as prepo from './plans.repo';
import * as repo from './records.repo';
import { toItemRow } from './plans.service';

const toAward = (ctx: AppContext, r: repo.AwardDbRow): AwardRow => ({
  id: r.id,
  title: r.title,
  level: r.level as AwardLevel,
  levelLabel: AWARD_LEVEL_LABELS[r.level as AwardLevel] ?? r.level,
  grantor: r.grantor,
  awardDate: r.award_date,
  docNo: r.doc_no,
  collective: r.collective,
  recipients: repo.recipients(ctx.db, r.id),
  notes: r.notes,
});

export const listAwards = (ctx: AppContext, q: { year?: number | undefined; memberId?: number | undefined }): AwardRow[] =>
  repo
    .listAwards(ctx.db, { from: q.year ? `${q.year}-01-01` : null, to: q.year ? `${q.year}-12-31` : null, memberId: q.memberId ?? null })
    .map((r) => toAward(ctx, r));

export function createAward(ctx: AppContext, f: Omit<AwardInput, 'recipientIds'> & { recipientIds: number[] }): AwardRow {
  if (!f.recipientIds.length && !f.collective?.trim()) throw validationError('请选择获奖人或填写获奖集体。', [{ path: ['award', 'recipientIds'], message: '请选择获奖人' }]);
  const db = ctx.db;
  const now = ctx.clock();
  const id = db
    .transaction(() => {
      for (const m of f.recipientIds) if (!arepo.memberName(db, m)) throw new AppError('NOT_FOUND', '所选获奖人中有会员找不到，可能已被删除。');
      const row = {
        title: f.title.trim(),
        level: f.level,
        grantor: f.grantor?.trim() || null,
        award_date: f.awardDate,
        doc_no: f.docNo?.trim() || null,
        collective: f.collective?.trim() || null,
        notes: f.notes?.trim() || null,
      };
      const newId = repo.insertAward(db, row, now.toISOString());
      for (const m of f.recipientIds) repo.addRecipient(db, newId, m);
      writeAudit(db, ctx.actor(), now, { action: 'awards.create', entity: 'award', entityId: newId, after: { ...row, recipientIds: f.recipientIds } });
      return newId;
    })
    .immediate();
  return toAward(ctx, repo.getAward(db, id)!);
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function toMediation(r: repo.MediationDbRow, today: string, mask: boolean): MediationRow {
  const dueOn = addDays(r.accepted_on, MEDIATION_DAYS);
  const sessions = JSON.parse(r.sessions) as string[];
  return {
    id: r.id,
    form: r.form as MediationForm,
    formLabel: MEDIATION_FORM_LABELS[r.form as MediationForm] ?? r.form,
    acceptedOn: r.accepted_on,
    dueOn,
    // Day 15 is still within the time limit; from day 16 the case is overdue.
    overdue: r.outcome == null && today > dueOn,
    applicantMemberId: r.applicant_member_id,
    applicant: r.applicant,
    applicantIdNumber: r.applicant_id_number ? (mask ? maskIdNumber(r.applicant_id_number) : r.applicant_id_number) : null,
    respondent: r.respondent,
    category: r.category,
    matter: r.matter,
    reasons: r.reasons,
    mediators: r.mediators,
    sessions: sessions.length ? sessions.join('\n') : null,
    outcome: r.outcome as MediationOutcome | null,
    outcomeLabel: r.outcome ? MEDIATION_OUTCOME_LABELS[r.outcome as MediationOutcome] : '调解中',
    closedOn: r.closed_on,
    agreementTerms: r.agreement_terms,
    agreementDeadline: r.agreement_deadline,
  };
}

export function listMediation(ctx: AppContext, overdueOnly = false): MediationRow[] {
  const today = todayIso(ctx.clock());
  return repo
    .listMediation(ctx.db, null, null)
    .map((r) => toMediation(r, today, true))
    .filter((r) => !overdueOnly || r.overdue);
}

const sessionLines = (t: string | null | undefined): string[] =>
  (t ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The case's own fields as stored; the ID number kept in capitals (a final x is X). */
function caseRow(db: AppContext['db'], f: MediationInput, today: string): repo.MediationCaseWrite {
  if (f.acceptedOn > today) throw validationError('受理日期不能晚于今天。', [{ path: ['case', 'acceptedOn'], message: '不能晚于今天' }]);
  if (f.applicantMemberId && !arepo.memberName(db, f.applicantMemberId)) throw new AppError('NOT_FOUND', '找不到所选申请人（会员）。');
  return {
    form: f.form,
    accepted_on: f.acceptedOn,
    applicant_member_id: f.applicantMemberId ?? null,
    applicant: f.applicant.trim(),
    applicant_id_number: f.applicantIdNumber?.trim().toUpperCase() || null,
    respondent: f.respondent.trim(),
    category: f.category,
    matter: f.matter.trim(),
    reasons: f.reasons?.trim() || null,
    mediators: f.mediators?.trim() || null,
    sessions: JSON.stringify(sessionLines(f.sessions)),
  };
}

/** The audit entry never holds a full ID number (修改记录 is open to every role). */
const masked = <T extends { applicant_id_number?: string | null }>(r: T): T => ({ ...r, applicant_id_number: r.applicant_id_number ? maskIdNumber(r.applicant_id_number) : null });

export function createMediation(ctx: AppContext, f: MediationInput): MediationRow {
  const db = ctx.db;
  const now = ctx.clock();
  const id = db
    .transaction(() => {
      const row = caseRow(db, f, todayIso(now));
      const newId = repo.insertMediation(db, row, now.toISOString());
      writeAudit(db, ctx.actor(), now, { action: 'mediation.create', entity: 'mediation_case', entityId: newId, after: masked(row) });
      return newId;
    })
    .immediate();
  return toMediation(repo.getMediation(db, id)!, todayIso(now), true);
}

interface OutcomeFields {
  outcome: MediationOutcome;
  closedOn: string;
  agreementTerms?: string | null | undefined;
  agreementDeadline?: string | null | undefined;
}

function outcomeRow(before: repo.MediationDbRow, c: OutcomeFields, sessions: string, path: string[]) {
  if (c.closedOn < before.accepted_on) throw validationError('结案日期不能早于受理日期。', [{ path: [...path, 'closedOn'], message: '不能早于受理日期' }]);
  if (c.outcome === 'agreed' && !c.agreementTerms?.trim()) throw validationError('达成协议请填写协议内容。', [{ path: [...path, 'agreementTerms'], message: '请填写协议内容' }]);
  if (c.outcome === 'agreed' && c.agreementDeadline && c.agreementDeadline < c.closedOn)
    throw validationError('履行期限不能早于结案日期。', [{ path: [...path, 'agreementDeadline'], message: '不能早于结案日期' }]);
  const agreed = c.outcome === 'agreed';
  return {
    outcome: c.outcome,
    closed_on: c.closedOn,
    // Terms and a deadline belong to an agreement only; 未达成/撤回 keep none.
    agreement_terms: agreed ? c.agreementTerms?.trim() || null : null,
    agreement_deadline: agreed ? (c.agreementDeadline ?? null) : null,
    sessions,
  };
}

export function closeMediation(ctx: AppContext, c: OutcomeFields & { id: number; sessions?: string | null | undefined }): MediationRow {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = repo.getMediation(db, c.id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该调解记录。');
    if (before.outcome) throw new AppError('CONFLICT', '该调解已结案。');
    const sessions = c.sessions?.trim() ? JSON.stringify(sessionLines(c.sessions)) : before.sessions;
    const after = outcomeRow(before, c, sessions, []);
    repo.closeMediation(db, c.id, after, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'mediation.close', entity: 'mediation_case', entityId: c.id, before: { outcome: null }, after });
  })();
  return toMediation(repo.getMediation(db, c.id)!, todayIso(now), true);
}

/**
 * The edit form: the case's fields, its sessions and, when given, its outcome — one transaction, one audit
 * entry with only what changed. An outcome once recorded can be corrected but not taken back.
 */
export function updateMediation(ctx: AppContext, u: { id: number; case: MediationInput; outcome?: OutcomeFields | null | undefined }): MediationRow {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = repo.getMediation(db, u.id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该调解记录。');
    if (before.outcome && !u.outcome) throw validationError('该调解已结案，请保留调解结果。', [{ path: ['outcome'], message: '请选择调解结果' }]);
    const row = caseRow(db, u.case, todayIso(now));
    repo.updateMediation(db, u.id, row, now.toISOString());
    let after: Record<string, unknown> = row;
    if (u.outcome) {
      const out = outcomeRow({ ...before, accepted_on: row.accepted_on }, u.outcome, row.sessions, ['outcome']);
      repo.closeMediation(db, u.id, out, now.toISOString());
      after = { ...row, ...out };
    }
    const old: Record<string, unknown> = { ...masked(before) };
    const changedAfter = masked(after as repo.MediationCaseWrite);
    const keys = Object.keys(changedAfter).filter((k) => old[k] !== (changedAfter as Record<string, unknown>)[k]);
    if (!keys.length) return;
    writeAudit(db, ctx.actor(), now, {
      action: 'mediation.update',
      entity: 'mediation_case',
      entityId: u.id,
      before: Object.fromEntries(keys.map((k) => [k, old[k]])),
      after: Object.fromEntries(keys.map((k) => [k, (changedAfter as Record<string, unknown>)[k]])),
    });
  })();
  return toMediation(repo.getMediation(db, u.id)!, todayIso(now), true);
}

/** One case unmasked: the edit form and the prints (the handler masks it for a role without 查看完整身份证号). */
export const getMediation = (ctx: AppContext, id: number, mask = false): MediationRow => {
  const r = repo.getMediation(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该调解记录。');
  return toMediation(r, todayIso(ctx.clock()), mask);
};

/**
 * 首页: this month's and next month's plan items, and the mediation cases past their 15 days. Each month is
 * looked up in the plans that cover it — in December "next month" is January of next year's 年度 plan.
 */
export function planHome(ctx: AppContext, year: number, month: number) {
  const today = todayIso(ctx.clock());
  const plansOf = (y: number, m: number) => [prepo.getPlan(ctx.db, y, 'year'), prepo.getPlan(ctx.db, m >= 9 ? y : y - 1, 'school')].filter((p) => !!p);
  const itemsOf = (y: number, m: number) =>
    plansOf(y, m)
      .flatMap((p) => prepo.listItems(ctx.db, p.id).map((r) => toItemRow(r, { year: p.year, period: p.period as PlanPeriod }, today)))
      .filter((i) => i.month != null && i.month <= m && (i.monthTo ?? i.month) >= m && i.status !== 'cancelled');
  const next = (month % 12) + 1;
  const overdueItems = plansOf(year, month)
    .flatMap((p) => prepo.listItems(ctx.db, p.id).map((r) => toItemRow(r, { year: p.year, period: p.period as PlanPeriod }, today)))
    .filter((i) => i.overdue).length;
  return { thisMonth: itemsOf(year, month), nextMonth: itemsOf(next === 1 ? year + 1 : year, next), overdueItems, overdueMediation: listMediation(ctx, true) };
}

/** The facts of the year for the 工作总结: planned vs done per month and kind, and other modules' counts. */
export function yearSummary(ctx: AppContext, year: number): YearSummary {
  const db = ctx.db;
  const plan = prepo.getPlan(db, year, 'year') ?? prepo.getPlan(db, year, null);
  const items = plan ? prepo.listItems(db, plan.id) : [];
  const acts = listActivities(ctx, { year }).rows;
  const isDone = (i: prepo.PlanItemDbRow) => i.status === 'done' || !!i.activity_ids;
  const months = Array.from({ length: 12 }, (_, n) => {
    const m = n + 1;
    const its = items.filter((i) => i.month === m);
    return { month: m, planned: its.length, done: its.filter(isDone).length };
  });
  // Built-in kinds first (the summary's usual rows), then the office's own from 设置 and any found in the records.
  const kindList = [...new Set<string>([...PLAN_ITEM_KINDS, ...getSettings(ctx).planItemKinds.map(planKindValue), ...items.map((i) => i.kind), ...acts.map((a) => a.kind)])];
  const kinds = kindList.map((k) => {
    const its = items.filter((i) => i.kind === k);
    const ka = acts.filter((a) => a.kind === k);
    return {
      kind: k,
      label: planKindLabel(k),
      planned: its.length,
      done: its.filter(isDone).length,
      activities: ka.length,
      participants: ka.reduce((n, a) => n + a.participantCount, 0),
      costFen: ka.reduce((n, a) => n + a.costFen, 0),
    };
  });
  const med = repo.listMediation(db, `${year}-01-01`, `${year}-12-31`);
  return {
    year,
    months,
    kinds,
    activities: acts.length,
    participants: acts.reduce((s, a) => s + a.participantCount, 0),
    costFen: acts.reduce((s, a) => s + a.costFen, 0),
    awards: listAwards(ctx, { year }).length,
    careVisits: repo.countIn(db, 'care_visits', 'visit_date', year, 'AND deleted_at IS NULL'),
    mediation: { total: med.length, agreed: med.filter((m) => m.outcome === 'agreed').length, open: med.filter((m) => m.outcome == null).length },
    proposals: repo.countIn(db, 'proposals', 'submitted_date', year),
    disclosures: repo.countIn(db, 'disclosures', 'disclosed_on', year, 'AND deleted_at IS NULL'),
  };
}
