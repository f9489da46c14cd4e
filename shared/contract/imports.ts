import { z } from 'zod';
import { channel, jobId, noInput, piiExportAsk } from './define';
import { fileRef, fileToken } from './app';

/**
 * Roster import (会员花名册导入): look at a spreadsheet without writing (sheets, preview), commit the valid rows
 * in one transaction as a batch, cancel a running job, list batches and undo one as a whole.
 * Field keys are the member import fields of the core (electron/core/members/import/member-columns.ts); the
 * preview hands their labels to the UI, so the list lives in one place.
 */

// Defined with the other field helpers (define.ts) so that app.ts's backup can take one without an import cycle.
export { jobId };
const fieldKey = z.string().min(1).max(40);

/** What the clerk chose on top of the file: sheets, corrected column mappings, how to treat masked IDs. */
export const importOptions = z
  .object({
    token: fileToken,
    /** Sheets to import together (their headers must match). Omitted: the first sheet holding a roster. */
    sheets: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
    /**
     * 1-based Excel row of the header in the chosen sheets, when the clerk names it (a header below the rows
     * searched, or one the detection got wrong). Omitted: found automatically.
     */
    headerRow: z.number().int().min(1).max(1_048_576).optional(),
    /** Column header → field key (or null = 不导入). Omitted: the mapping remembered for this header, if any. */
    overrides: z.record(z.string().max(200), fieldKey.nullable()).optional(),
    /**
     * A masked ID number (…XXXX, 1101********0011) cannot be checked. 'skip' (default): the row is an error and
     * is not imported. 'withoutId': the person is imported without an ID number, with a warning.
     */
    maskedIds: z.enum(['skip', 'withoutId']).default('skip'),
    /**
     * The 分工会 / 工会小组 the file names that do not exist yet: true (default) creates them in the import's
     * transaction; false leaves those members without a group (a warning on each row).
     */
    createUnits: z.boolean().default(true),
    /** Client-chosen id for progress:update events and members.importCancel. */
    jobId: jobId.optional(),
  })
  .strict();
export type ImportOptions = z.input<typeof importOptions>;

export const importIssue = z.object({
  sheet: z.string(),
  /** 1-based Excel row number. */
  row: z.number().int(),
  /** Column letter (A, B, …); '' for a row-level finding. */
  column: z.string(),
  /** The column's header as shown ('' for a row-level finding). */
  header: z.string(),
  message: z.string(),
  /** Only how a value was written down (本科 → 大学本科): grouped in `warningSummary.notes`, listed after the conflicts. */
  benign: z.boolean().optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importAction = z.enum(['create', 'update', 'unchanged', 'skip']);
export type ImportAction = z.infer<typeof importAction>;

export const importColumn = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
  /** 1 exact synonym or the clerk's choice, 0.7 qualified header, 0 unmapped. */
  confidence: z.number(),
  userChosen: z.boolean(),
  /** What the header itself says (代码 男=1 女=2, 日期格式, 必填) or why a likely column was left out. */
  hint: z.string().nullable(),
});
export type ImportColumn = z.infer<typeof importColumn>;

export const importDiff = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type ImportDiff = z.infer<typeof importDiff>;

/** The tail of every preview row, whatever is imported: cells beside the columns, and the row's findings. */
export const rowFindings = {
  /** Aligned with `columns`: what the cell shows and what would be stored ('' when nothing). */
  cells: z.array(z.object({ raw: z.string(), value: z.string() })),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
};

export const previewRow = z.object({
  sheet: z.string(),
  excelRow: z.number().int(),
  action: importAction,
  /** Skip: why (errors or duplicate); update/unchanged: which member and how it was matched. */
  note: z.string().nullable(),
  memberId: z.number().int().nullable(),
  diff: z.array(importDiff),
  ...rowFindings,
});
export type PreviewRow = z.infer<typeof previewRow>;

