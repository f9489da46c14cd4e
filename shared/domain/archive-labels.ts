/**
 * DA/T 22-2015 values with their Chinese words (DOMAIN.md §5): retention codes, classification schemes and
 * the two 档号 standards. Forms, prints, the CLI and 设置 → 归档 read them from here.
 */
export const RETENTION_CODES = ['Y', 'D30', 'D10'] as const;
export type Retention = (typeof RETENTION_CODES)[number];

export const RETENTION_LABELS: Record<Retention, string> = { Y: '永久', D30: '定期30年', D10: '定期10年' };
/** The short words of the 归档章 and the box spine. */
export const RETENTION_SHORT: Record<Retention, string> = { Y: '永久', D30: '30年', D10: '10年' };

/** The three schemes of DA/T 22-2015 §6 (DOMAIN.md §5.3), highest level after 年度 first. */
export const ARCHIVE_SCHEMES = ['year-retention-org', 'year-org-retention', 'year-retention'] as const;
export type ArchiveScheme = (typeof ARCHIVE_SCHEMES)[number];
export const ARCHIVE_SCHEME_LABELS: Record<ArchiveScheme, string> = {
  'year-retention-org': '年度—保管期限—机构（问题）',
  'year-org-retention': '年度—机构（问题）—保管期限',
  'year-retention': '年度—保管期限',
};

/** 档号 separators: DA/T 22-2015 (Z109-WS·2011-Y-BGS-0001) or DA/T 13-2022 (Z109-WS·2011·Y·BGS-0001). */
export const ARCHIVE_CODE_STYLES = ['dat22-2015', 'dat13-2022'] as const;
export type ArchiveCodeStyle = (typeof ARCHIVE_CODE_STYLES)[number];
export const ARCHIVE_CODE_STYLE_LABELS: Record<ArchiveCodeStyle, string> = {
  'dat22-2015': 'DA/T 22-2015（Z109-WS·2011-Y-BGS-0001）',
  'dat13-2022': 'DA/T 13-2022（Z109-WS·2011·Y·BGS-0001）',
};

export const ARCHIVE_YEAR_STATES = ['draft', 'numbered', 'sealed'] as const;
export type ArchiveYearState = (typeof ARCHIVE_YEAR_STATES)[number];
export const ARCHIVE_YEAR_STATE_LABELS: Record<ArchiveYearState, string> = {
  draft: '整理中',
  numbered: '已编号',
  sealed: '已封存',
};

export const SPINE_WIDTHS = [20, 30, 40, 50] as const;

/** The printed forms of 年度归档. */
export const ARCHIVE_FORMS = ['catalogue', 'stamps', 'beikao', 'spine'] as const;
export type ArchiveForm = (typeof ARCHIVE_FORMS)[number];
export const ARCHIVE_FORM_LABELS: Record<ArchiveForm, string> = {
  catalogue: '归档文件目录',
  stamps: '归档章（不干胶标签）',
  beikao: '备考表',
  spine: '档案盒脊背',
};

/** 题名 as printed: a title the archivist made up stands in square brackets (DA/T 22-2015 §8.3). */
export const printedTitle = (title: string, selfMade: boolean): string => (selfMade ? `[${title}]` : title);

/** 日期 of the catalogue: eight digits YYYYMMDD (e.g. 19990909). */
export const catalogueDate = (iso: string): string => iso.replace(/-/g, '').slice(0, 8);

/** 最近修改 words of the archive's audit actions. */
export const ARCHIVE_AUDIT_LABELS: Record<string, string> = {
  'archive.config': '修改归档设置',
  'archive.plan': '整理年度归档文件',
  'archive.item.update': '修改归档文件',
  'archive.item.exclude': '设为不归档',
  'archive.item.include': '恢复归档',
  'archive.item.merge': '合并归档文件',
  'archive.item.unmerge': '拆分归档文件',
  'archive.item.move': '调整归档文件顺序',
  'archive.item.add': '添加归档文件',
  'archive.item.remove': '删除手工添加的归档文件',
  'archive.number': '归档编号',
  'archive.seal': '封存年度归档',
  'archive.unseal': '解除封存',
};
