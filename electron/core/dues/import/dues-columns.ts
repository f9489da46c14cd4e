/**
 * Wage sheet / dues deduction list header → dues import field. 财务 sends the wage sheet (工号, 姓名, 应发工资 …)
 * or the 代扣会费 list (身份证号, 姓名, 实缴, 扣款日期); either is matched on the normalised header:
 *   exact synonym → confidence 1;  synonym at the end after a short qualifier (本月实缴会费, 职工姓名) → 0.7.
 * Words our own 收缴清单 export writes but that are not read back (应缴会费, 计缴基数) mark a header row
 * without being mapped, so the export imports again as a payment list.
 */
import { createHash } from 'node:crypto';
import type { DetectedColumn, TableDetection } from '../../spreadsheet/detect';
import { detectTable } from '../../spreadsheet/detect';
import { normalizeHeader } from '../../spreadsheet/header-text';
import type { SheetGrid } from '../../spreadsheet/types';

export type DuesFieldKey = 'idNumber' | 'staffNo' | 'name' | 'wage' | 'paid' | 'paidOn' | 'receiptNo' | 'payer' | 'seq';

export const DUES_IMPORT_FIELDS: readonly { key: DuesFieldKey; label: string }[] = [
  { key: 'idNumber', label: '身份证号' },
  { key: 'staffNo', label: '工号' },
  { key: 'name', label: '姓名' },
  { key: 'wage', label: '月工资' },
  { key: 'paid', label: '实缴会费' },
  { key: 'paidOn', label: '缴费日期' },
  { key: 'receiptNo', label: '收据号' },
  { key: 'payer', label: '缴纳方式' },
  { key: 'seq', label: '序号（不导入）' },
];
export const DUES_FIELD_LABELS = Object.fromEntries(DUES_IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<DuesFieldKey, string>;

const SYNONYMS: Record<DuesFieldKey, readonly string[]> = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', '证件号'],
  staffNo: ['工号', '职工号', '员工号', '职工编号', '员工编号', '人员编号', '人员代码'],
  name: ['姓名', '职工姓名', '会员姓名', '员工姓名', '名字'],
  wage: ['月工资', '工资', '月薪', '基本工资', '应发工资', '应发合计', '月工资收入', '工资收入', '计缴工资', '缴费工资', '会费基数', '缴费基数'],
  paid: ['实缴', '实缴会费', '实缴金额', '实缴会费元', '缴纳金额', '缴费金额', '已缴会费', '代扣会费', '扣会费', '工会会费', '会费', '扣款金额'],
  paidOn: ['缴费日期', '缴纳日期', '缴费时间', '缴纳时间', '扣款日期', '代扣日期', '收款日期'],
  receiptNo: ['收据号', '收据编号', '收据号码', '票据号', '票据编号', '凭证号'],
  payer: ['缴纳方式', '缴费方式', '收缴方式'],
  seq: ['序号', '序', 'no', 'no.', '行号'],
};

/** Header words seen in wage and dues sheets that are not imported. */
const OTHER_WORDS = ['应缴会费', '应缴', '应缴金额', '计缴基数', '部门', '单位', '科室', '性别', '备注', '签名', '签字', '工会小组', '职务', '岗位', '实发工资', '扣款合计'];

const EXACT = new Map<string, DuesFieldKey>();
for (const [field, words] of Object.entries(SYNONYMS) as [DuesFieldKey, readonly string[]][]) for (const w of words) EXACT.set(normalizeHeader(w), field);
/** Generic words that only count as the whole header (日期 alone is not a 缴费日期). */
const EXACT_ONLY = new Set(['会费', '工资', '序', 'no', 'no.', '身份证', '证件号']);
const BY_LENGTH = [...EXACT.keys()].filter((k) => k.length >= 2 && !EXACT_ONLY.has(k)).sort((a, b) => b.length - a.length);
const OTHER = new Set(OTHER_WORDS.map(normalizeHeader));

