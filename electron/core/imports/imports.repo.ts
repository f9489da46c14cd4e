/** SQL every import shares: its batches and the remembered column mappings (by record kind and header signature). */
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface BatchRow {
  id: number;
  kind: string;
  file_name: string;
  sheet: string | null;
  created_at: string;
  actor: string;
  summary_json: string;
  undone_at: string | null;
}

export interface BatchSummary {
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  sheets: string[];
  headerRows: number[];
  signature: string;
  /** Rows not imported, with why (every one of them: nothing is dropped silently). */
  skippedRows: { sheet: string; row: number; reason: string }[];
  /** Rows kept for 下载问题行 (issues_json); absent on batches from before it existed. */
  issueRows?: number;
  /** Units (分工会 / 工会小组) the batch created, by name, and their ids (for its undo). */
  createdUnits?: string[];
  createdUnitIds?: number[];
}

/**
 * The rows a clerk should look at again, with the file's own cells: the columns as the file had them, each
 * row's Excel number and what was wrong (record-agnostic: any import may keep one).
 */
export interface IssueSheet {
  headers: string[];
  multiSheet: boolean;
  rows: { sheet: string; row: number; cells: string[]; problems: string }[];
  /** All such rows, kept or not (rows beyond the cap are counted only). */
  total: number;
}

export function insertBatch(db: DB, b: { kind: string; fileName: string; sheet: string | null; at: string; actor: string; summary: BatchSummary }): number {
  const info = stmt(db, 'INSERT INTO import_batches (kind, file_name, sheet, created_at, actor, summary_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    b.kind,
    b.fileName,
    b.sheet,
    b.at,
    b.actor || '未署名',
    JSON.stringify(b.summary),
  );
  return Number(info.lastInsertRowid);
}

export function setBatchSummary(db: DB, id: number, summary: BatchSummary): void {
  stmt(db, 'UPDATE import_batches SET summary_json = ? WHERE id = ?').run(JSON.stringify(summary), id);
}

/** The batch columns without the (possibly large) issues_json. */
const BATCH_COLUMNS = 'id, kind, file_name, sheet, created_at, actor, summary_json, undone_at';

export function getBatch(db: DB, id: number): BatchRow | undefined {
  return stmt(db, `SELECT ${BATCH_COLUMNS} FROM import_batches WHERE id = ?`).get(id) as BatchRow | undefined;
}

export function listBatches(db: DB, kind: string, limit = 200): BatchRow[] {
  return stmt(db, `SELECT ${BATCH_COLUMNS} FROM import_batches WHERE kind = ? ORDER BY id DESC LIMIT ?`).all(kind, limit) as BatchRow[];
}

/** `issues` as the sheet or already as its JSON (the member import builds it row by row). */
export function setBatchIssues(db: DB, id: number, issues: IssueSheet | string): void {
  stmt(db, 'UPDATE import_batches SET issues_json = ? WHERE id = ?').run(typeof issues === 'string' ? issues : JSON.stringify(issues), id);
}

export function getBatchIssues(db: DB, id: number): IssueSheet | null {
  const row = stmt(db, 'SELECT issues_json FROM import_batches WHERE id = ?').get(id) as { issues_json: string | null } | undefined;
  return row?.issues_json ? (JSON.parse(row.issues_json) as IssueSheet) : null;
}

export function markUndone(db: DB, id: number, at: string): void {
  stmt(db, 'UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
}

export function getMapping(db: DB, kind: string, signature: string): Record<string, string | null> | null {
  const row = stmt(db, 'SELECT overrides_json FROM import_mappings WHERE kind = ? AND signature = ?').get(kind, signature) as
    | { overrides_json: string }
    | undefined;
  return row ? (JSON.parse(row.overrides_json) as Record<string, string | null>) : null;
}

export function saveMapping(db: DB, kind: string, signature: string, headers: string[], overrides: Record<string, string | null>, at: string): void {
  stmt(
    db,
    `INSERT INTO import_mappings (kind, signature, headers_json, overrides_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, signature) DO UPDATE SET headers_json = excluded.headers_json, overrides_json = excluded.overrides_json,
       updated_at = excluded.updated_at`,
  ).run(kind, signature, JSON.stringify(headers), JSON.stringify(overrides), at);
}

export function deleteMapping(db: DB, kind: string, signature: string): void {
  stmt(db, 'DELETE FROM import_mappings WHERE kind = ? AND signature = ?').run(kind, signature);
}

/** Keeps the clerk's corrections for this header (none left: forgets it), so the next file like it maps the same. */
export function rememberMapping(db: DB, kind: string, signature: string, headers: string[], overrides: Record<string, string | null>, at: string): void {
  if (!Object.keys(overrides).length) deleteMapping(db, kind, signature);
  else saveMapping(db, kind, signature, headers, overrides, at);
}
