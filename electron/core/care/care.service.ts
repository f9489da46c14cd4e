import type { z } from 'zod';
import type { BirthdayRow, CareListQuery, CareVisitFields, DecadeRow, CareVisitRow, careSettlement } from '../../../shared/contract/care';
import {
  APPROVAL_STEP_LABELS,
  APPROVAL_STEPS,
  frequencyText,
  occasionLabelOf,
  OVER_RULE_LABELS,
  type CareForm,
  type CareOccasionRule,
} from '../../../shared/domain/care-labels';
import { decadeBirthday } from '../../../shared/domain/care-decade';
import { lunarBirthdayIn, lunarLabel, lunarOf } from '../../../shared/domain/lunar';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError, validationError } from '../errors';
import { lunarMemberIds } from './care.lunar';
import { careOccasions } from './care.occasions';
import * as repo from './care.repo';

export const toVisitRow = (r: repo.CareVisitDbRow, rules: readonly CareOccasionRule[]): CareVisitRow => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  idNumber: r.id_number,
  groupName: r.group_name,
  occasion: r.occasion,
  occasionLabel: occasionLabelOf(rules, r.occasion),
  eventDate: r.event_date,
  visitDate: r.visit_date,
  visitors: r.visitors,
  form: r.form as CareForm,
  amountFen: r.amount_fen,
  overRule: r.over_rule,
  reason: r.over_rule_reason,
  notes: r.notes,
  approval: {
    group: { on: r.group_approved_on, by: r.group_approver },
    branch: { on: r.branch_approved_on, by: r.branch_approver },
    union: { on: r.union_approved_on, by: r.union_approver },
  },
  payeeSigned: r.payee_signed === 1,
  voucherNo: r.voucher_no,
});

export function visitDbRows(ctx: AppContext, q: CareListQuery): repo.CareVisitDbRow[] {
  const range = q.year ? { from: `${q.year}-01-01`, to: `${q.year}-12-31` } : { from: '0000', to: '9999' };
  return repo.listVisitRows(ctx.db, { ...range, occasion: q.occasion, memberId: q.memberId, groupId: q.groupId });
}

export function listVisits(ctx: AppContext, q: CareListQuery) {
  const rules = careOccasions(ctx);
  const rows = visitDbRows(ctx, q).map((r) => toVisitRow(r, rules));
  return { rows, totalFen: rows.reduce((s, r) => s + r.amountFen, 0) };
}

/**
 * Over the cap or over the occasion's 次数 (N a calendar year, or one per event): allowed only with a reason, and
 * marked, so it is never silently allowed (issue #13). The rules are 设置's.
 */
function ruleBreaks(ctx: AppContext, rule: CareOccasionRule, f: CareVisitFields, amountFen: number): string[] {
  const out: string[] = [];
  if (amountFen > Math.round(rule.capYuan * 100)) out.push(`${OVER_RULE_LABELS.cap}（${rule.label}标准 ${rule.capYuan} 元）`);
  const seen =
    rule.frequency === 'year'
      ? repo.countVisitsInYear(ctx.db, f.memberId, rule.key, Number(f.visitDate.slice(0, 4))) >= rule.timesPerYear
      : !!f.eventDate && repo.countVisitsForEvent(ctx.db, f.memberId, rule.key, f.eventDate) > 0;
  if (seen) out.push(`${OVER_RULE_LABELS.frequency}（${rule.label}${frequencyText(rule)}）`);
  return out;
}

type Settlement = z.output<typeof careSettlement>;

/** 审批 steps: a date and a name together, in the chain's order (a later step not dated before an earlier one). */
function settlementRow(s: Settlement, path: (string | number)[]): repo.CareSettlementWrite {
  const steps = APPROVAL_STEPS.map((k) => ({ k, on: s.approval?.[k]?.on ?? null, by: s.approval?.[k]?.by?.trim() || null }));
  let last: { k: string; on: string } | null = null;
  for (const st of steps) {
    if (!!st.on !== !!st.by) {
      const label = APPROVAL_STEP_LABELS[st.k];
      throw validationError(`${label}审批请同时填写日期和审批人。`, [{ path: [...path, 'approval', st.k, st.on ? 'by' : 'on'], message: st.on ? '请填写审批人' : '请选择审批日期' }]);
    }
    if (st.on && last && st.on < last.on) {
      throw validationError(`${APPROVAL_STEP_LABELS[st.k]}审批日期不能早于${APPROVAL_STEP_LABELS[last.k as keyof typeof APPROVAL_STEP_LABELS]}审批日期。`, [
        { path: [...path, 'approval', st.k, 'on'], message: '不能早于上一级审批' },
      ]);
    }
    if (st.on) last = { k: st.k, on: st.on };
  }
  const [g, b, u] = steps;
  return {
    group_approved_on: g!.on,
    group_approver: g!.by,
    branch_approved_on: b!.on,
    branch_approver: b!.by,
    union_approved_on: u!.on,
    union_approver: u!.by,
    payee_signed: s.payeeSigned ? 1 : 0,
    voucher_no: s.voucherNo?.trim() || null,
  };
}

