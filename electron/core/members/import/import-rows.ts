/**
 * Sheet records → import rows: the column mapping (detected, remembered for this header, or the clerk's
 * corrections), each cell converted by the spreadsheet layer's value rules, and the row's findings with their
 * Excel row number, column letter and header. A masked ID number is not checkable: by default the row is an
 * error (never stored as valid); the clerk may choose to import such people without an ID number.
 */
import type { ImportIssue } from '../../../../shared/contract/imports';
import type { MemberFields } from '../../../../shared/contract/members';
import type { DB } from '../../db/open';
import { AppError } from '../../errors';
import { columnLetter } from '../../spreadsheet/detect';
import {
  MEMBER_FIELD_LABELS,
  MEMBER_IMPORT_FIELDS,
  mapMemberColumns,
  type ColumnMapping,
  type MemberFieldKey,
  type MemberMapping,
} from './member-columns';
import type { DetectedRecord } from '../../spreadsheet/detect';
import { createRecordConverter, type ConvertedRecord, type FieldValue } from '../../spreadsheet/values';
import * as importRepo from '../../imports/imports.repo';
import type { SourceSheet } from './import-source';

export type MaskedIdPolicy = 'skip' | 'withoutId';

/** Member fields as a sheet gives them: only what the row holds (an empty cell never erases a stored value). */
export type SheetFields = Partial<Omit<MemberFields, 'groupId' | 'familyMembers'>> & { groupName?: string; branchName?: string };