export const importCounts = z.object({
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  errorRows: z.number().int(),
  warningRows: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const sheetSummary = z.object({
  name: z.string(),
  hidden: z.boolean(),
  /** Records found under the header, or null when the sheet holds no usable table (reason says why). */
  records: z.number().int().nullable(),
  headerRows: z.array(z.number().int()),
  signature: z.string().nullable(),
  reason: z.string().nullable(),
});
export type SheetSummary = z.infer<typeof sheetSummary>;

/** What any import preview reports about the file, its header and its mapping. */
export const previewFile = {
  fileName: z.string(),
  format: z.enum(['xlsx', 'xls', 'csv', 'xml2003']),
  sheets: z.array(sheetSummary),
};
export const previewMapping = {
  headerRows: z.array(z.number().int()),
  /** Sentences from table detection (标题行已跳过, 表尾不是记录 …). */
  notes: z.array(z.string()),
  signature: z.string(),
  /** 'remembered' when a mapping saved for this header was applied. */
  mappingSource: z.enum(['detected', 'remembered', 'chosen']),
  columns: z.array(importColumn),
  /** Every field a column can be mapped to, for the mapping selects. */
  fields: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Problems that stop the import as a whole (no 姓名 / 案由 column …). Empty when it can go ahead. */
  blockers: z.array(z.string()),
};
export const previewIssues = {
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
  /** Findings beyond the caps of `errors`/`warnings`, counted but not listed. */
  moreIssues: z.number().int(),
};
/** What a commit adds to its preview. */
export const commitOutcome = {
  dryRun: z.boolean(),
  /** Null for a dry run, or when nothing was written (no valid rows). */
  batchId: z.number().int().nullable(),
  backup: z.string().nullable(),
};
/** The sheets channel of every import. */
export const sheetsChannel = channel(
  z.object({ token: fileToken, jobId: jobId.optional() }).strict(),
  z.object(previewFile),
);

/**
 * The warnings at a glance: how many are real conflicts (a value changed or left out, the ID against the
 * sheet), listed first in `warnings`, and the benign notes as one line per column and value with its rows.
 */
export const warningSummary = z.object({
  conflicts: z.number().int(),
  notes: z.array(z.object({ header: z.string(), message: z.string(), count: z.number().int(), rows: z.array(z.number().int()) })),
});
export type WarningSummary = z.infer<typeof warningSummary>;

const unitKind = z.enum(['branch', 'group']);
/** The 分工会 / 工会小组 the file names: to create, matched to a near spelling, or left unset. */
export const unitsOutline = z.object({
  create: z.boolean(),
  /** parent: the 分工会 a group is created under (a roster with both columns), else null. */
  toCreate: z.array(z.object({ kind: unitKind, name: z.string(), rows: z.number().int(), parent: z.string().nullable() })),
  /** A spelling matched to another (第1小组 → 第一小组); existing: the unit is already there. */
  matches: z.array(z.object({ given: z.string(), name: z.string(), existing: z.boolean(), rows: z.number().int() })),
  /** create = false: the names left unset. */
  missing: z.array(z.object({ name: z.string(), rows: z.number().int() })),
});
export type UnitsOutline = z.infer<typeof unitsOutline>;

export const importPreview = z.object({
  ...previewFile,
  chosenSheets: z.array(z.string()),
  ...previewMapping,
  counts: importCounts,
  /** The first rows, then rows with findings, up to a cap. */
  rows: z.array(previewRow),
  ...previewIssues,
  warningSummary,
  units: unitsOutline,
  /** Rows the 问题行 workbook holds: every skipped row and every row with a conflict warning. */
  issueRows: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importBatch = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sheet: z.string().nullable(),
  createdAt: z.string(),
  actor: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  undoneAt: z.string().nullable(),
  rowsRead: z.number().int(),
  /** The skipped rows with why (the first 200; skippedRowsMore counts the rest). */
  skippedRows: z.array(z.object({ sheet: z.string(), row: z.number().int(), reason: z.string() })),
  skippedRowsMore: z.number().int(),
  /** Rows saved for 下载问题行 at commit time (0: nothing to download, or a batch from before it existed). */
  issueRows: z.number().int(),
  /** Units this batch created. */
  createdUnits: z.array(z.string()),
});
export type ImportBatch = z.infer<typeof importBatch>;

export const importResult = importPreview.extend({
  ...commitOutcome,
  /** The 问题行 workbook when nothing was written (no batch to fetch it from later); else null. */
  issuesFile: fileRef.nullable(),
});
export type ImportResult = z.infer<typeof importResult>;

/** Every record type's `<type>.importCancel`: the jobs are one list in the core (electron/core/jobs.ts). */
export const cancelChannel = channel(z.object({ jobId }).strict(), z.object({ cancelled: z.boolean() }));

export const importsChannels = {
  /** The sheets of a file, each with whether a roster table was found in it and its header signature. */
  'members.importSheets': sheetsChannel,
  /** Reads, maps and checks the rows against the member files; writes nothing. */
  'members.importPreview': channel(importOptions, importPreview),
  /** Backup, then every valid row in one transaction as a batch (or, with dryRun, the same report only). */
  'members.importCommit': channel(importOptions.extend({ dryRun: z.boolean().default(false) }).strict(), importResult),
  /** Stops a running preview or commit; a cancelled commit writes nothing. */
  'members.importCancel': cancelChannel,
  'members.importBatches': channel(noInput, z.array(importBatch)),
  /** The batch's skipped and warned rows as .xlsx: the file's columns plus 行号 and 问题, to fix and import again. */
  'members.importIssuesFile': channel(z.object({ batchId: z.number().int().positive(), ...piiExportAsk }).strict(), fileRef),
  /**
   * Undoes a whole batch: created members removed, updated members get their values back. Long at 100,000
   * members: in the task thread, progress as progress:update under jobId, members.importUndoCancel stops it.
   */
  'members.importUndo': channel(
    z.object({ batchId: z.number().int().positive(), jobId: jobId.optional() }).strict(),
    z.object({ batchId: z.number().int(), removed: z.number().int(), restored: z.number().int(), backup: z.string() }),
  ),
  /** Stops a members.importUndo under its jobId: its one transaction is rolled back, the batch stays undoable. */
  'members.importUndoCancel': cancelChannel,
} as const;
