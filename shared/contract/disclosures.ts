import { z } from 'zod';
import {
  ALL_DISCLOSURE_FORMS,
  DISCLOSURE_SCOPES,
  DISCLOSURE_TIMINGS,
  OPINION_CHANNELS,
  OPINION_STATUSES,
} from '../domain/disclosure-labels';
import { fileRef, fileToken } from './app';
import { channel, id, isoDate, noInput, optText, text } from './define';


/** 公开事项 as the clerk registers it (DOMAIN.md §4.2); 登记号 is assigned by the core, never typed. */
export const disclosureInput = z.object({
  title: text(200, '公开事项').min(1, '请填写公开事项'),
  category: text(20, '类别').min(1, '请选择类别'),
  content: optText(20000, '公开内容'),
  forms: z
    .array(z.string().trim().min(1).max(20))
    .min(1, '请至少选择一种公开形式')
    .max(ALL_DISCLOSURE_FORMS.length + 5)
    .refine((list) => new Set(list).size === list.length, '公开形式不能重复'),
  scope: z.enum(DISCLOSURE_SCOPES, { error: '请选择公开范围' }),
  timing: z.enum(DISCLOSURE_TIMINGS, { error: '请选择时限类型' }),
  disclosedOn: isoDate,
  /** 公开期限: posted until this day; none for 长期 items. */
  until: isoDate.optional().nullable(),
  department: optText(100, '责任部门'),
  reviewer: optText(30, '审核人'),
  reviewedOn: isoDate.optional().nullable(),
  remarks: optText(2000, '备注'),
});
export type DisclosureInput = z.input<typeof disclosureInput>;
export type DisclosureFields = z.output<typeof disclosureInput>;

/** One stored file of a record, listed with what the content really is (sniffed, not taken from the name). */
export const attachmentInfo = z.object({
  id: z.number().int(),
  /** The name shown to the clerk: the uploaded name cleaned of anything path-like. */
  label: z.string(),
  sizeBytes: z.number().int(),
  mime: z.string(),
  /** 类型 in words: PDF 文档, JPEG 图片, Word 文档 … */
  kind: z.string(),
  sha256: z.string(),
  addedAt: z.string(),
  /** False when the file is gone from the data folder (ledger check reports it too). */
  present: z.boolean(),
});
export type AttachmentInfo = z.infer<typeof attachmentInfo>;

/** What a chosen file would become, checked before the form is saved. */
export const uploadInfo = z.object({
  token: fileToken,
  label: z.string(),
  sizeBytes: z.number().int(),
  mime: z.string(),
  kind: z.string(),
});
export type UploadInfo = z.infer<typeof uploadInfo>;

export const disclosureListRow = z.object({
  id: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  category: z.string(),
  forms: z.array(z.string()),
  scope: z.enum(DISCLOSURE_SCOPES),
  timing: z.enum(DISCLOSURE_TIMINGS),
  disclosedOn: z.string(),
  until: z.string().nullable(),
  department: z.string().nullable(),
  attachmentCount: z.number().int(),
  opinionCount: z.number().int(),
  overdueOpinionCount: z.number().int(),
});
export type DisclosureListRow = z.infer<typeof disclosureListRow>;

export const opinionInput = z.object({
  receivedOn: isoDate,
  channel: z.enum(OPINION_CHANNELS, { error: '请选择渠道' }),
  anonymous: z.boolean().default(false),
  /** 反映人; empty when anonymous. */
  reporter: optText(50, '反映人'),
  contact: optText(50, '联系方式'),
  content: text(4000, '意见内容').min(1, '请填写意见内容'),
  disclosureId: id.optional().nullable(),
  forwardedTo: optText(100, '转交部门'),
  forwardedOn: isoDate.optional().nullable(),
  /** Omitted: the receipt date plus the working days of 设置 (opinionReplyDays). */
  dueOn: isoDate.optional().nullable(),
  remarks: optText(2000, '备注'),
});
export type OpinionInput = z.input<typeof opinionInput>;
export type OpinionFields = z.output<typeof opinionInput>;