export interface ImportRow {
  sheet: string;
  excelRow: number;
  /**
   * The sheet's record (cells with merges filled down), converted again only for the rows a preview shows;
   * null once released (a large file keeps only the rows it may show).
   */
  record: DetectedRecord | null;
  fields: SheetFields;
  /** True when the ID column held a masked number that the clerk chose to leave out. */
  maskedId: boolean;
  /** Where each mapped field sits in this row's sheet (shared by the sheet's rows). */
  fieldCols: Map<string, { column: string; header: string }>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export interface ResolvedMapping {
  /** Per chosen sheet (same headers, possibly other column positions). */
  bySheet: Map<string, MemberMapping>;
  first: MemberMapping;
  signature: string;
  source: 'detected' | 'remembered' | 'chosen';
  /** The corrections in force (header → field), to remember after a commit. */
  overrides: Record<string, MemberFieldKey | null>;
  /** The clerk sent a mapping (possibly empty = back to the detected one): a commit remembers or forgets it. */
  explicit: boolean;
}

const FIELD_KEYS = new Set<string>(MEMBER_IMPORT_FIELDS.map((f) => f.key));

export function resolveMapping(
  db: DB,
  sheets: SourceSheet[],
  given: Record<string, string | null> | undefined,
): ResolvedMapping {
  const first = sheets[0] as SourceSheet;
  const headers = new Set(first.table.columns.map((c) => c.header));
  let overrides: Record<string, MemberFieldKey | null> = {};
  let source: ResolvedMapping['source'] = 'detected';
  if (given) {
    for (const [header, field] of Object.entries(given)) {
      if (!headers.has(header)) throw new AppError('VALIDATION', `表头中没有「${header}」这一列`);
      if (field !== null && !FIELD_KEYS.has(field)) throw new AppError('VALIDATION', `不认识的字段「${field}」`);
      overrides[header] = field as MemberFieldKey | null;
    }
    source = Object.keys(overrides).length ? 'chosen' : 'detected';
  } else {
    const remembered = importRepo.getMapping(db, 'members', first.signature);
    if (remembered) {
      overrides = Object.fromEntries(Object.entries(remembered).filter(([h, f]) => headers.has(h) && (f === null || FIELD_KEYS.has(f)))) as Record<
        string,
        MemberFieldKey | null
      >;
      source = 'remembered';
    }
  }
  const bySheet = new Map(sheets.map((s) => [s.name, mapMemberColumns(s.table.columns, overrides)]));
  return { bySheet, first: bySheet.get(first.name) as MemberMapping, signature: first.signature, source, overrides, explicit: given !== undefined };
}

/** A short Chinese hint for the mapping step: what the header itself says, or why a likely column is left out. */
export function columnHint(c: ColumnMapping): string | null {
  const parts: string[] = [];
  if (c.note) parts.push(c.note);
  if (c.hints.valueMap) parts.push(`代码：${Object.entries(c.hints.valueMap).map(([k, v]) => `${k}=${v}`).join('，')}`);
  if (c.hints.dateFormat) parts.push(`日期格式 ${c.hints.dateFormat}`);
  if (c.hints.required) parts.push('表头注明必填');
  if (c.field && c.confidence > 0 && c.confidence < 1 && !c.userChosen) parts.push('按相近的列名推断，请核对');
  return parts.length ? parts.join('；') : null;
}

const MASKED_ERROR = (raw: string) => `身份证号被遮盖（${raw}），无法校验，本行未导入；如要导入这些人（不含证件号），请选择“遮盖的证件号按无证件号导入”`;

/** Field key of the import → key of MemberFields (group goes by name, 序号 nowhere). */
function assign(fields: SheetFields, key: MemberFieldKey, v: FieldValue): void {
  if (v.value === null) return;
  if (key === 'seq') return;
  if (key === 'group') fields.groupName = String(v.value);
  else if (key === 'branch') fields.branchName = String(v.value);
  else (fields as Record<string, unknown>)[key] = v.value;
}

export type Converters = Map<string, (record: DetectedRecord) => ConvertedRecord>;

/**
 * The converter of one sheet's records into import rows. Only the field values are kept per row (memory: a
 * 100k-row file); `full` gives the whole cell conversion again for the few rows a preview shows.
 */
export function sheetConverter(
  today: Date,
  sheet: SourceSheet,
  mapping: ResolvedMapping,
  masked: MaskedIdPolicy,
): { toRow: (rec: DetectedRecord) => ImportRow; full: (rec: DetectedRecord) => ConvertedRecord } {
  const m = mapping.bySheet.get(sheet.name) as MemberMapping;
  const letterOf = new Map(m.columns.map((c) => [c.header, columnLetter(c.index)]));
  const full = createRecordConverter(m, { today });
  const fieldCols = new Map(m.columns.filter((c) => c.field).map((c) => [c.field as string, { column: columnLetter(c.index), header: c.header }]));
  const nameHeader = m.columns.find((c) => c.field === 'name')?.header ?? '';
  const issue = (row: number, header: string, message: string, benign?: boolean): ImportIssue => ({
    sheet: sheet.name,
    row,
    column: letterOf.get(header) ?? '',
    header,
    message,
    ...(benign ? { benign: true } : {}),
  });
  const toRow = (rec: DetectedRecord): ImportRow => {
    const converted = full(rec);
    const fields: SheetFields = {};
    for (const k in converted.fields) assign(fields, k as MemberFieldKey, converted.fields[k as MemberFieldKey] as FieldValue);
    const errors = converted.errors.map((e) => issue(e.row, e.column, e.message));
    const warnings: ImportIssue[] = [];
    let maskedId = false;
    for (const w of converted.warnings) {
      if (w.field === 'idNumber' && converted.fields.idNumber?.value === null) {
        maskedId = true;
        if (masked === 'skip') {
          errors.push(issue(w.row, w.column, MASKED_ERROR(converted.fields.idNumber?.raw ?? '')));
          continue;
        }
      }
      warnings.push(issue(w.row, w.column, w.message, w.benign));
    }
    if (!fields.name) errors.push(issue(rec.excelRow, nameHeader, '姓名为空，本行不能导入'));
    // 出生年月 (1985.03) that agrees with the ID number's date says nothing more: the ID decides the day.
    const birth = converted.fields.birthDate;
    if (birth?.precision && fields.idNumber && fields.birthDate && (!fields.idType || fields.idType === 'resident')) {
      const fromId = `${fields.idNumber.slice(6, 10)}-${fields.idNumber.slice(10, 12)}`;
      if (fromId.startsWith(fields.birthDate.slice(0, birth.precision === 'year' ? 4 : 7))) delete fields.birthDate;
    }
    return { sheet: sheet.name, excelRow: rec.excelRow, record: rec, fields, maskedId, fieldCols, errors, warnings };
  };
  return { toRow, full };
}

/** A finding on a row, placed on the column of `field` when the sheet has one. */
export function addIssue(row: ImportRow, kind: 'errors' | 'warnings', field: string | null, message: string, benign = false): ImportIssue {
  const at = field ? row.fieldCols.get(field) : undefined;
  const issue = { sheet: row.sheet, row: row.excelRow, column: at?.column ?? '', header: at?.header ?? '', message, ...(benign ? { benign: true } : {}) };
  row[kind].push(issue);
  return issue;
}

export { MEMBER_FIELD_LABELS };
