import { z } from 'zod';
import { CARE_FORMS, HARDSHIP_STATUSES } from '../domain/care-labels';
import { fileRef, fileToken } from './app';
import { channel, id, isoDate, optText, piiExportAsk, text } from './define';

/** 慰问金 in yuan as the clerk types it; stored as fen. Over 100,000 yuan is a typing error, not a gift. */
const amountYuan = z
  .number({ error: '金额应为数字' })
  .min(0, '金额不能为负数')
  .max(100_000, '金额不能超过 100,000 元')
  .multipleOf(0.01, '金额最多两位小数');

/** An occasion's key: one of the defaults or one the clerk added in 设置 (checked against 设置 by the service). */
const occasionKey = z.string({ error: '请选择慰问事由' }).trim().min(1, '请选择慰问事由').max(30, '慰问事由代码不能超过 30 个字');

export const careOccasionRule = z.object({
  /** Absent for an occasion the clerk adds; the service gives it one. */
  key: occasionKey.optional(),
  label: text(20, '事由名称').min(1, '请填写事由名称'),
  capYuan: z.number({ error: '标准金额应为数字' }).min(0, '标准金额不能为负数').max(100_000, '标准金额不能超过 100,000 元').multipleOf(0.01, '标准金额最多两位小数'),
  frequency: z.enum(['year', 'event'], { error: '请选择次数规则' }),
  timesPerYear: z.number().int('每年次数应为整数').min(1, '每年至少 1 次').max(12, '每年最多 12 次').default(1),
});
export const careOccasionRow = careOccasionRule.required({ key: true }).extend({ timesPerYear: z.number().int() });
export type CareOccasionRow = z.infer<typeof careOccasionRow>;

const approvalStep = z.object({ on: isoDate.nullable().optional(), by: optText(30, '审批人') });
/** 工会小组 → 分工会 → 工会; each step a date and a name, both or neither. */
export const approvalInput = z.object({ group: approvalStep.optional(), branch: approvalStep.optional(), union: approvalStep.optional() });
export type ApprovalInput = z.input<typeof approvalInput>;
const stepOut = z.object({ on: z.string().nullable(), by: z.string().nullable() });
const approvalOut = z.object({ group: stepOut, branch: stepOut, union: stepOut });

/** 审批, 领款人签字 and 入账 of a visit: filled when registering or later as the paper comes back. */
export const careSettlement = z.object({
  approval: approvalInput.optional(),
  payeeSigned: z.boolean().optional(),
  voucherNo: optText(40, '入账凭证号'),
});

export const careVisitInput = careSettlement.extend({
  memberId: id,
  occasion: occasionKey,
  eventDate: isoDate.optional().nullable(),
  visitDate: isoDate,
  visitors: optText(200, '慰问人'),
  form: z.enum(CARE_FORMS, { error: '请选择慰问形式' }),
  amount: amountYuan,
  /** Required when the visit goes over the occasion's cap or frequency rule. */
  reason: optText(500, '超标准原因'),
  notes: optText(2000, '备注'),
});
export type CareVisitInput = z.input<typeof careVisitInput>;
export type CareVisitFields = z.output<typeof careVisitInput>;

export const careVisitRow = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  idNumber: z.string().nullable(),
  groupName: z.string().nullable(),
  occasion: z.string(),
  occasionLabel: z.string(),
  eventDate: z.string().nullable(),
  visitDate: z.string(),
  visitors: z.string().nullable(),
  form: z.enum(CARE_FORMS),
  amountFen: z.number().int(),
  /** 超过标准 / 超过次数, or null. */
  overRule: z.string().nullable(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
  approval: approvalOut,
  payeeSigned: z.boolean(),
  voucherNo: z.string().nullable(),
});
export type CareVisitRow = z.infer<typeof careVisitRow>;

