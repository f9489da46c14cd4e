import { z } from 'zod';
import {
  ARCHIVE_CODE_STYLES,
  ARCHIVE_FORMS,
  ARCHIVE_SCHEMES,
  ARCHIVE_YEAR_STATES,
  RETENTION_CODES,
  SPINE_WIDTHS,
} from '../domain/archive-labels';
import { fileRef, fileToken } from './app';
import { channel, id, isoDate, noInput, text } from './define';
import { cancelChannel, jobId } from './imports';

const year = z.coerce.number().int('年度应为四位年份').min(1900, '年度应为四位年份').max(2999, '年度应为四位年份');
const retention = z.enum(RETENTION_CODES, { error: '保管期限应为 永久(Y)、定期30年(D30) 或 定期10年(D10)' });

/** 设置 → 归档. 全宗号, 全宗名称 and the 机构(问题) code list are the general settings (fondsCode, orgCodes). */
export const archiveConfig = z.object({
  scheme: z.enum(ARCHIVE_SCHEMES),
  codeStyle: z.enum(ARCHIVE_CODE_STYLES),
  categoryCode: z.string().trim().regex(/^[A-Z]{2}$/, '档案门类代码应为两个大写字母（文书为 WS）'),
  /** 保管期限 per item kind (its id), overriding the kind's default. */
  retentionByKind: z.record(z.string().max(80), retention),
  /** 机构(问题) code per item kind, overriding the kind's default. */
  orgByKind: z.record(z.string().max(80), z.string().max(10)),
  /** 归档章 shift from the top-centre of the first page, in mm, for forms that leave no room at the top. */
  stampOffsetXmm: z.coerce.number().min(-80).max(80),
  stampOffsetYmm: z.coerce.number().min(0).max(250),
  /** Boxes: a new box after this many items, or after this many pages (thickness). */
  boxBy: z.enum(['count', 'pages']),
  boxLimit: z.coerce.number().int().min(1).max(5000),
  spineMm: z.coerce.number().pipe(z.union(SPINE_WIDTHS.map((w) => z.literal(w)) as [z.ZodLiteral<20>, z.ZodLiteral<30>, z.ZodLiteral<40>, z.ZodLiteral<50>])),
  organizer: z.string().trim().max(30),
  checker: z.string().trim().max(30),
});
export type ArchiveConfig = z.infer<typeof archiveConfig>;

export const archiveFile = z.object({
  sha256: z.string(),
  name: z.string(),
  mime: z.string(),
  pages: z.number().int().nullable(),
});

export const archiveItem = z.object({
  id: z.number().int(),
  sourceKey: z.string(),
  source: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  selfMadeTitle: z.boolean(),
  responsible: z.string(),
  docNo: z.string(),
  date: z.string(),
  secrecy: z.string(),
  pages: z.number().int().nullable(),
  retention,
  orgCode: z.string(),
  remarks: z.string(),
  excluded: z.boolean(),
  mergedIntoId: z.number().int().nullable(),
  /** Items merged into this one (正本+定稿, body + attachments), in order. */
  parts: z.array(z.object({ id: z.number().int(), title: z.string() })),
  order: z.number().int(),
  classKey: z.string(),
  classLabel: z.string(),
  itemNo: z.number().int().nullable(),
  archiveCode: z.string().nullable(),
  boxNo: z.number().int().nullable(),
  files: z.array(archiveFile),
  manual: z.boolean(),
  /** The source record no longer proposes this item (deleted since 编号); it keeps its number. */
  orphan: z.boolean(),
});
export type ArchiveItem = z.infer<typeof archiveItem>;

export const archiveClass = z.object({ key: z.string(), label: z.string(), count: z.number().int(), pages: z.number().int() });

export const archiveManifestInfo = z.object({
  version: z.number().int(),
  sealedAt: z.string(),
  sealedBy: z.string(),
  reason: z.string().nullable(),
  yearSha256: z.string(),
  itemCount: z.number().int(),
  unsealedAt: z.string().nullable(),
  unsealReason: z.string().nullable(),
});

export const archiveYearView = z.object({
  year: z.number().int(),
  state: z.enum(ARCHIVE_YEAR_STATES),
  numberedAt: z.string().nullable(),
  sealedAt: z.string().nullable(),
  items: z.array(archiveItem),
  classes: z.array(archiveClass),
  manifests: z.array(archiveManifestInfo),
  totals: z.object({ items: z.number().int(), pages: z.number().int(), excluded: z.number().int(), boxes: z.number().int() }),
});
export type ArchiveYearView = z.infer<typeof archiveYearView>;

export const itemPatch = z
  .object({
    title: text(300, '题名').min(1, '请填写题名'),
    selfMadeTitle: z.boolean(),
    responsible: text(100, '责任者'),
    docNo: text(50, '文号'),
    date: isoDate,
    secrecy: text(10, '密级'),
    pages: z.number().int().min(0).max(100000).nullable(),
    retention,
    orgCode: z.string().trim().max(10),
    remarks: text(200, '备注'),
    boxNo: z.number().int().min(1).max(9999).nullable(),
  })
  .partial()
  .strict();
