import { z } from 'zod';
import { MEMBER_EVENT_TYPES, MEMBER_STATUSES } from '../domain/member-lifecycle';
import { ID_TYPES } from '../domain/member-labels';
import { memberLabel, memberMax, type MemberTextField } from '../domain/member-fields';
import { channel, isoDate, noInput, optText, piiExportAsk, text } from './define';
import { fileRef } from './app';
import { cancelChannel, jobId } from './imports';


export const ID_TYPE_CODES = ID_TYPES;

export const familyMember = z.object({
  name: text(30, '姓名').min(1, '请填写家庭成员姓名'),
  relation: text(10, '关系'),
  workUnit: text(100, '工作单位'),
});

/** A text field of the field table: its label and longest length from shared/domain/member-fields.ts. */
const textField = (k: MemberTextField) => text(memberMax(k), memberLabel(k));
const optTextField = (k: MemberTextField) => optText(memberMax(k), memberLabel(k));

/** The fields of the paper 工会会员登记表 plus the real-name template (DOMAIN.md §1.2–1.4). */
export const memberInput = z.object({
  name: textField('name').min(1, '请填写姓名'),
  gender: z.enum(['男', '女']).optional().nullable(),
  birthDate: isoDate.optional().nullable(),
  ethnicity: optTextField('ethnicity'),
  nativePlace: optTextField('nativePlace'),
  idType: z.enum(ID_TYPE_CODES).default('resident'),
  idNumber: optTextField('idNumber'),
  politicalStatus: optTextField('politicalStatus'),
  education: optTextField('education'),
  degree: optTextField('degree'),
  jobTitle: optTextField('jobTitle'),
  professionalTitle: optTextField('professionalTitle'),
  workUnit: optTextField('workUnit'),
  department: optTextField('department'),
  staffNo: optTextField('staffNo'),
  employmentStatus: optTextField('employmentStatus'),
  householdType: optTextField('householdType'),
  householdPlace: optTextField('householdPlace'),
  phone: z
    .string()
    .trim()
    .regex(new RegExp(`^[0-9+\\-() ]{0,${memberMax('phone')}}$`), '电话号码只能包含数字、+、-、括号和空格')
    .optional()
    .nullable(),
  joinDate: isoDate.optional().nullable(),
  memberNo: optTextField('memberNo'),
  groupId: z.number().int().positive().optional().nullable(),
  isMigrantWorker: z.boolean().optional().nullable(),
  /** Yuan with at most two decimals; stored as fen. */
  monthlyWage: z.number().min(0, '月工资不能为负数').max(10_000_000).multipleOf(0.01, '月工资最多两位小数').optional().nullable(),
  familyMembers: z.array(familyMember).max(20).default([]),
  workHistory: optTextField('workHistory'),
  remarks: optTextField('remarks'),
});
export type MemberInput = z.input<typeof memberInput>;
export type MemberFields = z.output<typeof memberInput>;

export const memberStatus = z.enum(MEMBER_STATUSES);

export const memberEvent = z.object({
  id: z.number().int(),
  type: z.enum(MEMBER_EVENT_TYPES),
  date: isoDate,
  reason: z.string().nullable(),
  handler: z.string().nullable(),
  remark: z.string().nullable(),
  otherUnion: z.string().nullable(),
  fromGroup: z.string().nullable(),
  toGroup: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberEvent = z.infer<typeof memberEvent>;

export const memberListRow = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  idNumberMasked: z.string().nullable(),
  idNumber: z.string().nullable().optional(),
  idType: z.string(),
  memberNo: z.string().nullable(),
  staffNo: z.string().nullable(),
  phone: z.string().nullable(),
  groupId: z.number().int().nullable(),
  group: z.string().nullable(),
  workUnit: z.string().nullable(),
  department: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  education: z.string().nullable(),
  jobTitle: z.string().nullable(),
  professionalTitle: z.string().nullable(),
  joinDate: z.string().nullable(),
  status: memberStatus,
  flags: z.array(z.enum(['noId', 'idUnchecked'])),
});
export type MemberListRow = z.infer<typeof memberListRow>;

export const memberDetail = memberInput.extend({
  id: z.number().int(),
  idNumber: z.string().nullable().optional(),
  group: z.string().nullable(),
  status: memberStatus,
  age: z.number().int().nullable(),
  flags: z.array(z.enum(['noId', 'idUnchecked'])),
  events: z.array(memberEvent),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Non-blocking notes, e.g. a typed 出生日期 that disagrees with the ID number (the ID wins). */
  warnings: z.array(z.string()),
});
export type MemberDetail = z.infer<typeof memberDetail>;

export const MEMBER_SORT_FIELDS = ['name', 'memberNo', 'joinDate', 'birthDate', 'group', 'createdAt'] as const;

export const memberQuery = z
  .object({
    search: z.string().trim().max(50).optional(),
    /** Omitted: 在册 + 保留会籍. */
    statuses: z.array(memberStatus).max(6).optional(),
    groupId: z.number().int().positive().optional(),
    /** Includes the groups below a 分工会. */
    includeSubgroups: z.boolean().default(true),
    gender: z.enum(['男', '女']).optional(),
    ageMin: z.number().int().min(0).max(150).optional(),
    ageMax: z.number().int().min(0).max(150).optional(),
    politicalStatus: z.string().max(20).optional(),
    joinedFrom: isoDate.optional(),
    joinedTo: isoDate.optional(),
    sortBy: z.enum(MEMBER_SORT_FIELDS).default('name'),
    sortOrder: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
    /** Full ID numbers in the rows, for an export or the CLI the clerk asked for; lists mask them. */
    revealIds: z.boolean().default(false),
    /**
     * Count a search's hits only up to MEMBER_TOTAL_CAP (the list as the clerk types: one character, 张, is
     * thousands of hits at 100,000 members, and counting them all costs more than the page); `totalCapped`
     * then says there are more.
     */
    capTotal: z.boolean().default(false),
  })
  .strict();
