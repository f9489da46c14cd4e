/** Chinese labels of the work-plan and ledger domain values (issue #14, DOMAIN.md §8). */

export const PLAN_ITEM_KINDS = ['festival', 'sports', 'health', 'training', 'award', 'contest', 'meeting', 'care', 'rights', 'other'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const PLAN_ITEM_KIND_LABELS: Record<PlanItemKind, string> = {
  festival: '节日活动',
  sports: '文体活动',
  health: '体检/疗养',
  training: '培训/学习',
  award: '评优表彰',
  contest: '劳动竞赛/合理化建议',
  meeting: '会议',
  care: '送温暖/帮扶',
  rights: '维权',
  other: '其他',
};

/**
 * 设置 → 计划事项类别: the names an office picks from (defaults: the list above). A stored kind is a built-in code
 * (festival …) or, for a kind the office added, its name; a name equal to a built-in label stands for that code,
 * so the defaults keep their codes and the word guesses of the plan parser keep working.
 */
export const DEFAULT_PLAN_KIND_NAMES: readonly string[] = PLAN_ITEM_KINDS.map((k) => PLAN_ITEM_KIND_LABELS[k]);
export const isBuiltInKind = (k: string): k is PlanItemKind => (PLAN_ITEM_KINDS as readonly string[]).includes(k);
export const planKindLabel = (k: string): string => (isBuiltInKind(k) ? PLAN_ITEM_KIND_LABELS[k] : k);
export const planKindValue = (name: string): string => PLAN_ITEM_KINDS.find((k) => PLAN_ITEM_KIND_LABELS[k] === name) ?? name;
/** The picker's options from the settings list; `keep` (a record's own kind) is offered even when the list dropped it. */
export function planKindOptions(names: readonly string[], keep?: string): { value: string; label: string }[] {
  const opts = names.map((n) => ({ value: planKindValue(n), label: n }));
  return keep && !opts.some((o) => o.value === keep) ? [...opts, { value: keep, label: planKindLabel(keep) }] : opts;
}

export const PLAN_ITEM_STATUSES = ['pending', 'active', 'done', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];
export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, string> = { pending: '未开始', active: '进行中', done: '已完成', cancelled: '取消' };

export const PLAN_PERIODS = ['year', 'school'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];
export const PLAN_PERIOD_LABELS: Record<PlanPeriod, string> = { year: '年度', school: '学年' };

/** 学年 runs September to August; a 年度 plan runs January to December. */
export const monthOrder = (period: PlanPeriod): number[] =>
  period === 'school' ? [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export const AWARD_LEVELS = ['unit', 'district', 'city', 'province', 'national'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AWARD_LEVEL_LABELS: Record<AwardLevel, string> = { unit: '校级/单位级', district: '区县级', city: '市级', province: '省级', national: '全国' };

export const MEDIATION_FORMS = ['written', 'oral'] as const;
export type MediationForm = (typeof MEDIATION_FORMS)[number];
export const MEDIATION_FORM_LABELS: Record<MediationForm, string> = { written: '书面申请', oral: '口头申请' };

export const MEDIATION_OUTCOMES = ['agreed', 'failed', 'withdrawn'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
export const MEDIATION_OUTCOME_LABELS: Record<MediationOutcome, string> = { agreed: '达成协议', failed: '未达成协议', withdrawn: '撤回申请' };

export const MEDIATION_CATEGORIES = ['劳动报酬', '工时休假', '社会保险', '劳动合同', '工伤', '其他'] as const;

/** 劳动争议调解仲裁法 第十四条: 15 days from 受理 without an agreement and a party may go to arbitration. */
export const MEDIATION_DAYS = 15;

export const PLANS_AUDIT_LABELS: Record<string, string> = {
  'plans.create': '导入工作计划',
  'plans.itemUpdate': '修改计划事项',
  'activities.create': '登记活动台账',
  'activities.remove': '删除活动台账',
  'awards.create': '登记表彰',
  'mediation.create': '登记调解申请',
  'mediation.close': '调解结案',
  'mediation.update': '修改调解记录',
};

/** Stored columns of the ledger's records → the clerk's label, for 修改记录. */
export const PLANS_AUDIT_FIELDS: Record<string, string> = {
  form: '申请方式',
  accepted_on: '受理日期',
  applicant: '申请人',
  applicant_id_number: '身份证号',
  respondent: '被申请人',
  category: '争议类别',
  matter: '争议事项',
  reasons: '理由',
  mediators: '调解员',
  sessions: '调解经过',
  outcome: '调解结果',
  closed_on: '结案日期',
  agreement_terms: '协议内容',
  agreement_deadline: '履行期限',
  status_reason: '原因',
  month: '月份',
  month_to: '结束月份',
  owner: '负责人',
  title: '事项',
  kind: '类别',
};

export const PLANS_AUDIT_ENTITIES: Record<string, string> = {
  plan: '工作计划',
  plan_item: '计划事项',
  activity: '活动台账',
  award: '表彰',
  mediation_case: '劳动争议调解',
};
