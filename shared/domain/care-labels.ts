/**
 * 关怀帮扶 value lists (DOMAIN.md §6). 五必访 has no national list; the default is the ZUFE list (§6.1) split into
 * the occasions clerks record, with caps from the Anhui 2018 standards (§6.2). Caps are yuan per visit.
 */
export const CARE_OCCASIONS = ['marriage', 'childbirth', 'illness', 'bereavement', 'retirement', 'accident', 'hardship', 'birthday'] as const;
export type CareOccasion = (typeof CARE_OCCASIONS)[number];

export const CARE_OCCASION_LABELS: Record<CareOccasion, string> = {
  marriage: '结婚',
  childbirth: '生育',
  illness: '生病住院',
  bereavement: '直系亲属去世',
  retirement: '退休',
  accident: '发生意外',
  hardship: '生活困难',
  birthday: '生日',
};

/** Default rules: cap in yuan and how often one member may receive it (per calendar year or per event). */
export const CARE_OCCASION_RULES: Record<CareOccasion, { capYuan: number; oncePerYear: boolean }> = {
  marriage: { capYuan: 600, oncePerYear: false },
  childbirth: { capYuan: 600, oncePerYear: false },
  illness: { capYuan: 1000, oncePerYear: true },
  bereavement: { capYuan: 1000, oncePerYear: false },
  retirement: { capYuan: 1000, oncePerYear: false },
  accident: { capYuan: 1000, oncePerYear: false },
  hardship: { capYuan: 1000, oncePerYear: false },
  birthday: { capYuan: 300, oncePerYear: true },
};

/**
 * One occasion as 设置 keeps it. `frequency` 'year' allows `timesPerYear` visits per member per calendar year;
 * 'event' allows one visit per event (a second visit with the same 发生日期 is over the rule).
 */
export interface CareOccasionRule {
  key: string;
  label: string;
  capYuan: number;
  frequency: 'year' | 'event';
  timesPerYear: number;
}
export const CARE_FREQUENCY_LABELS = { year: '每年限次', event: '每次事件一次' } as const;

/** What 设置 starts from: the constants above, in their order. */
export const DEFAULT_CARE_OCCASIONS: readonly CareOccasionRule[] = CARE_OCCASIONS.map((key) => ({
  key,
  label: CARE_OCCASION_LABELS[key],
  capYuan: CARE_OCCASION_RULES[key].capYuan,
  frequency: CARE_OCCASION_RULES[key].oncePerYear ? 'year' : 'event',
  timesPerYear: 1,
}));

export const frequencyText = (r: CareOccasionRule): string => (r.frequency === 'year' ? (r.timesPerYear === 1 ? '每年一次' : `每年最多 ${r.timesPerYear} 次`) : '每次事件一次');

/** An occasion's label from the configured list; an occasion removed since keeps its default label or its key. */
export const occasionLabelOf = (rules: readonly CareOccasionRule[], key: string): string =>
  rules.find((r) => r.key === key)?.label ?? (CARE_OCCASION_LABELS as Record<string, string>)[key] ?? key;

/** 慰问审批: 工会小组 checks membership → 分工会主席 signs → 工会 approves (CUGB 2023, DOMAIN.md §6.2). */
export const APPROVAL_STEPS = ['group', 'branch', 'union'] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];
export const APPROVAL_STEP_LABELS: Record<ApprovalStep, string> = { group: '工会小组', branch: '分工会', union: '工会' };
export const PAYEE_SIGNED_LABELS = { true: '已签', false: '未签' } as const;

export const CARE_FORMS = ['cash', 'gift', 'both'] as const;
export type CareForm = (typeof CARE_FORMS)[number];
export const CARE_FORM_LABELS: Record<CareForm, string> = { cash: '慰问金', gift: '慰问品', both: '慰问金和慰问品' };