function guessOne(n: string): { field: DuesFieldKey; confidence: number } | null {
  if (!n || OTHER.has(n)) return null;
  const exact = EXACT.get(n);
  if (exact) return { field: exact, confidence: 1 };
  for (const syn of BY_LENGTH) {
    if (!n.endsWith(syn)) continue;
    const qualifier = n.slice(0, n.length - syn.length);
    // 应缴 / 联系人 qualify somebody else's figure; a long qualifier is a sentence, not a header.
    if (/(应缴|应扣|联系人|经办人|负责人|配偶)$/.test(qualifier) || qualifier.length > 5) return null;
    return { field: EXACT.get(syn)!, confidence: 0.7 };
  }
  return null;
}

export function guessDuesField(header: string, group?: string): { field: DuesFieldKey; confidence: number } | null {
  const own = guessOne(normalizeHeader(header));
  if (own || !group) return own;
  return guessOne(normalizeHeader(group) + normalizeHeader(header));
}

export function duesHeaderScore(text: string): number {
  const n = normalizeHeader(text);
  if (!n) return 0;
  if (OTHER.has(n)) return 0.5;
  const g = guessOne(n);
  if (!g) return 0;
  return g.field === 'seq' ? 0.3 : g.confidence;
}

export const detectDuesTable = (grid: SheetGrid): TableDetection => detectTable(grid, { headerScore: duesHeaderScore });

export function duesHeaderSignature(columns: Pick<DetectedColumn, 'header'>[]): string {
  const names = columns.map((c) => c.header.split('/').map(normalizeHeader).join('/'));
  return createHash('sha256').update(JSON.stringify(['dues', ...names])).digest('hex').slice(0, 16);
}

export interface DuesColumnMapping {
  index: number;
  header: string;
  field: DuesFieldKey | null;
  confidence: number;
  userChosen?: boolean;
  note?: string;
}

export interface DuesMapping {
  columns: DuesColumnMapping[];
  signature: string;
  /** Why the file cannot be imported as mapped (Chinese). */
  blockers: string[];
}

/** Each field to one column: the clerk's choice first, then the surer guess; the loser says which column won. */
export function mapDuesColumns(columns: DetectedColumn[], overrides: Record<string, DuesFieldKey | null> = {}): DuesMapping {
  const guesses = columns.map((c) => {
    if (Object.hasOwn(overrides, c.header)) {
      const field = overrides[c.header] ?? null;
      return { col: c, guess: field ? { field, confidence: 1 } : null, user: true };
    }
    return { col: c, guess: guessDuesField(c.name || c.header, c.group), user: false };
  });
  const rank = (i: number) => (guesses[i]!.user ? 10 : 0) + (guesses[i]!.guess?.confidence ?? 0);
  const owner = new Map<DuesFieldKey, number>();
  guesses.forEach((g, i) => {
    if (!g.guess || g.guess.field === 'seq') return;
    const prev = owner.get(g.guess.field);
    if (prev === undefined || rank(i) > rank(prev)) owner.set(g.guess.field, i);
  });
  const mapped: DuesColumnMapping[] = guesses.map((g, i) => {
    const base = { index: g.col.index, header: g.col.header, ...(g.user ? { userChosen: true } : {}) };
    if (!g.guess) return { ...base, field: null, confidence: 0 };
    const field = g.guess.field;
    if (field !== 'seq' && owner.get(field) !== i) {
      return { ...base, field: null, confidence: 0, note: `也像「${DUES_FIELD_LABELS[field]}」，但已由「${guesses[owner.get(field)!]!.col.header}」列导入` };
    }
    return { ...base, field, confidence: g.guess.confidence };
  });
  const has = (f: DuesFieldKey) => mapped.some((c) => c.field === f);
  const blockers: string[] = [];
  if (!has('idNumber') && !has('staffNo') && !has('name')) blockers.push('没有可以对应会员的列：请为身份证号、工号或姓名所在的列选择对应的字段');
  if (!has('wage') && !has('paid')) blockers.push('没有「月工资」或「实缴会费」列：请为工资或实缴金额所在的列选择对应的字段');
  return { columns: mapped, signature: duesHeaderSignature(columns), blockers };
}
