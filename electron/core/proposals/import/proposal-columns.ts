/**
 * Proposal register header → proposal field (DOMAIN.md §3.2). Offices collect 提案 in Excel before the
 * congress and keep the handling results in later columns of the same sheet, so a register may carry the
 * 提案表 fields and, optionally, 审查/交办/答复/反馈 columns.
 *
 * Matching works like the member mapper (member-columns.ts), on the normalised header:
 *   exact synonym → confidence 1;  synonym at the end after a short neutral qualifier (第一提案人) → 0.7.
 * Under a grouped header the column's own name is tried first, then group + name ("提案人/姓名" → 提案人).
 * Each field goes to one column, except 附议人, which may be spread over several columns (附议人1, 附议人2 …):
 * every column of it is read and the names are put together in column order.
 */
import { createHash } from 'node:crypto';
import type { DetectedColumn, DetectOptions, TableDetection } from '../../spreadsheet/detect';
import { detectTable } from '../../spreadsheet/detect';
import { normalizeHeader } from '../../spreadsheet/header-text';
import type { SheetGrid } from '../../spreadsheet/types';
import { PROPOSAL_FIELDS, type ProposalField } from '../../../../shared/domain/proposal-fields';

export const PROPOSAL_IMPORT_FIELDS: readonly { key: ProposalField | 'seq'; label: string }[] = [
  ...(Object.keys(PROPOSAL_FIELDS) as ProposalField[]).map((key) => ({ key, label: PROPOSAL_FIELDS[key].label })),
  { key: 'seq', label: '序号（不导入）' },
];

