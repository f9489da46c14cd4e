/**
 * The write side of a roster import, on a connection of its own (in a worker thread, or in-process where no
 * worker bundle exists, as under vitest).
 *
 * It opens the one import transaction (BEGIN IMMEDIATE) BEFORE the rows are planned, so that nothing else can
 * write while they are: the plan made on the main connection stays true until the commit, and the rows can be
 * written while later rows are still being checked (the second core does the SQLite work). The transaction
 * ends with COMMIT after the last row, or ROLLBACK on cancel or any failure: all rows or nothing, as before.
 */
import { writeAudit } from '../../audit';
import { openDatabase, type DB } from '../../db/open';
import { AppError } from '../../errors';
import { BulkMemberWriter } from '../members.bulk';
import type { WritableRow } from '../members.repo';
import { updatePrepared } from '../members.service';
import * as importRepo from './import.repo';

export interface WriterStart {
  dbPath: string;
  actor: string;
  nowIso: string;
  fileName: string;
  sheet: string;
  summary: importRepo.BatchSummary;
  /** Test seam: throw before writing the row with this 0-based index (proves the rollback). */
  failAtRow?: number | undefined;
}

export type WriterRow = { kind: 'create'; row: WritableRow } | { kind: 'update'; id: number; row: WritableRow; before: Record<string, unknown>; after: Record<string, unknown> };

export interface WriterFinish {
  summary: importRepo.BatchSummary;
  /** The clerk's mapping for this header: saved, or (empty overrides) forgotten; null = leave as it is. */
  mapping: { signature: string; headers: string[]; overrides: Record<string, string | null> } | null;
  counts: Record<string, unknown>;
}

export class ImportWriter {
  private readonly db: DB;
  private readonly now: Date;
  readonly batchId: number;
  private readonly creator: BulkMemberWriter;
  private written = 0;

  constructor(
    private readonly start: WriterStart,
    /** In-process only: the same test seam as a function. */
    private readonly beforeWrite?: (index: number) => void,
  ) {
    this.db = openDatabase(start.dbPath);
    this.now = new Date(start.nowIso);
    try {
      this.db.exec('BEGIN IMMEDIATE');
      this.batchId = importRepo.insertBatch(this.db, { kind: 'members', fileName: start.fileName, sheet: start.sheet, at: start.nowIso, actor: start.actor, summary: start.summary });
      this.creator = new BulkMemberWriter({ db: this.db, actor: start.actor, now: this.now, batchId: this.batchId });
    } catch (e) {
      this.close();
      throw e;
    }
  }

  rows(rows: WriterRow[]): void {
    const scope = { db: this.db, actor: this.start.actor, now: this.now, batchId: this.batchId };
    for (const r of rows) {
      if (this.written === this.start.failAtRow) throw new Error('injected failure');
      this.beforeWrite?.(this.written);
      if (r.kind === 'create') this.creator.insert({ row: r.row, warnings: [], issues: [] });
      else {
        updatePrepared(scope, r.id, { row: r.row, warnings: [], issues: [] }, '导入花名册');
        importRepo.insertChange(this.db, this.batchId, r.id, r.before, r.after);
      }
      this.written++;
    }
  }

  get count(): number {
    return this.written;
  }

  finish(f: WriterFinish): void {
    this.creator.finish();
    importRepo.setBatchSummary(this.db, this.batchId, f.summary);
    if (f.mapping) {
      if (Object.keys(f.mapping.overrides).length) {
        importRepo.saveMapping(this.db, 'members', f.mapping.signature, f.mapping.headers, f.mapping.overrides, this.start.nowIso);
      } else importRepo.deleteMapping(this.db, 'members', f.mapping.signature);
    }
    writeAudit(this.db, this.start.actor, this.now, { action: 'imports.commit', entity: 'import_batch', entityId: this.batchId, after: { fileName: this.start.fileName, ...f.counts } });
    this.db.exec('COMMIT');
    this.close();
  }

  abort(): void {
    try {
      if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    } finally {
      this.close();
    }
  }

  private close(): void {
    if (this.db.open) this.db.close();
  }
}

/** What crosses the thread boundary for an error: the AppError's code and Chinese message, or INTERNAL. */
export function errorData(e: unknown): { code: string; message: string } {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
