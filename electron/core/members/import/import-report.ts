/** The preview/result document: columns with their mapping, counts, sample rows and every finding (capped). */
import type { ImportColumn, ImportCounts, ImportPreview, PreviewRow, UnitsOutline } from '../../../../shared/contract/imports';
import { ID_TYPE_LABELS, type IdType } from '../../../../shared/domain/member-labels';
import { MEMBER_FIELD_LABELS, MEMBER_IMPORT_FIELDS, type MemberFieldKey, type MemberMapping } from './member-columns';
import type { FieldValue } from '../../spreadsheet/values';
import type { PlannedRow } from './import-plan';
import { columnHint, type Converters, type ResolvedMapping } from './import-rows';
import type { SourceFile } from './import-source';
import { importColumn, listedIssues, MAX_LISTED_ISSUES, PREVIEW_FIRST_ROWS, PREVIEW_MAX_ROWS, previewRows } from '../../imports/report';

export { MAX_LISTED_ISSUES, PREVIEW_FIRST_ROWS, PREVIEW_MAX_ROWS };

export function columnsOf(m: MemberMapping): ImportColumn[] {
  return m.columns.map((c) => importColumn(c, c.field ? MEMBER_FIELD_LABELS[c.field] : null, columnHint(c)));
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
    // Rows to look at: a real conflict, not only a note on how a value was written (本科 → 大学本科).
    if (p.row.warnings.some((w) => !w.benign)) c.warningRows++;
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

const NO_UNITS: UnitsOutline = { create: true, toCreate: [], matches: [], missing: [] };

export function buildPreview(
  source: SourceFile,
  mapping: ResolvedMapping,
  planned: PlannedRow[],
  converters: Converters = new Map(),
  extra: { units: UnitsOutline; issueRows: number } = { units: NO_UNITS, issueRows: 0 },
): ImportPreview {
  const rows: PreviewRow[] = previewRows(planned, (p) => p.row, (p) => previewRow(p, mapping, converters));
  const { errors, warnings, more, summary } = listedIssues(planned, (p) => p.row);
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
    warningSummary: summary,
    units: extra.units,
    issueRows: extra.issueRows,
  };
}
