import { z } from 'zod';
import {
  AWARD_LEVELS,
  MEDIATION_FORMS,
  MEDIATION_OUTCOMES,
  PLAN_ITEM_STATUSES,
  PLAN_PERIODS,
} from '../domain/plans-labels';
import { fileRef, fileToken } from './app';
import { jobId } from './imports';
import { channel, id, isoDate, optText, text } from './define';

const year = z.number().int().min(2000).max(2100);
const month = z.number().int().min(1).max(12);
/** A built-in code or a kind the office added in 设置 (checked against the list by the core). */
const kind = z.string({ error: '请选择类别' }).trim().min(1, '请选择类别').max(20, '类别不能超过 20 个字');
/** 经费 in yuan as typed; stored as fen. */
const yuanAmount = z.number({ error: '金额应为数字' }).min(0, '金额不能为负数').max(10_000_000, '金额过大').multipleOf(0.01, '金额最多两位小数');

// ----- plan import: parse (no write) then save what the clerk confirmed in the preview

export const parsedItem = z.object({ title: z.string(), kind, area: z.string().optional() });
export const parsedMonth = z.object({ month, monthTo: month, items: z.array(parsedItem) });
export const planParseResult = z.object({
  months: z.array(parsedMonth),
  unscheduled: z.array(parsedItem),
  areas: z.array(z.string()),
  noMonthHeadings: z.boolean(),
});
export type PlanParseResult = z.infer<typeof planParseResult>;

export const planItemInput = z.object({
  month: month.nullable(),
  monthTo: month.nullable().optional(),
  title: text(300, '事项').min(1, '事项不能为空'),
  kind,
  area: optText(200, '工作方面'),
  owner: optText(50, '负责人'),
});
export type PlanItemInput = z.input<typeof planItemInput>;

export const planSaveInput = z
  .object({
    year,
    period: z.enum(PLAN_PERIODS),
    title: text(100, '计划名称').min(1, '请填写计划名称'),
    areas: z.array(text(200, '工作方面')).max(200),
    items: z.array(planItemInput).max(1000),
    sourceText: z.string().max(500_000).optional().nullable(),
  })
  .strict();
export type PlanSaveInput = z.input<typeof planSaveInput>;

export const planItemRow = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  month: z.number().int().nullable(),
  monthTo: z.number().int().nullable(),
  title: z.string(),
  kind,
  kindLabel: z.string(),
  area: z.string().nullable(),
  owner: z.string().nullable(),
  status: z.enum(PLAN_ITEM_STATUSES),
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  activityIds: z.array(z.number().int()),
  /** The item's month has passed, it is not cancelled, and no activity record carries it out. */
  overdue: z.boolean(),
});
export type PlanItemRow = z.infer<typeof planItemRow>;

export const planDetail = z.object({
  id: z.number().int(),
  year: z.number().int(),
  period: z.enum(PLAN_PERIODS),
  title: z.string(),
  areas: z.array(z.string()),
  /** Months in the plan's order (1–12 or 9–8 for a 学年). */
  monthOrder: z.array(z.number().int()),
  items: z.array(planItemRow),
});
export type PlanDetail = z.infer<typeof planDetail>;

/** The board's edit: status (取消 with its reason), and — when given — title, kind, month and owner. */
export const planItemUpdate = z
  .object({
    id,
    status: z.enum(PLAN_ITEM_STATUSES),
    reason: optText(500, '原因'),
    month: month.nullable().optional(),
    monthTo: month.nullable().optional(),
    owner: optText(50, '负责人'),
    title: text(300, '事项').min(1, '事项不能为空').optional(),
    kind: kind.optional(),
  })
  .strict();

// ----- activities

export const activityInput = z.object({
  name: text(200, '活动名称').min(1, '请填写活动名称'),
  kind,
  startDate: isoDate,
  endDate: isoDate.optional().nullable(),
  place: optText(200, '地点'),
  organizer: optText(100, '主办/承办'),
  headCount: z.number().int().min(0).max(100_000).optional().nullable(),
  cost: yuanAmount.optional().nullable(),
  costSource: optText(50, '经费来源'),
  leader: optText(50, '负责人'),
  summary: optText(5000, '内容摘要'),
  participantIds: z.array(id).max(5000).default([]),
  planItemIds: z.array(id).max(50).default([]),
});
export type ActivityInput = z.input<typeof activityInput>;
export type ActivityFields = z.output<typeof activityInput>;

