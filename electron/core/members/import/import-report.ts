/** The preview/result document: columns with their mapping, counts, sample rows and every finding (capped). */
import type { ImportColumn, ImportCounts, ImportIssue, ImportPreview, PreviewRow } from '../../../../shared/contract/imports';
import { ID_TYPE_LABELS, type IdType } from '../../../../shared/domain/member-labels';
import { columnLetter } from '../../spreadsheet/detect';
import { MEMBER_FIELD_LABELS, MEMBER_IMPORT_FIELDS, type MemberFieldKey, type MemberMapping } from '../../spreadsheet/member-columns';
import type { FieldValue } from '../../spreadsheet/values';
import type { PlannedRow } from './import-plan';
import { columnHint, type Converters, type ResolvedMapping } from './import-rows';
import type { SourceFile } from './import-source';

/** Rows shown from the top of the file, then rows with findings, up to the total. */
export const PREVIEW_FIRST_ROWS = 50;
export const PREVIEW_MAX_ROWS = 400;
/** Findings listed per kind; the rest are counted in moreIssues. */
export const MAX_LISTED_ISSUES = 5000;

export function columnsOf(m: MemberMapping): ImportColumn[] {
  return m.columns.map((c) => ({
    index: c.index,
    letter: columnLetter(c.index),
    header: c.header,
    field: c.field,
    fieldLabel: c.field ? MEMBER_FIELD_LABELS[c.field] : null,
    confidence: c.confidence,
    userChosen: !!c.userChosen,
    hint: columnHint(c),
  }));
}

function shown(field: MemberFieldKey, v: FieldValue | undefined): string {
  if (!v || v.value === null) return '';
  if (typeof v.value === 'boolean') return v.value ? '是' : '否';
  if (field === 'idType') return ID_TYPE_LABELS[v.value as IdType] ?? String(v.value);
  if (v.precision === 'month') return String(v.value).slice(0, 7);
  if (v.precision === 'year') return String(v.value).slice(0, 4);
  return String(v.value);
}

export function countsOf(planned: PlannedRow[]): ImportCounts {
  const c: ImportCounts = { rowsRead: planned.length, created: 0, updated: 0, unchanged: 0, skipped: 0, errorRows: 0, warningRows: 0 };
  for (const p of planned) {
    if (p.action === 'create') c.created++;
    else if (p.action === 'update') c.updated++;
    else if (p.action === 'unchanged') c.unchanged++;
    else c.skipped++;
    if (p.row.errors.length) c.errorRows++;
    if (p.row.warnings.length) c.warningRows++;
  }
  return c;
}

function previewRow(p: PlannedRow, mapping: ResolvedMapping, converters: Converters): PreviewRow {
  const m = mapping.bySheet.get(p.row.sheet) as MemberMapping;
  const record = p.row.record;
  const converted = record ? converters.get(p.row.sheet)?.(record) : undefined;
  return {
    sheet: p.row.sheet,
    excelRow: p.row.excelRow,
    action: p.action,
    note: p.note,
    memberId: p.memberId,
    diff: p.diff,
    cells: m.columns.map((c) => ({
      raw: record?.cells[c.index]?.text ?? '',
      value: c.field ? shown(c.field, converted?.fields[c.field]) : '',
    })),
    errors: p.row.errors,
    warnings: p.row.warnings,
  };
}

export function buildPreview(source: SourceFile, mapping: ResolvedMapping, planned: PlannedRow[], converters: Converters = new Map()): ImportPreview {
  const rows: PreviewRow[] = [];
  for (const p of planned) {
    if (rows.length >= PREVIEW_MAX_ROWS) break;
    if (rows.length < PREVIEW_FIRST_ROWS || p.row.errors.length || p.row.warnings.length) rows.push(previewRow(p, mapping, converters));
  }
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  let more = 0;
  for (const p of planned) {
    for (const e of p.row.errors) {
      if (errors.length < MAX_LISTED_ISSUES) errors.push(e);
      else more++;
    }
    for (const w of p.row.warnings) {
      if (warnings.length < MAX_LISTED_ISSUES) warnings.push(w);
      else more++;
    }
  }
  const first = source.chosen[0]!;
  const multi = source.chosen.length > 1;
  const blockers = mapping.first.missingRequired.includes('name') ? ['没有对应「姓名」的列：请在“核对表头与列对应”中为姓名所在的列选择「姓名」'] : [];
  return {
    fileName: source.fileName,
    format: source.format,
    sheets: source.sheets,
    chosenSheets: source.chosen.map((s) => s.name),
    headerRows: first.table.headerRows,
    notes: source.chosen.flatMap((s) => s.table.notes.map((n) => (multi ? `「${s.name}」${n}` : n))),
    signature: mapping.signature,
    mappingSource: mapping.source,
    columns: columnsOf(mapping.first),
    fields: MEMBER_IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label })),
    blockers,
    counts: countsOf(planned),
    rows,
    errors,
    warnings,
    moreIssues: more,
  };
}
