/** The mapping in force and the preview/result document of a proposal register import. */
import type { ImportColumn } from '../../../../shared/contract/imports';
import type { ProposalImportCounts, ProposalImportPreview, ProposalPreviewRow } from '../../../../shared/contract/proposal-imports';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import * as importRepo from '../../imports/imports.repo';
import {
  HISTORY_FIELDS,
  mapProposalColumns,
  PROPOSAL_FIELD_LABELS,
  PROPOSAL_IMPORT_FIELDS,
  type ProposalFieldKey,
  type ProposalMapping,
} from './proposal-columns';
import type { ImportLookups } from './import-lookups';
import type { Fixes, PlannedRow } from './import-rows';
import type { ProposalSource } from './import-source';
import { importColumn, listedIssues, MAX_LISTED_ISSUES, PREVIEW_FIRST_ROWS, PREVIEW_MAX_ROWS, previewRows } from '../../imports/report';

export const MAPPING_KIND = 'proposals';
export { MAX_LISTED_ISSUES, PREVIEW_FIRST_ROWS, PREVIEW_MAX_ROWS };

export interface ResolvedMapping {
  mapping: ProposalMapping;
  source: 'detected' | 'remembered' | 'chosen';
  overrides: Record<string, ProposalFieldKey | null>;
  /** The clerk sent a mapping (possibly empty = back to the detected one): a commit remembers or forgets it. */
  explicit: boolean;
}

const FIELD_KEYS = new Set<string>(PROPOSAL_IMPORT_FIELDS.map((f) => f.key));

/** The clerk's corrections, else the mapping remembered for this header, else the detected one. */
export function resolveMapping(ctx: AppContext, source: ProposalSource, given: Record<string, string | null> | undefined): ResolvedMapping {
  const headers = new Set(source.table.columns.map((c) => c.header));
  let overrides: Record<string, ProposalFieldKey | null> = {};
  let from: ResolvedMapping['source'] = 'detected';
  if (given) {
    for (const [header, field] of Object.entries(given)) {
      if (!headers.has(header)) throw new AppError('VALIDATION', `表头中没有「${header}」这一列`);
      if (field !== null && !FIELD_KEYS.has(field)) throw new AppError('VALIDATION', `不认识的字段「${field}」`);
      overrides[header] = field as ProposalFieldKey | null;
    }
    from = Object.keys(overrides).length ? 'chosen' : 'detected';
  } else {
    const remembered = importRepo.getMapping(ctx.db, MAPPING_KIND, source.signature);
    if (remembered) {
      overrides = Object.fromEntries(
        Object.entries(remembered).filter(([h, f]) => headers.has(h) && (f === null || FIELD_KEYS.has(f))),
      ) as Record<string, ProposalFieldKey | null>;
      from = 'remembered';
    }
  }
  return { mapping: mapProposalColumns(source.table.columns, overrides), source: from, overrides, explicit: given !== undefined };
}

export function rememberMapping(ctx: AppContext, source: ProposalSource, m: ResolvedMapping): void {
  if (!m.explicit) return;
  const headers = source.table.columns.map((c) => c.header);
  importRepo.rememberMapping(ctx.db, MAPPING_KIND, source.signature, headers, m.overrides, ctx.clock().toISOString());
}

function columnsOf(m: ProposalMapping, replay: boolean): ImportColumn[] {
  return m.columns.map((c) => {
    const hints: string[] = [];
    if (c.note) hints.push(c.note);
    if (c.field && c.confidence > 0 && c.confidence < 1 && !c.userChosen) hints.push('按相近的列名推断，请核对');
    if (c.field && !replay && HISTORY_FIELDS.includes(c.field)) hints.push('未选择补记办理过程，此列不读取');
    return importColumn(c, c.field ? PROPOSAL_FIELD_LABELS[c.field] : null, hints.length ? hints.join('；') : null);
  });
}

export function countsOf(planned: PlannedRow[]): ProposalImportCounts {
  const c: ProposalImportCounts = { rowsRead: planned.length, proposals: 0, opinions: 0, skipped: 0, withHistory: 0, errorRows: 0, warningRows: 0 };
  for (const p of planned) {
    if (p.action === 'proposal') c.proposals++;
    else if (p.action === 'opinion') c.opinions++;
    else c.skipped++;
    if (p.action !== 'skip' && p.steps.length) c.withHistory++;
    if (p.errors.length) c.errorRows++;
    if (p.warnings.length) c.warningRows++;
  }
  return c;
}

function previewRow(p: PlannedRow, m: ProposalMapping): ProposalPreviewRow {
  return {
    excelRow: p.excelRow,
    action: p.action,
    number: p.number,
    title: p.title,
    proposer: p.proposer,
    seconders: p.seconders,
    steps: p.stepLabels,
    note: p.note,
    cells: m.columns.map((c) => {
      const cell = p.record.cells[c.index];
      return { raw: cell?.text ?? '', value: c.field ? (p.shown.get(c.index) ?? '') : '' };
    }),
    errors: p.errors,
    warnings: p.warnings,
  };
}

const rowsOf = <T extends { rows: number[] }>(m: Map<unknown, T>): T[] => [...m.values()].map((f) => ({ ...f, rows: [...f.rows].sort((a, b) => a - b) }));

export function buildPreview(
  source: ProposalSource,
  resolved: ResolvedMapping,
  look: ImportLookups,
  planned: PlannedRow[],
  fixes: Fixes,
  replay: boolean,
): ProposalImportPreview {
  const m = resolved.mapping;
  const rows: ProposalPreviewRow[] = previewRows(planned, (p) => p, (p) => previewRow(p, m));
  const { errors, warnings, more } = listedIssues(planned, (p) => p);
  const blockers = m.missingRequired.map(
    (f) => `没有对应「${PROPOSAL_FIELD_LABELS[f]}」的列：请在“核对表头与列对应”中为${PROPOSAL_FIELD_LABELS[f]}所在的列选择「${PROPOSAL_FIELD_LABELS[f]}」`,
  );
  const notes = [...source.table.notes];
  if (replay && planned.some((p) => p.steps.length)) notes.push('办理过程按表中的审查、答复、满意度等列补记；没有日期的步骤沿用上一步的日期');
  return {
    fileName: source.fileName,
    format: source.format,
    sheets: source.sheets,
    sheet: source.sheet,
    headerRows: source.table.headerRows,
    notes,
    signature: source.signature,
    mappingSource: resolved.source,
    columns: columnsOf(m, replay),
    fields: PROPOSAL_IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label })),
    session: { id: look.session.id, label: look.label, minSeconders: look.session.min_seconders },
    blockers,
    counts: countsOf(planned),
    rows,
    errors,
    warnings,
    moreIssues: more,
    fixes: { representatives: rowsOf(fixes.representatives), categories: rowsOf(fixes.categories), units: rowsOf(fixes.units) },
  };
}