export const activityAttachment = z.object({ id: z.number().int(), label: z.string(), sizeBytes: z.number().int(), mime: z.string() });
export const activityRow = z.object({
  id: z.number().int(),
  name: z.string(),
  kind,
  kindLabel: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  place: z.string().nullable(),
  organizer: z.string().nullable(),
  headCount: z.number().int().nullable(),
  /** Named participants, or the head count when none are named. */
  participantCount: z.number().int(),
  costFen: z.number().int(),
  costSource: z.string().nullable(),
  leader: z.string().nullable(),
  summary: z.string().nullable(),
  participants: z.array(z.object({ id: z.number().int(), name: z.string() })),
  planItemIds: z.array(z.number().int()),
  attachments: z.array(activityAttachment),
});
export type ActivityRow = z.infer<typeof activityRow>;

/** 从签到表导入参加人员: who was matched to a member, and why the others were not (nothing is saved). */
export const signInPreview = z.object({
  fileName: z.string(),
  sheet: z.string(),
  sheets: z.array(z.string()),
  rows: z.number().int(),
  matched: z.array(z.object({ id: z.number().int(), name: z.string(), excelRow: z.number().int() })),
  unmatched: z.array(z.object({ excelRow: z.number().int(), name: z.string(), reason: z.string() })),
});
export type SignInPreview = z.infer<typeof signInPreview>;

// ----- awards

export const awardInput = z.object({
  title: text(200, '荣誉名称').min(1, '请填写荣誉名称'),
  level: z.enum(AWARD_LEVELS, { error: '请选择级别' }),
  grantor: optText(100, '授予单位'),
  awardDate: isoDate,
  docNo: optText(100, '文件号'),
  collective: optText(100, '获奖集体'),
  recipientIds: z.array(id).max(2000).default([]),
  notes: optText(2000, '备注'),
});
export type AwardInput = z.input<typeof awardInput>;
export const awardRow = z.object({
  id: z.number().int(),
  title: z.string(),
  level: z.enum(AWARD_LEVELS),
  levelLabel: z.string(),
  grantor: z.string().nullable(),
  awardDate: z.string(),
  docNo: z.string().nullable(),
  collective: z.string().nullable(),
  recipients: z.array(z.object({ id: z.number().int(), name: z.string() })),
  notes: z.string().nullable(),
});
export type AwardRow = z.infer<typeof awardRow>;

// ----- mediation

export const mediationInput = z.object({
  form: z.enum(MEDIATION_FORMS, { error: '请选择申请方式' }),
  acceptedOn: isoDate,
  applicantMemberId: id.optional().nullable(),
  applicant: text(50, '申请人').min(1, '请填写申请人'),
  applicantIdNumber: optText(18, '身份证号'),
  respondent: text(100, '被申请人').min(1, '请填写被申请人'),
  category: text(20, '争议类别').min(1, '请选择争议类别'),
  matter: text(2000, '争议事项').min(1, '请填写争议事项'),
  reasons: optText(2000, '理由'),
  mediators: optText(100, '调解员'),
  /** One session a line (date, who took part, what was said). */
  sessions: optText(5000, '调解经过'),
});
export type MediationInput = z.input<typeof mediationInput>;
export const mediationCloseInput = z
  .object({
    id,
    outcome: z.enum(MEDIATION_OUTCOMES),
    closedOn: isoDate,
    agreementTerms: optText(5000, '协议内容'),
    agreementDeadline: isoDate.optional().nullable(),
    sessions: optText(5000, '调解经过'),
  })
  .strict();
/** The 结案 part of the edit form: given, it sets (or corrects) the outcome in the same transaction. */
export const mediationOutcomeInput = z.object({
  outcome: z.enum(MEDIATION_OUTCOMES, { error: '请选择调解结果' }),
  closedOn: isoDate,
  agreementTerms: optText(5000, '协议内容'),
  agreementDeadline: isoDate.optional().nullable(),
});
export const mediationUpdateInput = z.object({ id, case: mediationInput, outcome: mediationOutcomeInput.optional().nullable() }).strict();
export type MediationUpdateInput = z.input<typeof mediationUpdateInput>;
const mediationDoc = z.enum(['application', 'agreement']);
export const mediationRow = z.object({
  id: z.number().int(),
  form: z.enum(MEDIATION_FORMS),
  formLabel: z.string(),
  acceptedOn: z.string(),
  /** 受理日 + 15 days: without an outcome by then a party may go to arbitration. */
  dueOn: z.string(),
  overdue: z.boolean(),
  applicantMemberId: z.number().int().nullable(),
  applicant: z.string(),
  /** Masked (110108********0011) in lists; the print has the full number. */
  applicantIdNumber: z.string().nullable(),
  respondent: z.string(),
  category: z.string(),
  matter: z.string(),
  reasons: z.string().nullable(),
  mediators: z.string().nullable(),
  sessions: z.string().nullable(),
  outcome: z.enum(MEDIATION_OUTCOMES).nullable(),
  outcomeLabel: z.string(),
  closedOn: z.string().nullable(),
  agreementTerms: z.string().nullable(),
  agreementDeadline: z.string().nullable(),
});
export type MediationRow = z.infer<typeof mediationRow>;

