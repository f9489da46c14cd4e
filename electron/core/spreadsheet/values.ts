/**
 * Cell → member field value, with the raw text kept beside it for the preview.
 *
 * Policy (what the import builds on):
 *   value  — what would be stored; null when the cell is empty or when the cell cannot be used.
 *   error  — the value is wrong in a way the clerk must fix at the source (an ID destroyed by Excel, a failed
 *            ID check, a date or number that cannot be read); value is then null.
 *   warning — the value was changed on the way in (汉 → 汉族) or left out on purpose (a masked ID or phone:
 *            the person can be imported, the number cannot); the message says which.
 * A masked or destroyed ID is never passed on as a value.
 */
import { calendarDayOfDate, parseClerkDate, toIso, type DatePrecision } from '../../../shared/domain/dates';
import { checkOtherId, checkResidentId, isIdDestroyedByExcel, REASON_MASKED } from '../../../shared/domain/id-number';
import { normalizeListValue, listValueLabel, type MemberListKey } from '../../../shared/domain/member-labels';
import { cleanText, stripAllSpaces, toHalfWidth } from '../../../shared/domain/text';
import type { DetectedRecord } from './detect';
import type { ColumnMapping, MemberFieldKey, MemberMapping } from '../members/import/member-columns';
import { MEMBER_FIELD_LABELS } from '../members/import/member-columns';
import { unprotectCellText } from './safe-cell';
import type { Cell } from './types';

export interface FieldValue<T = string | number | boolean> {
  value: T | null;
  /** The cell as the clerk sees it in Excel/WPS. */
  raw: string;
  error?: string;
  warning?: string;
  /**
   * The warning only says how a value was written down (本科 → 大学本科, 「中专」 kept as written): the
   * preview groups these per column and value instead of listing them row by row beside the real conflicts.
   */
  benign?: boolean;
  /** Dates only: 'month' for 1985.03, 'year' for 1985. */
  precision?: DatePrecision;
}

export interface ConvertOptions {
  /** Decides "birth date in the future" for ID numbers. */
  today: Date;
  /** ID type of the record (from its 证件类型 column); default 'resident'. */
  idType?: string;
  /** An office's own additions to the value lists. */
  extraListValues?: Partial<Record<MemberListKey, readonly string[]>>;
}

export const MSG_ID_NUMERIC = '身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为文本后从原始资料重新录入';
const msgScientific = (label: string, raw: string) =>
  `${label}已被 Excel 转成科学计数法（${raw}），末几位已丢失，请把该列设为文本后从原始资料重新录入`;

const LIST_OF: Partial<Record<MemberFieldKey, MemberListKey>> = {
  gender: 'sex',
  ethnicity: 'ethnicGroup',
  politicalStatus: 'politicalStatus',
  education: 'education',
  degree: 'degree',
  idType: 'idType',
  employmentStatus: 'employmentStatus',
  householdType: 'householdType',
  isMigrantWorker: 'yesNo',
};

/** Identifier-like fields: digits that must survive as text. */
const CODE_FIELDS = new Set<MemberFieldKey>(['idNumber', 'phone', 'memberNo', 'staffNo']);

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

/** Anything `cleanText` would change: full-width forms, odd spaces, zero-width characters, edge/double spaces. */
const NEEDS_CLEAN = /[\uFF01-\uFF5E\u3000\u200B-\u200D\u2060\uFEFF\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F]|^ | $| {2}/;

/** `cleanText` for a string, skipping the work for the usual already-clean text. */
const clean = (s: string): string => (NEEDS_CLEAN.test(s) ? cleanText(s) : s);

/**
 * The calendar day a grid Date means, as a Date at UTC midnight. Grid Dates hold the cell's wall clock in UTC
 * fields, so a time of day is kept as is — except exactly 15:00/16:00, which is how a date written at local
 * midnight in China by a library that stores UTC (exceljs and others) arrives: `calendarDayOfDate` turns that
 * back into the intended day.
 */