/** A year's visits, or every year of one member (the member's file); per occasion and per 工会组织 (with its sub-groups). */
const careListFields = { year: z.number().int().min(2000).max(2100).optional(), occasion: occasionKey.optional(), memberId: id.optional(), groupId: id.optional() };
const hasYearOrMember = (q: { year?: number | undefined; memberId?: number | undefined }) => q.year != null || q.memberId != null;
const yearMissing = { message: '请选择年度', path: ['year'] };
export const careListQuery = z.object(careListFields).strict().refine(hasYearOrMember, yearMissing);
/** The list as .xlsx: the same filter, and the choice of full or masked ID numbers with its reason (#16). */
export const careListXlsxInput = z.object({ ...careListFields, ...piiExportAsk }).strict().refine(hasYearOrMember, yearMissing);
export type CareListQuery = z.output<typeof careListQuery>;

const optYuan = amountYuan.optional().nullable();

/** One row of the form's 家庭成员 table. */
export const familyMemberInput = z.object({
  name: text(30, '家庭成员姓名').min(1, '请填写家庭成员姓名'),
  relation: optText(20, '关系'),
  gender: z.enum(['男', '女']).optional().nullable(),
  idNumber: optText(18, '身份证号'),
  birthDate: isoDate.optional().nullable(),
  health: optText(30, '健康状况'),
  monthlyIncome: optYuan,
  identity: optText(20, '身份'),
  medicalInsurance: optText(20, '医保状况'),
  workplace: optText(60, '单位或学校'),
});
export type FamilyMemberInput = z.input<typeof familyMemberInput>;

export const hardshipInput = z.object({
  memberId: id,
  category: text(20, '困难类别').min(1, '请选择困难类别'),
  mainReason: text(30, '致困原因').min(1, '请选择主要致困原因'),
  /** Up to three besides the main one (the national form). */
  secondaryReasons: z.array(text(30, '次要致困原因').min(1)).max(3, '次要致困原因最多 3 项').default([]),
  familySize: z.number().int().min(1, '家庭人口至少 1 人').max(30).optional().nullable(),
  incomePerHead: optYuan,
  ownIncome: optYuan,
  familyIncome: z.number({ error: '家庭年度总收入应为数字' }).min(0, '收入不能为负数').max(10_000_000, '家庭年度总收入不能超过 1000 万元').multipleOf(0.01).optional().nullable(),
  health: optText(30, '健康状况'),
  disability: optText(30, '残疾类别'),
  housing: optText(20, '住房类型'),
  housingArea: z.number().min(0).max(10_000, '建筑面积不能超过 10000 平方米').optional().nullable(),
  maritalStatus: optText(10, '婚姻状况'),
  hukouType: optText(10, '户口类型'),
  medicalInsurance: optText(20, '医保状况'),
  phone: optText(30, '联系电话'),
  address: optText(200, '家庭住址'),
  bankName: optText(40, '开户银行'),
  bankBranch: optText(60, '支行名称'),
  /** Left out on a save: the stored number stays (the form shows it masked unless revealed). */
  bankAccount: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{0,30}$/, '银行卡号只能是数字'))
    .optional()
    .nullable(),
  filedOn: isoDate,
  filedBy: optText(30, '建档人'),
  auditedBy: optText(30, '审核人'),
  auditedOn: isoDate.optional().nullable(),
  notes: optText(2000, '备注'),
  family: z.array(familyMemberInput).max(20, '家庭成员最多 20 人').default([]),
});
export type HardshipInput = z.input<typeof hardshipInput>;
export type HardshipFields = z.output<typeof hardshipInput>;

export const hardshipRow = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  idNumberMasked: z.string().nullable(),
  department: z.string().nullable(),
  category: z.string(),
  mainReason: z.string(),
  secondaryReasons: z.array(z.string()),
  familySize: z.number().int().nullable(),
  incomePerHeadFen: z.number().int().nullable(),
  status: z.enum(HARDSHIP_STATUSES),
  filedOn: z.string(),
  lastReviewOn: z.string().nullable(),
  /** 复核到期日: a year after the last review (or filing). */
  reviewDue: z.string(),
  reviewOverdue: z.boolean(),
  reviewReason: z.string().nullable(),
  notes: z.string().nullable(),
  bankAccountMasked: z.string().nullable(),
  /** 帮扶 this calendar year and ever, in fen. */
  aidYearFen: z.number().int(),
  aidTotalFen: z.number().int(),
});
export type HardshipRow = z.infer<typeof hardshipRow>;

