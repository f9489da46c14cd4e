/**
 * Proposal register header → proposal field (DOMAIN.md §3.2). Offices collect 提案 in Excel before the
 * congress and keep the handling results in later columns of the same sheet, so a register may carry the
 * 提案表 fields and, optionally, 审查/交办/答复/反馈 columns.
 *
 * Matching is core/imports/header-match.ts's, on the normalised header (第一提案人 → 提案人, 0.7).
 * Under a grouped header the column's own name is tried first, then group + name ("提案人/姓名" → 提案人).
 * Each field goes to one column, except 附议人, which may be spread over several columns (附议人1, 附议人2 …):
 * every column of it is read and the names are put together in column order.
 */
import type { DetectedColumn, DetectOptions, TableDetection } from '../../spreadsheet/detect';
import { detectTable } from '../../spreadsheet/detect';
import { assignColumns, guessColumns, headerMatcher, headerSignature, type FieldGuess } from '../../imports/header-match';
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

const MATCHER = headerMatcher<ProposalFieldKey>({
  synonyms: PROPOSAL_SYNONYMS,
  other: OTHER_HEADER_WORDS,
  // Generic words match only as the whole header: 反馈日期 is not the 提交日期, 审查建议 not the 办法和建议.
  exactOnly: ['日期', '时间', '类型', '类别', '分类', '问题', '建议', '办法', '措施', '电话', '手机', '提案', '反馈', '答复', '编号', '附议', '依据', '理由'],
  // 联系人电话 or 经办人 belong to somebody else.
  foreignQualifier: /(联系人|经办人|负责人|家长|配偶)$/,
  maxQualifier: 6,
  numbered: 'seconders',
});

export type ProposalFieldGuess = FieldGuess<ProposalFieldKey>;

/** The field a header names, or null. `group` is the cell above in a two-row header. */
export const guessProposalField = (headerText: string, group?: string): ProposalFieldGuess | null => MATCHER.guess(headerText, group);

/** For `detectTable`: how surely a header cell names something a proposal register has. */
export const proposalHeaderScore = (text: string): number => MATCHER.score(text);

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

export const proposalHeaderSignature = (columns: Pick<DetectedColumn, 'header'>[]): string => headerSignature(columns, 'proposals');

const MULTI: ReadonlySet<ProposalFieldKey> = new Set(['seconders', 'seq']);

/**
 * Maps detected columns onto proposal fields. `overrides` (header → field or null) are the user's
 * corrections; they win over guesses and take a single-column field from any other column.
 */
export function mapProposalColumns(columns: DetectedColumn[], overrides: Record<string, ProposalFieldKey | null> = {}): ProposalMapping {
  const guesses = guessColumns(columns, overrides, (c) => guessProposalField(c.name || c.header, c.group));
  const mapped: ProposalColumnMapping[] = assignColumns(guesses, MULTI, PROPOSAL_FIELD_LABELS);
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