export type ItemPatch = z.infer<typeof itemPatch>;

export const manualDoc = z
  .object({
    title: text(300, '题名').min(1, '请填写题名'),
    selfMadeTitle: z.boolean().default(false),
    responsible: text(100, '责任者'),
    docNo: text(50, '文号').default(''),
    date: isoDate,
    secrecy: text(10, '密级').default(''),
    pages: z.number().int().min(0).max(100000).nullable().optional(),
    retention: retention.optional(),
    orgCode: z.string().trim().max(10).optional(),
  })
  .strict();
export type ManualDoc = z.input<typeof manualDoc>;

export const archiveCheck = z.object({
  code: z.string(),
  message: z.string(),
  itemId: z.number().int().nullable(),
});
export type ArchiveCheck = z.infer<typeof archiveCheck>;

export const verifyResult = z.object({
  ok: z.boolean(),
  version: z.number().int().nullable(),
  yearSha256: z.string().nullable(),
  differences: z.array(z.object({ itemId: z.number().int().nullable(), archiveCode: z.string().nullable(), title: z.string(), message: z.string() })),
});
export type VerifyResult = z.infer<typeof verifyResult>;

const formInput = z
  .object({ year, form: z.enum(ARCHIVE_FORMS), retention: retention.optional() })
  .strict();

const yearIn = z.object({ year }).strict();

export const archiveChannels = {
  'archive.config': channel(noInput, archiveConfig),
  'archive.updateConfig': channel(archiveConfig.partial().strict(), archiveConfig),
  'archive.kinds': channel(
    noInput,
    z.array(z.object({ id: z.string(), label: z.string(), source: z.string(), defaultRetention: retention, defaultOrgCode: z.string().nullable() })),
  ),
  'archive.years': channel(noInput, z.array(z.object({ year: z.number().int(), state: z.enum(ARCHIVE_YEAR_STATES), items: z.number().int() }))),
  'archive.get': channel(yearIn, archiveYearView),
  /** Brings the year's items up to date with the records (keeps the clerk's changes) and returns the year. */
  'archive.plan': channel(yearIn, archiveYearView),
  'archive.updateItem': channel(z.object({ id, patch: itemPatch }).strict(), archiveItem),
  'archive.exclude': channel(z.object({ ids: z.array(id).min(1).max(5000), excluded: z.boolean() }).strict(), z.object({ changed: z.number().int() })),
  'archive.merge': channel(z.object({ targetId: id, ids: z.array(id).min(1).max(500) }).strict(), archiveItem),
  'archive.unmerge': channel(z.object({ id }).strict(), z.object({ changed: z.number().int() })),
  'archive.move': channel(z.object({ id, direction: z.enum(['up', 'down']) }).strict(), z.object({ moved: z.boolean() })),
  'archive.inspectUpload': channel(z.object({ token: fileToken }).strict(), z.object({ label: z.string(), mime: z.string(), pages: z.number().int() })),
  'archive.addManual': channel(z.object({ year, doc: manualDoc, uploads: z.array(fileToken).max(50) }).strict(), archiveItem),
  'archive.removeManual': channel(z.object({ id }).strict(), z.object({ removed: z.boolean() })),
  /** Long (page counts printed): progress under jobId, cancelled by archive.numberCancel until the one short write. */
  'archive.number': channel(z.object({ year, jobId: jobId.optional() }).strict(), z.object({ numbered: z.number().int(), view: archiveYearView })),
  'archive.numberCancel': cancelChannel,
  'archive.checks': channel(yearIn, z.array(archiveCheck)),
  'archive.seal': channel(z.object({ year, reason: z.string().trim().max(200).optional() }).strict(), z.object({ version: z.number().int(), yearSha256: z.string(), items: z.number().int() })),
  'archive.unseal': channel(z.object({ year, reason: z.string().trim().min(1, '请填写解除封存的原因').max(200) }).strict(), z.object({ unsealed: z.boolean() })),
  'archive.verify': channel(yearIn, verifyResult),
  'archive.printHtml': channel(formInput, z.object({ html: z.string(), title: z.string(), landscape: z.boolean(), empty: z.boolean() })),
  'archive.printPdf': channel(formInput, fileRef),
  /** Long: progress as progress:update under jobId, cancelled by archive.binderCancel (nothing is written). */
  'archive.binderPdf': channel(z.object({ year, retention, jobId: jobId.optional() }).strict(), fileRef),
  'archive.binderCancel': cancelChannel,
  'archive.catalogueXlsx': channel(yearIn, fileRef),
  'archive.exportPackage': channel(yearIn, fileRef),
  /** A package the clerk was given: every entry against its manifest.json. */
  'archive.verifyPackage': channel(z.object({ token: fileToken }).strict(), z.object({ ok: z.boolean(), year: z.number().int().nullable(), differences: z.array(z.string()) })),
} as const;
