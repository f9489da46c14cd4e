/**
 * Roster header → member field (DOMAIN.md §1.4). Real sheets spell one field many ways (公民身份号码 /
 * 身份证号码 / 证件号码 …), decorate it (姓名*, 身份证号\n（必填）), qualify it (学生联系电话) and sometimes
 * name somebody else (家长联系电话 is not the member's phone). Matching is done on the normalised header:
 *   exact synonym                       → confidence 1
 *   synonym at the end after a neutral qualifier (学生联系电话, 会员姓名) → 0.7
 * A qualifier naming another person (家长, 配偶, 紧急联系人 …) never matches. Each field goes to one column
 * (the most confident, then the leftmost); the others are left unmapped with a note, never merged.
 */
import { createHash } from 'node:crypto';
import type { DetectedColumn, DetectOptions, TableDetection } from '../../spreadsheet/detect';
import { detectTable } from '../../spreadsheet/detect';
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

const EXACT = new Map<string, MemberFieldKey>();
for (const [field, words] of Object.entries(MEMBER_SYNONYMS) as [MemberFieldKey, readonly string[]][]) {
  for (const w of words) EXACT.set(normalizeHeader(w), field);
}
const BY_LENGTH = [...EXACT.keys()].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length);
const OTHER = new Set(OTHER_HEADER_WORDS.map(normalizeHeader));

export interface FieldGuess {
  field: MemberFieldKey;
  confidence: number;
}

/** The field a header names, or null. */
export function guessMemberField(headerText: string): FieldGuess | null {
  const n = normalizeHeader(headerText);
  if (!n) return null;
  const exact = EXACT.get(n);
  if (exact) return { field: exact, confidence: 1 };
  for (const syn of BY_LENGTH) {
    if (!n.endsWith(syn)) continue;
    const qualifier = n.slice(0, n.length - syn.length);
    if (OTHER_PERSON.test(qualifier) || qualifier.length > 6) return null;
    return { field: EXACT.get(syn) as MemberFieldKey, confidence: 0.7 };
  }
  return null;
}

/** For `detectTable`: how surely a header cell names something a roster has. 序号 alone counts little. */
export function memberHeaderScore(text: string): number {
  const n = normalizeHeader(text);
  if (!n) return 0;
  if (OTHER.has(n)) return 0.5;
  const g = guessMemberField(text);
  if (!g) return 0;
  return g.field === 'seq' ? 0.3 : g.confidence;
}

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

/** sha256 of the normalised header names in order (16 hex characters). */
export function headerSignature(columns: Pick<DetectedColumn, 'header'>[]): string {
  const names = columns.map((c) => c.header.split('/').map(normalizeHeader).join('/'));
  return createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 16);
}

/**
 * Maps detected columns onto member fields. `overrides` (header → field or null) are the user's corrections,
 * e.g. remembered for this `headerSignature`; they win over guesses and take the field from any other column.
 */
export function mapMemberColumns(columns: DetectedColumn[], overrides: Record<string, MemberFieldKey | null> = {}): MemberMapping {
  const guesses = columns.map((c) => {
    const text = c.name || c.header;
    if (Object.hasOwn(overrides, c.header)) {
      const field = overrides[c.header] ?? null;
      return { col: c, guess: field ? { field, confidence: 1 } : null, user: true };
    }
    return { col: c, guess: guessMemberField(text), user: false };
  });
  // A roster with a 分工会 column and a 工会小组 column: the groups belong to the branches, not one or the other.
  const unitCols = guesses.filter((g) => !g.user && g.guess?.field === 'group');
  if (unitCols.length >= 2 && unitCols.some((g) => !BRANCH_HEADER.test(normalizeHeader(g.col.name || g.col.header)))) {
    for (const g of unitCols) if (BRANCH_HEADER.test(normalizeHeader(g.col.name || g.col.header))) g.guess = { field: 'branch', confidence: g.guess!.confidence };
  }
  const owner = new Map<MemberFieldKey, number>();
  const rank = (i: number) => {
    const g = guesses[i]!;
    return (g.user ? 10 : 0) + (g.guess?.confidence ?? 0);
  };
  guesses.forEach((g, i) => {
    if (!g.guess || g.guess.field === 'seq') return;
    const prev = owner.get(g.guess.field);
    if (prev === undefined || rank(i) > rank(prev)) owner.set(g.guess.field, i);
  });
  const mapped: ColumnMapping[] = guesses.map((g, i) => {
    const hints = headerHints(g.col.header);
    const base = { index: g.col.index, header: g.col.header, hints, ...(g.user ? { userChosen: true } : {}) };
    if (!g.guess) return { ...base, field: null, confidence: 0 };
    const field = g.guess.field;
    if (field !== 'seq' && owner.get(field) !== i) {
      const winner = guesses[owner.get(field) as number]!.col;
      return { ...base, field: null, confidence: 0, note: `也像「${MEMBER_FIELD_LABELS[field]}」，但已由「${winner.header}」列导入` };
    }
    return { ...base, field, confidence: g.guess.confidence };
  });
  return {
    columns: mapped,
    signature: headerSignature(columns),
    missingRequired: owner.has('name') ? [] : ['name'],
  };
}
