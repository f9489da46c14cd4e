/**
 * Roster header → member field (DOMAIN.md §1.4). Real sheets spell one field many ways (公民身份号码 /
 * 身份证号码 / 证件号码 …), decorate it (姓名*, 身份证号\n（必填）), qualify it (学生联系电话) and sometimes
 * name somebody else (家长联系电话 is not the member's phone). Matching is done on the normalised header:
 *   exact synonym                       → confidence 1
 *   synonym at the end after a neutral qualifier (学生联系电话, 会员姓名) → 0.7
 * A qualifier naming another person (家长, 配偶, 紧急联系人 …) never matches. Each field goes to one column
 * (the most confident, then the leftmost); the others are left unmapped with a note, never merged.
 */
import type { DetectedColumn, DetectOptions, TableDetection } from '../../spreadsheet/detect';
import { detectTable } from '../../spreadsheet/detect';
import { assignColumns, guessColumns, headerMatcher, headerSignature as layoutSignature, type FieldGuess as HeaderFieldGuess } from '../../imports/header-match';
import { headerHints, normalizeHeader, type HeaderHints } from '../../spreadsheet/header-text';
import type { SheetGrid } from '../../spreadsheet/types';
import { MEMBER_FIELDS, type MemberField } from '../../../../shared/domain/member-fields';

/** The fields a roster column can fill: those of the field table with header spellings, in its order. */
type ImportableField = { [K in MemberField]: (typeof MEMBER_FIELDS)[K] extends { synonyms: readonly string[] } ? K : never }[MemberField];
const importable = (Object.keys(MEMBER_FIELDS) as MemberField[]).filter((k): k is ImportableField => 'synonyms' in MEMBER_FIELDS[k]);

export const MEMBER_IMPORT_FIELDS: readonly { key: ImportableField | 'seq' | 'branch'; label: string }[] = [
  ...importable.map((key) => ({ key, label: MEMBER_FIELDS[key].label })),
  // Not a member column: the 分工会 a 工会小组 column's groups belong to (a roster with both columns).
  { key: 'branch', label: '分工会（工会小组的上级）' },
  { key: 'seq', label: '序号（不导入）' },
];

export type MemberFieldKey = ImportableField | 'seq' | 'branch';
export const MEMBER_FIELD_LABELS = Object.fromEntries(MEMBER_IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<MemberFieldKey, string>;

/** Header spellings per field (normalised when matched, see `normalizeHeader`). */
export const MEMBER_SYNONYMS: Record<MemberFieldKey, readonly string[]> = {
  seq: ['序号', '序', 'no', 'no.', '行号'],
  // Never guessed from the header alone (分工会 alone is the member's unit): see BRANCH_HEADER.
  branch: [],
  ...(Object.fromEntries(importable.map((k) => [k, MEMBER_FIELDS[k].synonyms as readonly string[]])) as Record<ImportableField, readonly string[]>),
};

/** Header words seen in rosters that are not member fields: they still show a row is a header. */
const OTHER_HEADER_WORDS = [
  '年龄', '学号', '学籍号', '家庭住址', '家庭地址', '现住址', '现居住地', '邮箱', '电子邮箱', 'qq', 'qq号', '入职时间', '入职日期',
  '参加工作时间', '会籍变化类型', '会籍变化日期', '会籍变化原因', '技能等级', '是否八大群体', '状态', '班级', '部门编号', '毕业院校', '专业',
  '婚姻状况', '健康状况', '家长姓名', '家长联系电话', '宿舍号', '邮编', '邮政编码', '进校日期',
];

/** Qualifiers that make a header about somebody else (家长联系电话, 配偶姓名). */
const OTHER_PERSON = /(家长|父亲|母亲|父母|配偶|爱人|丈夫|妻子|子女|紧急联系人|监护人|家属|亲属|推荐人|介绍人|联系人|负责人|经办人|原)$/;

/** A unit column's header that names the 分工会 (所属分会, 分工会), not the 小组. */
const BRANCH_HEADER = /^(?!.*小组).*(分工会|分会)/;

const SEQ_ONLY: ReadonlySet<MemberFieldKey> = new Set(['seq']);

const MATCHER = headerMatcher<MemberFieldKey>({ synonyms: MEMBER_SYNONYMS, other: OTHER_HEADER_WORDS, foreignQualifier: OTHER_PERSON, maxQualifier: 6 });

export type FieldGuess = HeaderFieldGuess<MemberFieldKey>;

/** The field a header names, or null. */
export const guessMemberField = (headerText: string): FieldGuess | null => MATCHER.guess(headerText);

/** For `detectTable`: how surely a header cell names something a roster has. 序号 alone counts little. */
export const memberHeaderScore = (text: string): number => MATCHER.score(text);

export const detectMemberTable = (grid: SheetGrid, opts: DetectOptions = {}): TableDetection =>
  detectTable(grid, { headerScore: memberHeaderScore, ...opts });

export interface ColumnMapping {
  /** 0-based sheet column. */
  index: number;
  /** The detected column's unique header ("组/名" under a grouped header). */
  header: string;
  field: MemberFieldKey | null;
  /** 1 exact synonym, 0.7 qualified, 1 for a user's choice, 0 unmapped. */
  confidence: number;
  /** Set when the user picked the field (remembered per header signature). */
  userChosen?: boolean;
  hints: HeaderHints;
  /** Why a recognisable column was left unmapped (Chinese). */
  note?: string;
}

export interface MemberMapping {
  columns: ColumnMapping[];
  /** Stable id of the header layout, for remembering a corrected mapping. */
  signature: string;
  /** Fields without a column that an import needs (姓名). */
  missingRequired: MemberFieldKey[];
}

/** Without a kind, as when it was the only import: the mappings clerks have remembered stay valid. */
export const headerSignature = (columns: Pick<DetectedColumn, 'header'>[]): string => layoutSignature(columns);

/**
 * Maps detected columns onto member fields. `overrides` (header → field or null) are the user's corrections,
 * e.g. remembered for this `headerSignature`; they win over guesses and take the field from any other column.
 */
export function mapMemberColumns(columns: DetectedColumn[], overrides: Record<string, MemberFieldKey | null> = {}): MemberMapping {
  const guesses = guessColumns(columns, overrides, (c) => guessMemberField(c.name || c.header));
  // A roster with a 分工会 column and a 工会小组 column: the groups belong to the branches, not one or the other.
  const unitCols = guesses.filter((g) => !g.user && g.guess?.field === 'group');
  if (unitCols.length >= 2 && unitCols.some((g) => !BRANCH_HEADER.test(normalizeHeader(g.col.name || g.col.header)))) {
    for (const g of unitCols) if (BRANCH_HEADER.test(normalizeHeader(g.col.name || g.col.header))) g.guess = { field: 'branch', confidence: g.guess!.confidence };
  }
  const mapped: ColumnMapping[] = assignColumns(guesses, SEQ_ONLY, MEMBER_FIELD_LABELS).map((c) => ({ ...c, hints: headerHints(c.header) }));
  return {
    columns: mapped,
    signature: headerSignature(columns),
    missingRequired: mapped.some((c) => c.field === 'name') ? [] : ['name'],
  };
}
