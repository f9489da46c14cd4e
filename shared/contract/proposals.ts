import { z } from 'zod';
import {
  PROPOSAL_EVENT_TYPES,
  PROPOSAL_KINDS,
  PROPOSAL_STATES,
  REPLY_CLASSES,
  SATISFACTIONS,
} from '../domain/proposal-workflow';
import { fileRef, fileToken } from './app';
import { channel, id, isoDate, noInput, optText, text } from './define';
import { proposalLabel, proposalMax } from '../domain/proposal-fields';

const byId = z.object({ id }).strict();

// ---------------------------------------------------------------------------------------------------------------
// Sessions (届次), representatives (代表), handling units (承办部门)

export const sessionInput = z
  .object({
    term: z.number().int('届次应为整数').min(1, '届次至少为 1').max(99, '届次不能超过 99'),
    meeting: z.number().int('次数应为整数').min(1, '会议次数至少为 1').max(99, '会议次数不能超过 99'),
    /** Shown on covers; empty means 第X届教职工代表大会第Y次会议 from the unit type. */
    name: optText(60, '会议名称'),
    startDate: isoDate.optional().nullable(),
    endDate: isoDate.optional().nullable(),
    collectionDeadline: isoDate.optional().nullable(),
    replyDeadline: isoDate.optional().nullable(),
    minSeconders: z.number().int().min(0, '附议人数不能为负').max(20, '附议人数不能超过 20').default(2),
    remarks: optText(500, '备注'),
  })
  .strict();
export type SessionInput = z.input<typeof sessionInput>;

export const congressSession = z.object({
  id: z.number().int(),
  term: z.number().int(),
  meeting: z.number().int(),
  /** 五届二次 */
  label: z.string(),
  /** 第五届教职工代表大会第二次会议 (or the name typed) */
  title: z.string(),
  name: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  collectionDeadline: z.string().nullable(),
  replyDeadline: z.string().nullable(),
  minSeconders: z.number().int(),
  remarks: z.string().nullable(),
  representativeCount: z.number().int(),
  proposalCount: z.number().int(),
  opinionCount: z.number().int(),
  overdueCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CongressSession = z.infer<typeof congressSession>;

export const representative = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  memberId: z.number().int(),
  name: z.string(),
  delegation: z.string(),
  group: z.string().nullable(),
  department: z.string().nullable(),
  memberNo: z.string().nullable(),
  proposalCount: z.number().int(),
  secondedCount: z.number().int(),
});
export type Representative = z.infer<typeof representative>;

export const handlingUnit = z.object({
  id: z.number().int(),
  name: z.string(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** Items this unit was assigned (主办 or 协办) or suggested for; a used unit is deactivated, not removed. */
  usage: z.number().int(),
});
export type HandlingUnit = z.infer<typeof handlingUnit>;

const unitInput = z
  .object({
    name: text(40, '部门名称').min(1, '请填写部门名称'),
    contact: optText(30, '联系人'),
    phone: z.string().trim().regex(new RegExp(`^[0-9+\\-() ]{0,${proposalMax('contactPhone')}}$`), '电话号码只能包含数字、+、-、括号和空格').optional().nullable(),
  })
  .strict();

export const proposalConfig = z.object({
  categories: z
    .array(text(30, '类别').min(1, '类别不能为空'))
    .min(1, '至少要有一个类别')
    .max(50)
    .refine((l) => new Set(l).size === l.length, '类别不能重复'),
  numberFormat: text(40, '提案编号格式').min(1, '请填写提案编号格式'),
  opinionNumberFormat: text(40, '意见建议编号格式').min(1, '请填写意见建议编号格式'),
});
export type ProposalConfig = z.infer<typeof proposalConfig>;

// ---------------------------------------------------------------------------------------------------------------
// Proposals

/** The 提案表 fields the clerk types (DOMAIN.md §3.2); number, state and history come from the core. */
export const proposalFields = z
  .object({
    title: text(proposalMax('title'), proposalLabel('title')).min(1, '请填写案由'),
    reasons: optText(proposalMax('reasons'), proposalLabel('reasons')),
    suggestions: optText(proposalMax('suggestions'), proposalLabel('suggestions')),
    category: optText(proposalMax('category'), proposalLabel('category')),
    proposerId: id,
    seconderIds: z.array(id).max(proposalMax('seconders'), `附议人不能超过 ${proposalMax('seconders')} 人`).default([]),
    suggestedUnitId: id.optional().nullable(),
    submittedDate: isoDate,
    contactPhone: z.string().trim().regex(new RegExp(`^[0-9+\\-() ]{0,${proposalMax('contactPhone')}}$`), '电话号码只能包含数字、+、-、括号和空格').optional().nullable(),
    remarks: optText(proposalMax('remarks'), proposalLabel('remarks')),
  })
  .strict();
export type ProposalFields = z.output<typeof proposalFields>;
export type ProposalFieldsInput = z.input<typeof proposalFields>;

const personRef = z.object({ memberId: z.number().int(), name: z.string(), delegation: z.string().nullable() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });
const proposalRef = z.object({ id: z.number().int(), number: z.string(), title: z.string() });

export const proposalEvent = z.object({
  id: z.number().int(),
  type: z.enum(PROPOSAL_EVENT_TYPES),
  date: z.string(),
  handler: z.string().nullable(),
  text: z.string().nullable(),
  targetId: z.number().int().nullable(),
  target: proposalRef.nullable(),
  leadUnitId: z.number().int().nullable(),
  coUnitIds: z.array(z.number().int()),
  leadUnit: z.string().nullable(),
  coUnits: z.array(z.string()),
  deadline: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unit: z.string().nullable(),
  replyClass: z.enum(REPLY_CLASSES).nullable(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  createdAt: z.string(),
});
export type ProposalEvent = z.infer<typeof proposalEvent>;

export const proposalListRow = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  sessionLabel: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  serial: z.number().int(),
  number: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  proposerName: z.string(),
  delegation: z.string().nullable(),
  seconderCount: z.number().int(),
  submittedDate: z.string(),
  state: z.enum(PROPOSAL_STATES),
  stateLabel: z.string(),
  leadUnit: z.string().nullable(),
  /** 办理期限 while the 主办 has not replied (what overdue is measured against). */
  replyDue: z.string().nullable(),
  /** 办理期限 of the latest 交办/督办 round, also after the reply and 办结 (the list's 答复期限 column). */
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  replyClass: z.enum(REPLY_CLASSES).nullable(),
  feedback: z.enum(SATISFACTIONS).nullable(),
  mergedInto: proposalRef.nullable(),
});
export type ProposalListRow = z.infer<typeof proposalListRow>;