/** 登记审批、签字、入账 on a visit already registered. */
export function approveVisit(ctx: AppContext, id: number, s: Settlement): CareVisitRow {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = repo.getVisitRow(db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该慰问记录，可能已被删除。');
    const w = settlementRow(s, []);
    repo.updateSettlement(db, id, w, now.toISOString());
    const was = Object.fromEntries(Object.keys(w).map((k) => [k, before[k as keyof repo.CareSettlementWrite]]));
    writeAudit(db, ctx.actor(), now, { action: 'care.approve', entity: 'care_visit', entityId: id, before: was, after: w });
  })();
  return toVisitRow(repo.getVisitRow(db, id)!, careOccasions(ctx));
}

export function createVisit(ctx: AppContext, f: CareVisitFields): CareVisitRow {
  const db = ctx.db;
  const now = ctx.clock();
  const amountFen = Math.round(f.amount * 100);
  const id = db
    .transaction(() => {
      const member = repo.getMemberLite(db, f.memberId);
      if (!member) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
      if (f.eventDate && f.eventDate > f.visitDate) {
        throw validationError('慰问日期不能早于事由发生日期。', [{ path: ['visit', 'visitDate'], message: '不能早于发生日期' }]);
      }
      const rule = careOccasions(ctx).find((r) => r.key === f.occasion);
      if (!rule) throw validationError('没有这种慰问事由，请在设置中查看慰问事由。', [{ path: ['visit', 'occasion'], message: '请选择慰问事由' }]);
      const breaks = ruleBreaks(ctx, rule, f, amountFen);
      const reason = f.reason?.trim() || null;
      if (breaks.length && !reason) {
        throw validationError(`本次慰问${breaks.join('、')}，请填写超标准原因后再保存。`, [{ path: ['visit', 'reason'], message: '请填写超标准原因' }]);
      }
      const row: repo.CareVisitWrite = {
        member_id: f.memberId,
        occasion: f.occasion,
        event_date: f.eventDate ?? null,
        visit_date: f.visitDate,
        visitors: f.visitors?.trim() || null,
        form: f.form,
        amount_fen: amountFen,
        over_rule: breaks.length ? breaks.join('；') : null,
        over_rule_reason: reason,
        notes: f.notes?.trim() || null,
        ...settlementRow(f, ['visit']),
      };
      const newId = repo.insertVisit(db, row, now.toISOString());
      writeAudit(db, ctx.actor(), now, { action: 'care.create', entity: 'care_visit', entityId: newId, after: { ...row, memberName: member.name } });
      return newId;
    })
    .immediate();
  return toVisitRow(repo.getVisitRow(db, id)!, careOccasions(ctx));
}

export function removeVisit(ctx: AppContext, id: number, reason: string): boolean {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = repo.getVisitRow(db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该慰问记录，可能已被删除。');
    repo.softDeleteVisit(db, id, reason, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'care.remove', entity: 'care_visit', entityId: id, before, after: { reason } });
  })();
  return true;
}

/**
 * 本月生日: serving members born in the month (阳历), and those who keep the 农历 birthday whose lunar day falls in
 * the month this year; age is the age reached this year.
 */
export function birthdays(ctx: AppContext, year: number, month: number): BirthdayRow[] {
  const mm = String(month).padStart(2, '0');
  const lunarIds = lunarMemberIds(ctx.db);
  const lunarSet = new Set(lunarIds);
  const row = (m: repo.MemberLite, date: string, lunar: string | null): BirthdayRow => ({
    memberId: m.id,
    name: m.name,
    birthDate: m.birth_date!,
    age: year - Number(m.birth_date!.slice(0, 4)),
    department: m.department,
    date,
    lunar,
  });
  const solar = repo
    .birthdayRows(ctx.db, mm)
    .filter((m) => !lunarSet.has(m.id))
    .map((m) => row(m, `${year}-${mm}-${m.birth_date!.slice(8, 10)}`, null));
  const lunar = repo.servingByIds(ctx.db, lunarIds).flatMap((m) => {
    const date = lunarBirthdayIn(m.birth_date!, year);
    return date && date.slice(5, 7) === mm ? [row(m, date, lunarLabel(lunarOf(m.birth_date!)))] : [];
  });
  return [...solar, ...lunar].sort((a, b) => a.date.localeCompare(b.date));
}

/** 逢十: current members (在册 and 保留会籍) whose age reached in `year` is a multiple of ten, at least `minAge`. */
export function decadeBirthdays(ctx: AppContext, year: number, minAge: number): DecadeRow[] {
  const out: DecadeRow[] = [];
  for (const m of repo.decadeCandidates(ctx.db)) {
    const hit = decadeBirthday(m.birth_date!, year, minAge);
    if (hit) out.push({ memberId: m.id, name: m.name, birthDate: m.birth_date!, age: hit.age, date: hit.date, retained: m.status === 'retained', department: m.department });
  }
  return out;
}