export type MemberQuery = z.input<typeof memberQuery>;

export const MEMBER_TOTAL_CAP = 1000;

export const eventInput = z
  .object({
    memberId: z.number().int().positive(),
    type: z.enum(MEMBER_EVENT_TYPES).exclude(['group_move']),
    date: isoDate,
    reason: optText(200, '原因'),
    handler: optText(30, '经办人'),
    remark: optText(500, '备注'),
    /** 转入: from which union; 转出: to which union. */
    otherUnion: optText(100, '对方工会'),
  })
  .strict();

export const unionUnit = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(['branch', 'group']),
  name: z.string(),
  leaderMemberId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  memberCount: z.number().int(),
});
export type UnionUnit = z.infer<typeof unionUnit>;

export const memberStats = z.object({
  byStatus: z.record(memberStatus, z.number().int()),
  byGroup: z.array(z.object({ groupId: z.number().int().nullable(), name: z.string(), count: z.number().int() })),
  ageBands: z.array(z.object({ band: z.string(), male: z.number().int(), female: z.number().int(), unknown: z.number().int() })),
  noId: z.number().int(),
  total: z.number().int(),
});
export type MemberStats = z.infer<typeof memberStats>;

export const idCheckOutput = z.object({
  ok: z.boolean(),
  normalized: z.string(),
  reason: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(['男', '女']).nullable(),
  duplicateOf: z.object({ id: z.number().int(), name: z.string(), memberNo: z.string().nullable() }).nullable(),
});

export const membersChannels = {
  'members.list': channel(memberQuery, z.object({ total: z.number().int(), totalCapped: z.boolean(), rows: z.array(memberListRow) })),
  'members.get': channel(z.object({ id: z.number().int().positive() }).strict(), memberDetail),
  /** Finds one member by internal id, 会员证号 or ID number (the CLI's `members show`). */
  'members.find': channel(z.object({ key: z.string().trim().min(1).max(60) }).strict(), memberDetail),
  'members.create': channel(
    z
      .object({
        member: memberInput,
        /** How the person arrived: 入会 (default, dated 入会时间) or 转入 from another union. */
        arrival: z
          .object({ type: z.enum(['join', 'transfer_in']), date: isoDate, otherUnion: optText(100, '原工会'), handler: optText(30, '经办人') })
          .strict()
          .optional(),
      })
      .strict(),
    memberDetail,
  ),
  'members.update': channel(
    z.object({ id: z.number().int().positive(), member: memberInput, expectedUpdatedAt: z.string().optional() }).strict(),
    memberDetail,
  ),
  'members.remove': channel(
    z.object({ id: z.number().int().positive(), reason: text(200, '原因').min(1, '请说明删除原因') }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  'members.addEvent': channel(eventInput, memberDetail),
  'members.checkId': channel(
    z.object({ idType: z.enum(ID_TYPE_CODES), idNumber: z.string().max(60), excludeId: z.number().int().optional() }).strict(),
    idCheckOutput,
  ),
  'members.moveGroup': channel(
    z
      .object({
        memberIds: z.array(z.number().int().positive()).min(1).max(5000),
        toGroupId: z.number().int().positive().nullable(),
        date: isoDate,
        reason: optText(200, '原因'),
      })
      .strict(),
    z.object({ moved: z.number().int() }),
  ),
  'members.stats': channel(noInput, memberStats),
  /** The current list filter written to .xlsx with a template (standard | hainan); IDs full or masked (pii.ts rule). */
  'members.export': channel(
    z
      .object({
        query: memberQuery.prefault({}),
        template: z.enum(['standard', 'hainan']).default('standard'),
        jobId: jobId.optional(),
        ...piiExportAsk,
      })
      .strict(),
    fileRef.extend({ count: z.number().int(), masked: z.boolean() }),
  ),
  /** Stops a running export (its jobId); the half-written file is removed. */
  'members.exportCancel': cancelChannel,
  /** 登记表: ID number and phone full or masked by the role and 设置 (pii.ts); revealIds as for exports. */
  'members.registrationPdf': channel(z.object({ id: z.number().int().positive(), revealIds: z.boolean().optional() }).strict(), fileRef),
  'members.registrationHtml': channel(z.object({ id: z.number().int().positive(), revealIds: z.boolean().optional() }).strict(), z.object({ html: z.string() })),
  'groups.tree': channel(noInput, z.array(unionUnit)),
  'groups.create': channel(
    z
      .object({
        parentId: z.number().int().positive().nullable(),
        kind: z.enum(['branch', 'group']),
        name: text(50, '名称').min(1, '请填写名称'),
        leaderMemberId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
    unionUnit,
  ),
  'groups.update': channel(
    z
      .object({
        id: z.number().int().positive(),
        name: text(50, '名称').min(1, '请填写名称'),
        leaderMemberId: z.number().int().positive().nullable(),
      })
      .strict(),
    unionUnit,
  ),
  'groups.remove': channel(z.object({ id: z.number().int().positive() }).strict(), z.object({ removed: z.boolean() })),
} as const;