export const proposalDetail = proposalListRow.extend({
  sessionTitle: z.string(),
  minSeconders: z.number().int(),
  reasons: z.string().nullable(),
  suggestions: z.string().nullable(),
  proposer: personRef,
  seconders: z.array(personRef),
  suggestedUnit: unitRef.nullable(),
  contactPhone: z.string().nullable(),
  remarks: z.string().nullable(),
  round: z.number().int(),
  /** 办理期限 of the current round. */
  deadline: z.string().nullable(),
  coUnits: z.array(unitRef),
  leadUnitId: z.number().int().nullable(),
  converted: z.boolean(),
  filed: z.boolean(),
  /** Proposals merged into this one: their own numbers stay visible here and in the 汇编. */
  mergedFrom: z.array(proposalRef.extend({ proposerName: z.string() })),
  events: z.array(proposalEvent),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), sizeBytes: z.number().int(), createdAt: z.string() })),
  importBatchId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Non-blocking notes, e.g. registered as 意见建议 for want of seconders, or after the collection deadline. */
  warnings: z.array(z.string()),
});
export type ProposalDetail = z.infer<typeof proposalDetail>;

export const proposalQuery = z
  .object({
    sessionId: id.optional(),
    states: z.array(z.enum(PROPOSAL_STATES)).max(10).optional(),
    kind: z.enum(PROPOSAL_KINDS).optional(),
    /** The 主办 has not replied and the 办理期限 is past. */
    overdue: z.boolean().optional(),
    category: z.string().max(30).optional(),
    unitId: id.optional(),
    search: z.string().trim().max(50).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(2000).default(500),
  })
  .strict();
export type ProposalQuery = z.input<typeof proposalQuery>;

const step = {
  proposalId: id,
  date: isoDate,
  handler: optText(30, '经办人'),
  text: optText(5000, '说明'),
};
const round = {
  leadUnitId: id,
  coUnitIds: z.array(id).max(20).default([]),
  deadline: isoDate,
};

/** One workflow step; each type carries its own fields. */
export const proposalAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('file'), ...step }).strict(),
  z.object({ type: z.literal('merge'), targetId: id, ...step }).strict(),
  z.object({ type: z.literal('convert'), ...step }).strict(),
  z.object({ type: z.literal('reject'), ...step, text: text(5000, '理由').min(1, '请写明不予立案的理由') }).strict(),
  z.object({ type: z.literal('withdraw'), ...step }).strict(),
  z.object({ type: z.literal('assign'), ...step, ...round }).strict(),
  z.object({ type: z.literal('reply'), unitId: id, replyClass: z.enum(REPLY_CLASSES), ...step }).strict(),
  z.object({ type: z.literal('feedback'), satisfaction: z.enum(SATISFACTIONS), ...step }).strict(),
  z.object({ type: z.literal('supervise'), ...step, ...round }).strict(),
  z.object({ type: z.literal('close'), ...step }).strict(),
]);
export type ProposalAction = z.input<typeof proposalAction>;

const rate = z.object({ numerator: z.number().int(), denominator: z.number().int(), percent: z.number().nullable() });
export type Rate = z.infer<typeof rate>;