export const opinionRow = z.object({
  id: z.number().int(),
  receivedOn: z.string(),
  channel: z.string(),
  anonymous: z.boolean(),
  reporter: z.string().nullable(),
  contact: z.string().nullable(),
  content: z.string(),
  disclosureId: z.number().int().nullable(),
  disclosureRegNo: z.string().nullable(),
  disclosureTitle: z.string().nullable(),
  /** The related disclosure was deleted since: shown, but no longer opens. */
  disclosureDeleted: z.boolean(),
  forwardedTo: z.string().nullable(),
  forwardedOn: z.string().nullable(),
  dueOn: z.string(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  repliedBy: z.string().nullable(),
  remarks: z.string().nullable(),
  status: z.enum(OPINION_STATUSES),
  /** Open and past its 答复期限 today. */
  overdue: z.boolean(),
  /** Calendar days past the deadline (open ones: until today; replied ones: until the reply), else 0. */
  daysLate: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OpinionRow = z.infer<typeof opinionRow>;

export const disclosureDetail = disclosureInput.extend({
  id: z.number().int(),
  regNo: z.string(),
  attachments: z.array(attachmentInfo),
  opinions: z.array(opinionRow),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DisclosureDetail = z.infer<typeof disclosureDetail>;

const period = {
  year: z.number().int().min(1900).max(2100),
  month: z.number().int().min(1).max(12).optional().nullable(),
};

export const disclosureQuery = z
  .object({
    ...period,
    year: period.year.optional(),
    category: z.string().max(20).optional(),
    form: z.string().max(20).optional(),
    search: z.string().trim().max(50).optional(),
  })
  .strict();
export type DisclosureQuery = z.input<typeof disclosureQuery>;

export const opinionQuery = z
  .object({
    statuses: z.array(z.enum(OPINION_STATUSES)).max(4).optional(),
    overdueOnly: z.boolean().default(false),
    disclosureId: id.optional(),
    year: period.year.optional(),
    search: z.string().trim().max(50).optional(),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .strict();
export type OpinionQuery = z.input<typeof opinionQuery>;

export const cataloguePeriod = z.object(period).strict();
export type CataloguePeriodInput = z.input<typeof cataloguePeriod>;

const attachmentRef = z.object({ attachmentId: id }).strict();
const uploads = z.array(fileToken).max(30, '一次最多添加 30 个附件').default([]);

export const disclosuresChannels = {
  'disclosures.list': channel(disclosureQuery, z.object({ total: z.number().int(), rows: z.array(disclosureListRow) })),
  'disclosures.get': channel(z.object({ id }).strict(), disclosureDetail),
  /** By internal id or 登记号 (the CLI's `disclosures show`). */
  'disclosures.find': channel(z.object({ key: z.string().trim().min(1).max(20) }).strict(), disclosureDetail),
  'disclosures.create': channel(z.object({ disclosure: disclosureInput, uploads }).strict(), disclosureDetail),
  'disclosures.update': channel(
    z
      .object({
        id,
        disclosure: disclosureInput,
        uploads,
        removeAttachmentIds: z.array(id).max(100).default([]),
        expectedUpdatedAt: z.string().optional(),
      })
      .strict(),
    disclosureDetail,
  ),
  'disclosures.remove': channel(
    z.object({ id, reason: text(200, '原因').min(1, '请说明删除原因') }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  /** Checks a chosen file (size, type, refusals) before the form is saved; nothing is stored yet. */
  'disclosures.inspectUpload': channel(z.object({ token: fileToken }).strict(), uploadInfo),
  /** Electron: opens a read-only copy with the system viewer. Elsewhere UNAVAILABLE (download instead). */
  'disclosures.openAttachment': channel(attachmentRef, z.object({ opened: z.boolean() })),
  /** A token for the attachment, to download in the browser or save elsewhere in Electron. */
  'disclosures.attachmentFile': channel(attachmentRef, fileRef),
  'disclosures.catalogueHtml': channel(cataloguePeriod, z.object({ html: z.string(), count: z.number().int() })),
  'disclosures.cataloguePdf': channel(cataloguePeriod, fileRef),
  'disclosures.catalogueXlsx': channel(cataloguePeriod, fileRef),
  /** Years that have records, newest first, for the period pickers. */
  'disclosures.years': channel(noInput, z.array(z.number().int())),
  'opinions.list': channel(opinionQuery, z.object({ total: z.number().int(), rows: z.array(opinionRow) })),
  'opinions.get': channel(z.object({ id }).strict(), opinionRow),
  'opinions.create': channel(z.object({ opinion: opinionInput }).strict(), opinionRow),
  'opinions.update': channel(
    z.object({ id, opinion: opinionInput, expectedUpdatedAt: z.string().optional() }).strict(),
    opinionRow,
  ),
  /** Records 答复内容 and date; the status becomes 已答复. */
  'opinions.reply': channel(
    z
      .object({
        id,
        reply: text(4000, '答复内容').min(1, '请填写答复内容'),
        repliedOn: isoDate,
        repliedBy: optText(30, '答复人'),
      })
      .strict(),
    opinionRow,
  ),
  /** 已答复 → 已归档, or back (undo) with `archived: false`. */
  'opinions.archive': channel(z.object({ id, archived: z.boolean().default(true) }).strict(), opinionRow),
  'opinions.remove': channel(
    z.object({ id, reason: text(200, '原因').min(1, '请说明删除原因') }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  /** The default 答复期限 for a receipt date, with the office's holidays (the form shows it before saving). */
  'opinions.dueDate': channel(z.object({ receivedOn: isoDate }).strict(), z.object({ dueOn: isoDate, workdays: z.number().int() })),
} as const;