// ----- year summary

export const yearSummary = z.object({
  year: z.number().int(),
  months: z.array(z.object({ month: z.number().int(), planned: z.number().int(), done: z.number().int() })),
  kinds: z.array(
    z.object({ kind, label: z.string(), planned: z.number().int(), done: z.number().int(), activities: z.number().int(), participants: z.number().int(), costFen: z.number().int() }),
  ),
  activities: z.number().int(),
  participants: z.number().int(),
  costFen: z.number().int(),
  awards: z.number().int(),
  careVisits: z.number().int(),
  mediation: z.object({ total: z.number().int(), agreed: z.number().int(), open: z.number().int() }),
  proposals: z.number().int(),
  disclosures: z.number().int(),
});
export type YearSummary = z.infer<typeof yearSummary>;

export const planHome = z.object({
  thisMonth: z.array(planItemRow),
  nextMonth: z.array(planItemRow),
  overdueItems: z.number().int(),
  overdueMediation: z.array(mediationRow),
});

export const plansChannels = {
  'plans.parse': channel(z.object({ text: z.string().max(500_000).optional(), token: fileToken.optional() }).strict(), planParseResult.extend({ text: z.string() })),
  'plans.save': channel(planSaveInput, planDetail),
  'plans.get': channel(z.object({ year, period: z.enum(PLAN_PERIODS).optional() }).strict(), planDetail.nullable()),
  'plans.itemUpdate': channel(planItemUpdate, planItemRow),
  'plans.home': channel(z.object({ year, month }).strict(), planHome),
  'activities.list': channel(z.object({ /** Without a year: every year (a member's file). */ year: year.optional(), kind: kind.optional(), memberId: id.optional() }).strict(), z.object({ rows: z.array(activityRow), costFen: z.number().int(), participants: z.number().int() })),
  'activities.create': channel(z.object({ activity: activityInput, tokens: z.array(fileToken).max(50).default([]) }).strict(), activityRow),
  'activities.signInPreview': channel(z.object({ token: fileToken, sheet: z.string().max(200).optional(), jobId: jobId.optional() }).strict(), signInPreview),
  'activities.remove': channel(z.object({ id, reason: text(200, '删除原因').min(1, '请填写删除原因') }).strict(), z.object({ removed: z.boolean() })),
  'activities.export': channel(z.object({ year }).strict(), fileRef),
  'activities.printPreview': channel(z.object({ id }).strict(), z.object({ html: z.string() })),
  'activities.print': channel(z.object({ id }).strict(), fileRef),
  'awards.list': channel(z.object({ year: year.optional(), memberId: id.optional() }).strict(), z.array(awardRow)),
  'awards.create': channel(z.object({ award: awardInput }).strict(), awardRow),
  'mediation.list': channel(z.object({ overdue: z.boolean().optional() }).strict(), z.array(mediationRow)),
  'mediation.create': channel(z.object({ case: mediationInput }).strict(), mediationRow),
  'mediation.close': channel(mediationCloseInput, mediationRow),
  /** One case for the edit form, with the full ID number (masked for a role without 查看完整身份证号). */
  'mediation.get': channel(z.object({ id }).strict(), mediationRow),
  'mediation.update': channel(mediationUpdateInput, mediationRow),
  'mediation.printPreview': channel(z.object({ id, doc: mediationDoc }).strict(), z.object({ html: z.string() })),
  'mediation.print': channel(z.object({ id, doc: mediationDoc }).strict(), fileRef),
  'plans.summary': channel(z.object({ year }).strict(), yearSummary),
  'plans.summaryDocx': channel(z.object({ year }).strict(), fileRef),
} as const;
