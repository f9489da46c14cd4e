import { z } from 'zod';
import { UNIT_TYPES } from '../domain/labels';
import { DEFAULT_ATTACHMENT_MAX_MB, DEFAULT_DISCLOSURE_CATEGORIES, DEFAULT_REPLY_WORKDAYS } from '../domain/disclosure-labels';
import { DUES_PERIOD_KINDS } from '../domain/dues';
import { DEFAULT_PLAN_KIND_NAMES } from '../domain/plans-labels';
import { DEFAULT_LOCK_MINUTES } from '../domain/permissions';
import { channel, noInput } from './define';

export const orgCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{1,10}$/, '机构（问题）代码只能由大写字母和数字组成，最多 10 位'),
  name: z.string().trim().min(1, '请填写机构（问题）名称').max(50, '名称不能超过 50 个字'),
});

/** A list typed in one line (the CLI) is split at commas, semicolons, spaces or new lines; arrays pass as they are. */
const listOf = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[,，;；、\s]+/).filter(Boolean) : v),
    z
      .array(item)
      .max(max, `${label}最多 ${max} 项`)
      .refine((list) => new Set(list).size === list.length, `${label}不能重复`),
  );
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const settingsSchema = z.object({
  unitName: z.string().trim().max(100, '单位名称不能超过 100 个字'),
  unitType: z.enum(UNIT_TYPES),
  unionName: z.string().trim().max(100, '工会名称不能超过 100 个字'),
  fondsCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{0,20}$/, '全宗号只能由字母、数字和连字符组成，最多 20 位'),
  fondsName: z.string().trim().max(100, '全宗名称不能超过 100 个字'),
  orgCodes: z
    .array(orgCode)
    .max(100)
    .refine((list) => new Set(list.map((o) => o.code)).size === list.length, '机构（问题）代码不能重复'),
  operator: z.string().trim().max(30, '操作人姓名不能超过 30 个字'),
  /** 公开事项的类别 (DOMAIN.md §4.1); offices word their own. */
  disclosureCategories: listOf(z.string().trim().min(1).max(20, '类别名称不能超过 20 个字'), 30, '公开事项类别').refine(
    (list) => list.length > 0,
    '至少保留一个公开事项类别',
  ),
  /** 答复期限 of an opinion, in working days after receipt. */
  opinionReplyDays: z.coerce.number().int('答复期限应为整数').min(1, '答复期限至少 1 个工作日').max(60, '答复期限最多 60 个工作日'),
  /** Largest attachment accepted, in MB (the upload itself stops at 200 MB). */
  attachmentMaxMb: z.coerce.number().int('附件大小上限应为整数').min(1, '附件大小上限至少 1 MB').max(200, '附件大小上限最多 200 MB'),
  /** Days off on working days (国庆, 春节 …) and worked weekend days (调休), for 答复期限. */
  holidays: listOf(isoDay, 366, '节假日'),
  makeupWorkdays: listOf(isoDay, 100, '调休上班日'),
  /** #16: minutes without a call after which a logged-in session locks (only while login is on). */
  /** #16: the first-row notice (PII_EXPORT_NOTICE) in our own workbooks that hold full ID numbers. */
  exportNotice: z.boolean(),
  /** #16 设置 → 个人信息: exports and prints mask ID numbers, phones and bank accounts for every role unless 含完整号码 is asked. */
  piiMask: z.boolean(),
  /** #16: years after a member left (转出/退会/开除/去世) before their personal information may be anonymised. */
  piiRetentionYears: z.coerce.number().int('保留年限应为整数').min(0, '保留年限不能为负').max(30, '保留年限最多 30 年'),
  lockMinutes: z.coerce.number().int('自动锁定时间应为整数').min(1, '自动锁定时间至少 1 分钟').max(480, '自动锁定时间最多 480 分钟'),
  /** 计划事项类别 (#14): the kinds plan items and activities are filed under; the built-in ones keep their codes. */
  planItemKinds: listOf(z.string().trim().min(1).max(20, '类别名称不能超过 20 个字'), 40, '计划事项类别').refine((list) => list.length > 0, '至少保留一个计划事项类别'),
  /** 会费 collection period the dues page works in (the ledger itself is kept per month). */
  duesPeriodKind: z.enum(DUES_PERIOD_KINDS, { error: '会费收缴周期应为 按月、按季度、按半年 或 按年' }),
  /** The wage rounded down to a multiple of 10 yuan before the 0.5 % (DOMAIN.md §1.8); false counts the whole wage. */
  duesWageFloor10: z.boolean(),
  /** A half fen of dues: 四舍五入 or 舍去 (only arises when the whole wage is counted). */
  duesFenRounding: z.enum(['halfUp', 'truncate'], { error: '会费分位取舍应为 四舍五入 或 舍去' }),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  unitName: '',
  unitType: 'school',
  unionName: '',
  fondsCode: '',
  fondsName: '',
  orgCodes: [],
  operator: '',
  disclosureCategories: [...DEFAULT_DISCLOSURE_CATEGORIES],
  opinionReplyDays: DEFAULT_REPLY_WORKDAYS,
  attachmentMaxMb: DEFAULT_ATTACHMENT_MAX_MB,
  holidays: [],
  makeupWorkdays: [],
  lockMinutes: DEFAULT_LOCK_MINUTES,
  exportNotice: true,
  piiMask: false,
  piiRetentionYears: 3,
  planItemKinds: [...DEFAULT_PLAN_KIND_NAMES],
  duesPeriodKind: 'month',
  duesWageFloor10: true,
  duesFenRounding: 'halfUp',
};

export const settingsChannels = {
  'settings.get': channel(noInput, settingsSchema),
  'settings.update': channel(settingsSchema.partial().strict(), settingsSchema),
} as const;