function utcDay(d: Date): Date {
  const secs = ((Math.round(d.getTime() / 1000) % 86_400) + 86_400) % 86_400;
  if (secs === 0 || secs === 15 * 3600 || secs === 16 * 3600) {
    const day = calendarDayOfDate(d);
    if (day) return new Date(Date.UTC(day.y, day.m - 1, day.d));
  }
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** A number as digits, never in exponent form for integers (13800138000, not 1.38e10). */
export function plainNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** The text a field gets from any cell: digits for numbers (keeping zero padding the format shows), ISO days. */
export function cellAsText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return unprotectCellText(clean(v));
  if (typeof v === 'number') return cell.numFmt && /^0\d+$/.test(cell.text) ? cell.text : plainNumber(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) {
    const d = utcDay(v);
    return Number.isNaN(d.getTime()) ? cell.text : toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return '';
}

/** Converts one cell for one field. `idType` matters only for idNumber. */
export function convertCell(field: MemberFieldKey, cell: Cell | undefined, column: Pick<ColumnMapping, 'hints'>, opts: ConvertOptions): FieldValue {
  const raw = cell ? cell.text : '';
  const empty: FieldValue = { value: null, raw };
  if (!cell || (typeof cell.value === 'string' && cell.value.trim() === '') || (cell.value === null && cell.text === '')) return empty;
  if (cell.value === null) return { ...empty, error: `单元格是错误值 ${raw}` };
  const label = MEMBER_FIELD_LABELS[field];

  // Numbers Excel already destroyed: checked on the raw number, before it becomes text.
  if (CODE_FIELDS.has(field)) {
    if (typeof cell.value === 'number' && isIdDestroyedByExcel(cell.value)) {
      return { ...empty, error: field === 'idNumber' ? MSG_ID_NUMERIC : `${label}被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新录入` };
    }
    if (typeof cell.value === 'string' && SCIENTIFIC.test(stripAllSpaces(toHalfWidth(cell.value)))) {
      return { ...empty, error: msgScientific(label, raw) };
    }
  }

  switch (field) {
    case 'birthDate':
    case 'joinDate':
      return convertDate(cell, raw, label);
    case 'idNumber':
      return convertId(cell, raw, opts);
    case 'phone':
      return convertPhone(cell, raw);
    case 'monthlyWage':
      return convertWage(cell, raw);
    case 'gender':
      return convertGender(cell, raw, column.hints.valueMap);
    case 'isMigrantWorker': {
      if (typeof cell.value === 'boolean') return { value: cell.value, raw };
      const r = normalizeListValue('yesNo', cellAsText(cell));
      return r ? { value: r.value === '是', raw } : { ...empty, error: `「${raw}」不是 是/否` };
    }
    case 'seq':
      return empty;
  }
  const list = LIST_OF[field];
  const text = cellAsText(cell);
  if (!list) return { value: text || null, raw };
  const r = normalizeListValue(list, text, opts.extraListValues?.[list] ?? []);
  if (field === 'idType') {
    return r ? { value: r.value, raw } : { ...empty, error: `不认识的证件类型「${raw}」（可填 居民身份证、护照、港澳居民来往内地通行证 等）` };
  }
  if (!r) return { value: text, raw, warning: `「${text}」不在${label}列表中，按原文导入`, benign: true };
  if (!r.exact) return { value: r.value, raw, warning: `${label}「${text}」按「${listValueLabel(list, r.value)}」导入`, benign: true };
  return { value: r.value, raw };
}

function convertDate(cell: Cell, raw: string, label: string): FieldValue {
  const v = cell.value;
  const parsed = typeof v === 'boolean' ? null : parseClerkDate(v instanceof Date ? utcDay(v) : v);
  if (!parsed) return { value: null, raw, error: `${label}「${raw}」不是能识别的日期（可写 1985-03-12、1985.03、1985年3月 或 19850312）` };
  return { value: parsed.iso, raw, ...(parsed.precision !== 'day' ? { precision: parsed.precision } : {}) };
}

function convertId(cell: Cell, raw: string, opts: ConvertOptions): FieldValue {
  const text = typeof cell.value === 'number' ? plainNumber(cell.value) : cellAsText(cell);
  const type = opts.idType ?? 'resident';
  if (type === 'resident') {
    const r = checkResidentId(text, opts.today);
    if (r.ok) return { value: r.normalized, raw, ...(r.upgradedFrom ? { warning: `15 位身份证号已升级为 18 位 ${r.normalized}` } : {}) };
    if (r.reason === REASON_MASKED) return { value: null, raw, warning: `身份证号被遮盖（${raw}），无法校验，未导入该号码` };
    return { value: null, raw, error: `身份证号${r.reason}` };
  }
  const r = checkOtherId(type, text);
  if (r.ok) return { value: r.normalized, raw };
  if (r.reason === REASON_MASKED) return { value: null, raw, warning: `证件号码被遮盖（${raw}），无法校验，未导入该号码` };
  return { value: null, raw, error: `证件号码${r.reason}` };
}

function convertPhone(cell: Cell, raw: string): FieldValue {
  const text = cellAsText(cell);
  const compact = stripAllSpaces(text).replace(/^'/, '');
  if (/[*×xX]{2,}/.test(compact)) return { value: null, raw, warning: `电话号码被遮盖（${raw}），未导入该号码` };
  if (!/^[0-9+\-() ]{1,20}$/.test(compact)) return { value: null, raw, error: `电话号码「${raw}」格式不对（只能有数字、+、-、括号）` };
  // A landline such as 0571… typed into a numeric cell loses its 0; a mobile number never starts with 0.
  if (typeof cell.value === 'number' && !/^1\d{10}$/.test(compact) && compact.length >= 7) {
    return { value: compact, raw, warning: `电话号码以数字形式保存，开头的 0 可能已丢失（${compact}）` };
  }
  return { value: compact, raw };
}

function convertWage(cell: Cell, raw: string): FieldValue {
  const n = typeof cell.value === 'number' ? cell.value : Number(stripAllSpaces(cellAsText(cell)).replace(/[,，元¥￥]/g, ''));
  if (!Number.isFinite(n) || n < 0 || n > 10_000_000) return { value: null, raw, error: `月工资「${raw}」不是有效的金额` };
  const rounded = Math.round(n * 100) / 100;
  return rounded === n ? { value: n, raw } : { value: rounded, raw, warning: `月工资 ${n} 已按两位小数记为 ${rounded}` };
}

function convertGender(cell: Cell, raw: string, valueMap: Record<string, string> | undefined): FieldValue {
  const text = cellAsText(cell);
  const key = stripAllSpaces(text);
  if (valueMap && valueMap[key]) return { value: valueMap[key] as string, raw };
  const r = normalizeListValue('sex', text);
  if (r) return r.exact ? { value: r.value, raw } : { value: r.value, raw, warning: `性别「${text}」按「${r.value}」导入`, benign: true };
  const m = /^(男|女)(生|性|士|的|孩)?$/.exec(key);
  if (m) return { value: m[1] as string, raw, warning: `性别「${text}」按「${m[1]}」导入`, benign: true };
  return { value: null, raw, error: `性别「${raw}」无法识别（应为 男 或 女${valueMap ? '，或表头注明的代码' : ''}）` };
}

export interface RowIssue {
  /** 1-based Excel row. */
  row: number;
  /** The column's header as shown. */
  column: string;
  field: MemberFieldKey | null;
  message: string;
  /** See FieldValue.benign. */
  benign?: boolean;
}

export interface ConvertedRecord {
  excelRow: number;
  fields: Partial<Record<MemberFieldKey, FieldValue>>;
  errors: RowIssue[];
  warnings: RowIssue[];
}

/** Fields whose cells repeat (the same shared-string Cell on many rows): converted once per distinct Cell. */
const REPEATING = new Set<MemberFieldKey>([
  'gender', 'ethnicity', 'nativePlace', 'idType', 'politicalStatus', 'education', 'degree', 'jobTitle', 'professionalTitle',
  'workUnit', 'department', 'employmentStatus', 'householdType', 'householdPlace', 'group', 'branch', 'isMigrantWorker',
]);

/**
 * A converter for many records with one mapping (what an import uses): the columns are prepared once and
 * repeating values (性别, 民族, 单位 …) are converted once per distinct cell. The ID type column is converted
 * first so the ID number is checked by its type. Unmapped columns holding a number Excel destroyed
 * ("3.60723E+18", or a numeric cell of 16+ digits) are reported as warnings: that data is lost even though
 * this import does not use it. Returned FieldValue objects may be shared between records: treat them as
 * read-only.
 */
export function createRecordConverter(mapping: MemberMapping, opts: ConvertOptions): (record: DetectedRecord) => ConvertedRecord {
  const typeCol = mapping.columns.find((c) => c.field === 'idType');
  const ordered = typeCol ? [typeCol, ...mapping.columns.filter((c) => c !== typeCol)] : mapping.columns;
  const cols = ordered.map((c) => ({
    col: c,
    field: c.field,
    cache: c.field && REPEATING.has(c.field) ? new Map<Cell, FieldValue>() : null,
  }));
  const perType = new Map<string, ConvertOptions>();
  const optsFor = (idType: string) => {
    let o = perType.get(idType);
    if (!o) perType.set(idType, (o = { ...opts, idType }));
    return o;
  };
  const baseType = opts.idType ?? 'resident';
  return (record) => {
    const out: ConvertedRecord = { excelRow: record.excelRow, fields: {}, errors: [], warnings: [] };
    let idType = baseType;
    for (const { col, field, cache } of cols) {
      const cell = record.cells[col.index];
      if (!field) {
        if (cell && isDestroyedNumber(cell)) {
          out.warnings.push({ row: record.excelRow, column: col.header, field: null, message: `「${col.header}」列的数字已被 Excel 转成科学计数法（${cell.text}），原值已丢失；该列未导入` });
        }
        continue;
      }
      if (field === 'seq' || !cell) continue;
      let fv = cache?.get(cell);
      if (!fv) {
        fv = convertCell(field, cell, col, optsFor(idType));
        cache?.set(cell, fv);
      }
      if (field === 'idType' && typeof fv.value === 'string') idType = fv.value;
      out.fields[field] = fv;
      if (fv.error) out.errors.push({ row: record.excelRow, column: col.header, field, message: fv.error });
      if (fv.warning) out.warnings.push({ row: record.excelRow, column: col.header, field, message: fv.warning, ...(fv.benign ? { benign: true } : {}) });
    }
    return out;
  };
}

/** One record (a convenience for a few rows; use `createRecordConverter` for a whole sheet). */
export function convertRecord(record: DetectedRecord, mapping: MemberMapping, opts: ConvertOptions): ConvertedRecord {
  return createRecordConverter(mapping, opts)(record);
}

function isDestroyedNumber(cell: Cell): boolean {
  if (typeof cell.value === 'number') return Number.isInteger(cell.value) && Math.abs(cell.value) >= 1e15;
  return typeof cell.value === 'string' && SCIENTIFIC.test(stripAllSpaces(toHalfWidth(cell.value))) && /E\+1[5-9]|E\+[2-9]\d/i.test(cell.value);
}

/** The converted values as a plain object of field → value (nulls left out), e.g. for `memberInput`. */
export function recordValues(rec: ConvertedRecord): Partial<Record<MemberFieldKey, string | number | boolean>> {
  const out: Partial<Record<MemberFieldKey, string | number | boolean>> = {};
  const fields = rec.fields as Record<string, FieldValue>;
  for (const k in fields) {
    const v = (fields[k] as FieldValue).value;
    if (v !== null) out[k as MemberFieldKey] = v;
  }
  return out;
}

