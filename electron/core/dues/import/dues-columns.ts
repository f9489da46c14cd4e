/**
 * Wage sheet / dues deduction list header → dues import field. 财务 sends the wage sheet (工号, 姓名, 应发工资 …)
 * or the 代扣会费 list (身份证号, 姓名, 实缴, 扣款日期); either is matched on the normalised header:
 *   exact synonym → confidence 1;  synonym at the end after a short qualifier (本月实缴会费, 职工姓名) → 0.7.
 * Words our own 收缴清单 export writes but that are not read back (应缴会费, 计缴基数) mark a header row
 * without being mapped, so the export imports again as a payment list.
 */
import type { DetectedColumn, TableDetection } from '../../spreadsheet/detect';
import { detectTable } from '../../spreadsheet/detect';
import { assignColumns, guessColumns, headerMatcher, headerSignature, type FieldGuess } from '../../imports/header-match';
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

const SEQ_ONLY: ReadonlySet<DuesFieldKey> = new Set(['seq']);

/** Header words seen in wage and dues sheets that are not imported. */
const OTHER_WORDS = ['应缴会费', '应缴', '应缴金额', '计缴基数', '部门', '单位', '科室', '性别', '备注', '签名', '签字', '工会小组', '职务', '岗位', '实发工资', '扣款合计'];

const MATCHER = headerMatcher<DuesFieldKey>({
  synonyms: SYNONYMS,
  other: OTHER_WORDS,
  exactOnly: ['会费', '工资', '序', 'no', 'no.', '身份证', '证件号'],
  // 应缴 / 联系人 qualify somebody else's figure.
  foreignQualifier: /(应缴|应扣|联系人|经办人|负责人|配偶)$/,
  maxQualifier: 5,
});

export const guessDuesField = (header: string, group?: string): FieldGuess<DuesFieldKey> | null => MATCHER.guess(header, group);
export const duesHeaderScore = (text: string): number => MATCHER.score(text);
export const detectDuesTable = (grid: SheetGrid): TableDetection => detectTable(grid, { headerScore: duesHeaderScore });
export const duesHeaderSignature = (columns: Pick<DetectedColumn, 'header'>[]): string => headerSignature(columns, 'dues');

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
  const guesses = guessColumns(columns, overrides, (c) => guessDuesField(c.name || c.header, c.group));
  const mapped: DuesColumnMapping[] = assignColumns(guesses, SEQ_ONLY, DUES_FIELD_LABELS);
  const has = (f: DuesFieldKey) => mapped.some((c) => c.field === f);
  const blockers: string[] = [];
  if (!has('idNumber') && !has('staffNo') && !has('name')) blockers.push('没有可以对应会员的列：请为身份证号、工号或姓名所在的列选择对应的字段');
  if (!has('wage') && !has('paid')) blockers.push('没有「月工资」或「实缴会费」列：请为工资或实缴金额所在的列选择对应的字段');
  return { columns: mapped, signature: duesHeaderSignature(columns), blockers };
}