export const proposalStats = z.object({
  session: z.object({ id: z.number().int(), label: z.string(), title: z.string() }),
  /** Everything registered in the 提案 series (enough seconders), whatever became of it. */
  received: z.number().int(),
  pending: z.number().int(),
  filed: z.number().int(),
  merged: z.number().int(),
  converted: z.number().int(),
  rejected: z.number().int(),
  withdrawn: z.number().int(),
  assigned: z.number().int(),
  replied: z.number().int(),
  overdue: z.number().int(),
  feedback: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  closed: z.number().int(),
  filingRate: rate,
  replyRate: rate,
  satisfactionRate: rate,
  /** (A + B) ÷ replied: solved or scheduled. */
  solvedRate: rate,
  replyClasses: z.array(z.object({ replyClass: z.enum(REPLY_CLASSES), count: z.number().int(), share: rate })),
  byCategory: z.array(
    z.object({ category: z.string(), received: z.number().int(), filed: z.number().int(), share: rate, replied: z.number().int() }),
  ),
  byUnit: z.array(
    z.object({
      unitId: z.number().int(),
      name: z.string(),
      lead: z.number().int(),
      co: z.number().int(),
      replied: z.number().int(),
      overdue: z.number().int(),
      a: z.number().int(),
      b: z.number().int(),
      c: z.number().int(),
      feedback: z.number().int(),
      satisfactionRate: rate,
    }),
  ),
  byDelegation: z.array(
    z.object({
      delegation: z.string(),
      representatives: z.number().int(),
      received: z.number().int(),
      filed: z.number().int(),
      filingRate: rate,
    }),
  ),
  /** 意见建议: registered as such for want of seconders, plus proposals converted at review. */
  opinions: z.object({
    registered: z.number().int(),
    converted: z.number().int(),
    assigned: z.number().int(),
    replied: z.number().int(),
    closed: z.number().int(),
  }),
});
export type ProposalStats = z.infer<typeof proposalStats>;

/** The three printed forms (DOMAIN.md §3.6). */
export const printRequest = z.discriminatedUnion('form', [
  z.object({ form: z.literal('sheet'), id }).strict(),
  z.object({ form: z.literal('compilation'), sessionId: id }).strict(),
  z.object({ form: z.literal('report'), sessionId: id }).strict(),
]);
export type PrintRequest = z.infer<typeof printRequest>;

const bySession = z.object({ sessionId: id }).strict();

export const proposalsChannels = {
  'sessions.list': channel(noInput, z.array(congressSession)),
  'sessions.create': channel(sessionInput, congressSession),
  'sessions.update': channel(z.object({ id, session: sessionInput }).strict(), congressSession),
  'sessions.remove': channel(byId, z.object({ removed: z.boolean() })),
  'representatives.list': channel(bySession, z.array(representative)),
  'representatives.add': channel(
    z
      .object({
        sessionId: id,
        entries: z
          .array(z.object({ memberId: id, delegation: text(proposalMax('delegation'), proposalLabel('delegation')).min(1, '请填写代表团') }).strict())
          .min(1, '请选择代表')
          .max(2000),
      })
      .strict(),
    z.object({ added: z.number().int(), alreadyThere: z.number().int() }),
  ),
  'representatives.update': channel(
    z.object({ id, delegation: text(proposalMax('delegation'), proposalLabel('delegation')).min(1, '请填写代表团') }).strict(),
    representative,
  ),
  'representatives.remove': channel(byId, z.object({ removed: z.boolean() })),
  'handlingUnits.list': channel(noInput, z.array(handlingUnit)),
  'handlingUnits.create': channel(unitInput, handlingUnit),
  'handlingUnits.update': channel(unitInput.extend({ id, active: z.boolean() }).strict(), handlingUnit),
  'handlingUnits.remove': channel(byId, z.object({ removed: z.boolean(), deactivated: z.boolean() })),
  'proposals.config': channel(noInput, proposalConfig),
  'proposals.configUpdate': channel(proposalConfig.partial().strict(), proposalConfig),
  'proposals.list': channel(proposalQuery, z.object({ total: z.number().int(), rows: z.array(proposalListRow) })),
  'proposals.get': channel(byId, proposalDetail),
  'proposals.create': channel(
    z
      .object({
        sessionId: id,
        proposal: proposalFields,
        /** Register as 意见建议 even with enough seconders (the proposer asked for it). */
        asOpinion: z.boolean().default(false),
        handler: optText(30, '经办人'),
      })
      .strict(),
    proposalDetail,
  ),
  'proposals.update': channel(
    z.object({ id, proposal: proposalFields, expectedUpdatedAt: z.string().optional() }).strict(),
    proposalDetail,
  ),
  'proposals.act': channel(proposalAction, proposalDetail),
  'proposals.stats': channel(bySession, proposalStats),
  'proposals.statsXlsx': channel(bySession, fileRef),
  'proposals.printHtml': channel(printRequest, z.object({ html: z.string(), title: z.string(), landscape: z.boolean() })),
  'proposals.printPdf': channel(printRequest, fileRef),
  'proposals.attachmentAdd': channel(z.object({ proposalId: id, token: fileToken }).strict(), proposalDetail),
  'proposals.attachmentGet': channel(byId, fileRef),
  'proposals.attachmentRemove': channel(byId, proposalDetail),
} as const;