/** 困难类别 (全总 困难职工档案表). */
export const HARDSHIP_CATEGORIES = ['低保户', '低保边缘户', '意外致困户', '深度困难', '相对困难'] as const;
/** 致困原因 1–10 of the national form. */
export const HARDSHIP_REASONS = [
  '无劳动能力',
  '有劳动能力而未就业',
  '下岗失业',
  '未参加社会保险',
  '社会保险待遇落实不到位',
  '患重特大疾病',
  '遭受自然灾害',
  '遭受意外事故',
  '子女上学',
  '其他',
] as const;
/** Value lists of the national 困难职工档案表 (DOMAIN.md §6.3); the form also takes other words. */
export const HARDSHIP_HEALTH = ['良好', '一般', '癌症', '心血管病', '尿毒症', '精神病', '肝病', '其他慢性病', '残疾'] as const;
export const HARDSHIP_HOUSING = ['承租单位公房', '政府廉租房', '自购房', '无房', '租房', '自建房', '其他'] as const;
export const HARDSHIP_MARITAL = ['已婚', '未婚', '离异', '丧偶'] as const;
export const HARDSHIP_HUKOU = ['非农业', '农业', '农转居'] as const;
export const HARDSHIP_IDENTITY = ['在岗', '下(待)岗', '失(无)业', '退休', '病休', '内退', '农民工', '学生', '学龄前', '其他'] as const;
export const HARDSHIP_INSURANCE = ['城镇职工医保', '城乡居民医保', '新农合', '无医保'] as const;
export const FAMILY_RELATIONS = ['配偶', '子女', '父亲', '母亲', '岳父母/公婆', '兄弟姐妹', '孙子女', '其他'] as const;
/** Secondary 致困原因 on the form: at most three besides the main one. */
export const MAX_SECONDARY_REASONS = 3;

/** 帮扶记录: kind of aid and where the money came from. */
export const AID_KINDS = ['生活救助', '医疗救助', '助学', '就业帮扶', '节日慰问', '其他'] as const;
export const AID_FUND_SOURCES = ['工会经费', '上级工会帮扶资金', '单位行政', '社会捐助', '其他'] as const;
export const HARDSHIP_ATTACHMENT_KINDS = ['收入证明', '户口本', '诊断证明及票据', '学费票据', '低保证明', '其他'] as const;

export const HARDSHIP_STATUSES = ['open', 'resolved', 'withdrawn'] as const;
export type HardshipStatus = (typeof HARDSHIP_STATUSES)[number];
export const HARDSHIP_STATUS_LABELS: Record<HardshipStatus, string> = { open: '在档', resolved: '脱困', withdrawn: '退出' };

/** Over-rule marks shown in lists and prints. */
export const OVER_RULE_LABELS = { cap: '超过标准', frequency: '超过次数' } as const;

/** 最近修改 words of care and dues audit actions. */
export const CARE_AUDIT_LABELS: Record<string, string> = {
  'care.create': '登记慰问',
  'care.remove': '删除慰问记录',
  'care.occasionsUpdate': '修改慰问事由与标准',
  'care.approve': '登记慰问审批与入账',
  'care.hardshipUpdate': '修改困难职工档案',
  'care.hardshipAidAdd': '登记帮扶记录',
  'care.hardshipAidRemove': '删除帮扶记录',
  'care.hardshipAttachmentAdd': '添加困难职工档案附件',
  'care.hardshipAttachmentRemove': '删除困难职工档案附件',
  'care.lunarSet': '设置农历生日',
  'care.hardshipCreate': '建立困难职工档案',
  'care.hardshipReview': '复核困难职工档案',
  'dues.compute': '核算会费',
  'dues.markPaid': '登记会费缴纳',
};

export const PAYER_LABELS = { self: '本人缴纳', payroll: '工资代扣' } as const;
export type DuesPayer = keyof typeof PAYER_LABELS;

/** 修改记录 words for the columns care entries store (money columns are in fen, as stored). */
export const CARE_AUDIT_FIELDS: Record<string, string> = {
  occasion: '慰问事由',
  event_date: '发生日期',
  visit_date: '慰问日期',
  visitors: '慰问人',
  amount_fen: '金额（分）',
  over_rule: '超标准',
  over_rule_reason: '超标准原因',
  group_approved_on: '工会小组审批日期',
  group_approver: '工会小组审批人',
  branch_approved_on: '分工会审批日期',
  branch_approver: '分工会审批人',
  union_approved_on: '工会审批日期',
  union_approver: '工会审批人',
  payee_signed: '领款人签字',
  voucher_no: '入账凭证号',
  main_reason: '主要致困原因',
  secondary_reasons_json: '次要致困原因',
  family_size: '家庭人口',
  income_per_head_fen: '家庭月人均收入（分）',
  own_income_fen: '本人月平均收入（分）',
  family_income_fen: '家庭年度总收入（分）',
  health: '健康状况',
  disability: '残疾类别',
  housing: '住房类型',
  housing_area: '建筑面积',
  marital_status: '婚姻状况',
  hukou_type: '户口类型',
  medical_insurance: '医保状况',
  bank_name: '开户银行',
  bank_branch: '支行名称',
  bank_account: '银行卡号',
  filed_on: '建档日期',
  filed_by: '建档人',
  audited_by: '审核人',
  audited_on: '审核日期',
  last_review_on: '复核日期',
  family: '家庭成员',
  aid_date: '帮扶日期',
  fund_source: '资金来源',
  careOccasions: '慰问事由与标准',
  lunarBirthday: '按农历过生日',
};