export type ProposalFieldKey = ProposalField | 'seq';
export const PROPOSAL_FIELD_LABELS = Object.fromEntries(PROPOSAL_IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<ProposalFieldKey, string>;

/** Fields holding the handling history: read only to replay 立案/交办/答复/反馈. */
export const HISTORY_FIELDS: readonly ProposalFieldKey[] = ['review', 'deadline', 'reply', 'replyClass', 'replyDate', 'satisfaction', 'coUnits'];

/** Header spellings per field (normalised when matched, see `normalizeHeader`). */
export const PROPOSAL_SYNONYMS: Record<ProposalFieldKey, readonly string[]> = {
  seq: ['序号', '序', 'no', 'no.', '行号'],
  ...(Object.fromEntries((Object.keys(PROPOSAL_FIELDS) as ProposalField[]).map((k) => [k, PROPOSAL_FIELDS[k].synonyms as readonly string[]])) as Record<
    ProposalField,
    readonly string[]
  >),
};

/** Header words seen in registers that are not imported: they still show a row is a header. */
const OTHER_HEADER_WORDS = [
  '职务', '部门', '单位', '工号', '性别', '签名', '附件', '邮箱', '电子邮箱', '状态', '办理状态', '督办情况', '立案日期', '交办日期',
  '反馈日期', '办结日期', '督办意见',
];

const EXACT = new Map<string, ProposalFieldKey>();
for (const [field, words] of Object.entries(PROPOSAL_SYNONYMS) as [ProposalFieldKey, readonly string[]][]) {
  for (const w of words) EXACT.set(normalizeHeader(w), field);
}
/**
 * Generic words match only as the whole header: 反馈日期 is not the 提交日期, 审查建议 not the 办法和建议.
 */
const EXACT_ONLY = new Set(['日期', '时间', '类型', '类别', '分类', '问题', '建议', '办法', '措施', '电话', '手机', '提案', '反馈', '答复', '编号', '附议', '依据', '理由']);
const BY_LENGTH = [...EXACT.keys()].filter((k) => k.length >= 2 && !EXACT_ONLY.has(k)).sort((a, b) => b.length - a.length);
const OTHER = new Set(OTHER_HEADER_WORDS.map(normalizeHeader));

/** Numbering of repeated columns: 附议人1, 附议人二, 附议人(2) — brackets are gone after normalizeHeader. */
const TRAILING_NUMBER = /(?:[0-9]+|[一二三四五六七八九十]+)$/;

export interface ProposalFieldGuess {
  field: ProposalFieldKey;
  confidence: number;
}

function guessOne(n: string): ProposalFieldGuess | null {
  if (!n || OTHER.has(n)) return null;
  const exact = EXACT.get(n);
  if (exact) return { field: exact, confidence: 1 };
  const numbered = n.replace(TRAILING_NUMBER, '');
  if (numbered !== n && EXACT.get(numbered) === 'seconders') return { field: 'seconders', confidence: 1 };
  for (const syn of BY_LENGTH) {
    if (!n.endsWith(syn)) continue;
    const qualifier = n.slice(0, n.length - syn.length);
    // 联系人电话 or 经办人 belong to somebody else; long qualifiers are sentences, not headers.
    if (/(联系人|经办人|负责人|家长|配偶)$/.test(qualifier) || qualifier.length > 6) return null;
    return { field: EXACT.get(syn) as ProposalFieldKey, confidence: 0.7 };
  }
  return null;
}

/** The field a header names, or null. `group` is the cell above in a two-row header. */
export function guessProposalField(headerText: string, group?: string): ProposalFieldGuess | null {
  const own = guessOne(normalizeHeader(headerText));
  if (own || !group) return own;
  return guessOne(normalizeHeader(group) + normalizeHeader(headerText));
}

/** For `detectTable`: how surely a header cell names something a proposal register has. */
export function proposalHeaderScore(text: string): number {
  const n = normalizeHeader(text);
  if (!n) return 0;
  if (OTHER.has(n)) return 0.5;
  const g = guessOne(n);
  if (!g) return 0;
  return g.field === 'seq' ? 0.3 : g.confidence;
}

export const detectProposalTable = (grid: SheetGrid, opts: DetectOptions = {}): TableDetection =>
  detectTable(grid, { headerScore: proposalHeaderScore, ...opts });

export interface ProposalColumnMapping {
  /** 0-based sheet column. */
  index: number;
  /** The detected column's unique header ("组/名" under a grouped header). */
  header: string;
  field: ProposalFieldKey | null;
  /** 1 exact synonym or the user's choice, 0.7 qualified, 0 unmapped. */
  confidence: number;
  userChosen?: boolean;
  /** Why a recognisable column was left unmapped (Chinese). */
  note?: string;
}

export interface ProposalMapping {
  columns: ProposalColumnMapping[];
  /** Stable id of the header layout, for remembering a corrected mapping. */
  signature: string;
  /** Fields without a column that an import needs (案由, 提案人). */
  missingRequired: ProposalFieldKey[];
}

/** sha256 of the normalised header names in order (16 hex characters); the member mapper's recipe. */
export function proposalHeaderSignature(columns: Pick<DetectedColumn, 'header'>[]): string {
  const names = columns.map((c) => c.header.split('/').map(normalizeHeader).join('/'));
  return createHash('sha256').update(JSON.stringify(['proposals', ...names])).digest('hex').slice(0, 16);
}

const MULTI: ReadonlySet<ProposalFieldKey> = new Set(['seconders', 'seq']);

/**
 * Maps detected columns onto proposal fields. `overrides` (header → field or null) are the user's
 * corrections; they win over guesses and take a single-column field from any other column.
 */
export function mapProposalColumns(columns: DetectedColumn[], overrides: Record<string, ProposalFieldKey | null> = {}): ProposalMapping {
  const guesses = columns.map((c) => {
    if (Object.hasOwn(overrides, c.header)) {
      const field = overrides[c.header] ?? null;
      return { col: c, guess: field ? { field, confidence: 1 } : null, user: true };
    }
    return { col: c, guess: guessProposalField(c.name || c.header, c.group), user: false };
  });
  const rank = (i: number) => (guesses[i]!.user ? 10 : 0) + (guesses[i]!.guess?.confidence ?? 0);
  const owner = new Map<ProposalFieldKey, number>();
  guesses.forEach((g, i) => {
    if (!g.guess || MULTI.has(g.guess.field)) return;
    const prev = owner.get(g.guess.field);
    if (prev === undefined || rank(i) > rank(prev)) owner.set(g.guess.field, i);
  });
  const mapped: ProposalColumnMapping[] = guesses.map((g, i) => {
    const base = { index: g.col.index, header: g.col.header, ...(g.user ? { userChosen: true } : {}) };
    if (!g.guess) return { ...base, field: null, confidence: 0 };
    const field = g.guess.field;
    if (!MULTI.has(field) && owner.get(field) !== i) {
      const winner = guesses[owner.get(field) as number]!.col;
      return { ...base, field: null, confidence: 0, note: `也像「${PROPOSAL_FIELD_LABELS[field]}」，但已由「${winner.header}」列导入` };
    }
    return { ...base, field, confidence: g.guess.confidence };
  });
  const has = (f: ProposalFieldKey) => mapped.some((c) => c.field === f);
  return {
    columns: mapped,
    signature: proposalHeaderSignature(columns),
    missingRequired: (['title', 'proposer'] as const).filter((f) => !has(f)),
  };
}

/** Several names in one cell: 、，,/ ；; and spaces (张三、李四；王五 / 赵六). */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,/／；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