export const familyMemberRow = z.object({
  name: z.string(),
  relation: z.string().nullable(),
  gender: z.enum(['男', '女']).nullable(),
  idNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  health: z.string().nullable(),
  monthlyIncomeFen: z.number().int().nullable(),
  identity: z.string().nullable(),
  medicalInsurance: z.string().nullable(),
  workplace: z.string().nullable(),
});
export type FamilyMemberRow = z.infer<typeof familyMemberRow>;

export const aidInput = z.object({
  date: isoDate,
  kind: text(20, '帮扶类型').min(1, '请选择帮扶类型'),
  amount: amountYuan,
  fundSource: optText(40, '资金来源'),
  notes: optText(500, '备注'),
});
export const aidRow = z.object({
  id: z.number().int(),
  date: z.string(),
  kind: z.string(),
  amountFen: z.number().int(),
  fundSource: z.string().nullable(),
  notes: z.string().nullable(),
});
export type AidRow = z.infer<typeof aidRow>;

export const hardshipDetail = hardshipRow.extend({
  member: z.object({
    gender: z.string().nullable(),
    birthDate: z.string().nullable(),
    ethnicity: z.string().nullable(),
    politicalStatus: z.string().nullable(),
    workUnit: z.string().nullable(),
  }),
  ownIncomeFen: z.number().int().nullable(),
  familyIncomeFen: z.number().int().nullable(),
  health: z.string().nullable(),
  disability: z.string().nullable(),
  housing: z.string().nullable(),
  housingArea: z.number().nullable(),
  maritalStatus: z.string().nullable(),
  hukouType: z.string().nullable(),
  medicalInsurance: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  bankName: z.string().nullable(),
  bankBranch: z.string().nullable(),
  /** The full number only when asked with revealIds (needs 查看完整号码, logged); null otherwise. */
  bankAccount: z.string().nullable(),
  filedBy: z.string().nullable(),
  auditedBy: z.string().nullable(),
  auditedOn: z.string().nullable(),
  family: z.array(familyMemberRow),
  attachments: z.array(z.object({ id: z.number().int(), label: z.string(), kind: z.string().nullable(), sizeBytes: z.number().int(), addedAt: z.string() })),
  aid: z.array(aidRow),
  aidByYear: z.array(z.object({ year: z.number().int(), count: z.number().int(), totalFen: z.number().int() })),
});
export type HardshipDetail = z.infer<typeof hardshipDetail>;

const reveal = { revealIds: z.boolean().default(false) };

export const birthdayRow = z.object({
  memberId: z.number().int(),
  name: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  department: z.string().nullable(),
  /** The birthday in the asked year: the same month and day, or the day of the 农历 birthday. */
  date: z.string(),
  /** 农历正月廿一 for a member who keeps the 农历 birthday; null for 阳历. */
  lunar: z.string().nullable(),
});
export type BirthdayRow = z.infer<typeof birthdayRow>;

/** 逢十 list row: `date` is the birthday in that year (29 February → 28 February in a common year). */
export const decadeRow = birthdayRow.omit({ lunar: true }).extend({ date: z.string(), retained: z.boolean() });
export type DecadeRow = z.infer<typeof decadeRow>;

/** 慰问金发放表 of a month (or the year when month is null); 慰问品-only visits are not on it. */
export const payoutPeriod = z
  .object({ year: z.number().int().min(2000).max(2100), month: z.number().int().min(1).max(12).nullable().optional(), occasion: occasionKey.optional() })
  .strict();

const monthQuery = z.object({ year: z.number().int().min(1900).max(2100), month: z.number().int().min(1).max(12) }).strict();
const decadeQuery = z
  .object({ year: z.number().int().min(1900).max(2100), minAge: z.number().int().min(0, '起始年龄不能为负数').max(120, '起始年龄不能超过 120 岁') })
  .strict();
const sheet = z.object({ html: z.string(), count: z.number().int() });

export const careChannels = {
  'care.payoutHtml': channel(payoutPeriod, z.object({ html: z.string(), count: z.number().int() })),
  'care.payoutPdf': channel(payoutPeriod, fileRef),
  'care.list': channel(careListQuery, z.object({ rows: z.array(careVisitRow), totalFen: z.number().int() })),
  'care.listXlsx': channel(careListXlsxInput, fileRef),
  'care.create': channel(z.object({ visit: careVisitInput }).strict(), careVisitRow),
  'care.approve': channel(careSettlement.extend({ id }).strict(), careVisitRow),
  'care.occasionsGet': channel(z.object({}).strict(), z.array(careOccasionRow)),
  'care.occasionsUpdate': channel(
    z.object({ occasions: z.array(careOccasionRule).min(1, '至少保留一个慰问事由').max(40, '慰问事由最多 40 个') }).strict(),
    z.array(careOccasionRow),
  ),
  'care.remove': channel(z.object({ id, reason: text(200, '删除原因').min(1, '请填写删除原因') }).strict(), z.object({ removed: z.boolean() })),
  'care.hardshipList': channel(z.object({ status: z.enum(HARDSHIP_STATUSES).optional() }).strict(), z.array(hardshipRow)),
  'care.hardshipCreate': channel(z.object({ hardship: hardshipInput }).strict(), hardshipRow),
  'care.hardshipGet': channel(z.object({ id, ...reveal }).strict(), hardshipDetail),
  'care.hardshipUpdate': channel(z.object({ id, hardship: hardshipInput }).strict(), hardshipDetail),
  'care.hardshipAidAdd': channel(z.object({ fileId: id, aid: aidInput }).strict(), hardshipDetail),
  'care.hardshipAidRemove': channel(z.object({ id, reason: text(200, '删除原因').min(1, '请填写删除原因') }).strict(), hardshipDetail),
  'care.hardshipAttachmentAdd': channel(
    z.object({ fileId: id, kind: optText(20, '材料类型'), tokens: z.array(fileToken).min(1, '请选择文件').max(20) }).strict(),
    hardshipDetail,
  ),
  'care.hardshipAttachmentRemove': channel(z.object({ id }).strict(), hardshipDetail),
  'care.hardshipAttachmentFile': channel(z.object({ id }).strict(), fileRef),
  'care.hardshipHtml': channel(z.object({ id, ...reveal }).strict(), z.object({ html: z.string() })),
  'care.hardshipPdf': channel(z.object({ id, ...reveal }).strict(), fileRef),
  /** Masked unless revealIds (a hardship file is the most sensitive); a full one needs its reason once login is on. */
  'care.hardshipRosterXlsx': channel(z.object({ status: z.enum(HARDSHIP_STATUSES).optional(), ...reveal, reason: piiExportAsk.reason }).strict(), fileRef),
  'care.hardshipReview': channel(
    z.object({ id, status: z.enum(HARDSHIP_STATUSES), reviewedOn: isoDate, reason: optText(500, '复核说明') }).strict(),
    hardshipRow,
  ),
  'care.birthdays': channel(monthQuery, z.array(birthdayRow)),
  /** Whether a member keeps the 农历 birthday (the birth date's lunar month and day), as the member's file shows it. */
  'care.lunarGet': channel(z.object({ memberId: id }).strict(), z.object({ lunar: z.boolean(), label: z.string().nullable() })),
  'care.lunarSet': channel(z.object({ memberId: id, lunar: z.boolean() }).strict(), z.object({ lunar: z.boolean(), label: z.string().nullable() })),
  'care.birthdaysHtml': channel(monthQuery, sheet),
  'care.birthdaysPdf': channel(monthQuery, fileRef),
  'care.birthdaysXlsx': channel(monthQuery, fileRef),
  'care.decade': channel(decadeQuery, z.array(decadeRow)),
  'care.decadeHtml': channel(decadeQuery, sheet),
  'care.decadePdf': channel(decadeQuery, fileRef),
  'care.decadeXlsx': channel(decadeQuery, fileRef),
} as const;
