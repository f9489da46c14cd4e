/**
 * The write side of a roster import, on a connection of its own (in a worker thread, or in-process where no
 * worker bundle exists, as under vitest).
 *
 * It opens the one import transaction (BEGIN IMMEDIATE) BEFORE the rows are planned, so that nothing else can
 * write while they are: the plan made on the main connection stays true until the commit, and the rows can be
 * written while later rows are still being checked (the second core does the SQLite work). The transaction
 * ends with COMMIT after the last row, or ROLLBACK on cancel or any failure: all rows or nothing, as before.
 */
import { isMainThread } from 'node:worker_threads';
import { writeAudit } from '../../audit';
import { dropIndexes, recreateIndexes } from '../../db/indexes';
import { openDatabase, type DB } from '../../db/open';
import { AppError, isBusy } from '../../errors';
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
  /**
   * Bulk load (a large file into a small roster): the indexes that new rows would enter at random places are
   * dropped for the transaction and built again at its end, as databases are bulk-loaded; updates wait until
   * they are back. Rebuilding costs a sort of the whole table, so only when the file outweighs the roster.
   */
  bulk?: boolean | undefined;
}

export type WriterRow = { kind: 'create'; row: WritableRow } | { kind: 'update'; id: number; row: WritableRow; before: Record<string, unknown>; after: Record<string, unknown> };

export interface WriterFinish {
  summary: importRepo.BatchSummary;
  /** The clerk's mapping for this header: saved, or (empty overrides) forgotten; null = leave as it is. */
  mapping: { signature: string; headers: string[]; overrides: Record<string, string | null> } | null;
  counts: Record<string, unknown>;
}

// A worker may wait for another import's lock (the busy timeout); the main thread must not.
const isWorkerThread = !isMainThread;
const THREAD_WAIT_MS = 30_000;

export class ImportWriter {
  private readonly db: DB;
  private readonly now: Date;
  readonly batchId: number;
  private readonly creator: BulkMemberWriter;
  private written = 0;
  /** Bulk load: the dropped indexes' CREATE statements, and the updates held until they are rebuilt. */
  private readonly dropped: string[] = [];
  private readonly heldUpdates: Extract<WriterRow, { kind: 'update' }>[] = [];

  constructor(
    private readonly start: WriterStart,
    /** In-process only: the same test seam as a function. */
    private readonly beforeWrite?: (index: number) => void,
  ) {
    this.db = openDatabase(start.dbPath);
    // In-process, waiting for another writer's lock would block the very thread that must finish it; a
    // thread may wait longer than the app's 5 s for another import to finish (it blocks nobody meanwhile).
    this.db.pragma(`busy_timeout = ${isWorkerThread ? THREAD_WAIT_MS : 0}`);
    this.now = new Date(start.nowIso);
    try {
      // Bulk load: the per-row foreign-key lookups (a member for each of 500k grams, at random places) cost
      // more than the rows; the keys this writer takes from outside (小组, batch, member) are checked at the
      // end instead (checkForeignKeys), and the grams' members are the rows it has just inserted. The pragma
      // only takes effect outside a transaction.
      if (start.bulk) this.db.pragma('foreign_keys = OFF');
      this.db.exec('BEGIN IMMEDIATE');
      this.batchId = importRepo.insertBatch(this.db, { kind: 'members', fileName: start.fileName, sheet: start.sheet, at: start.nowIso, actor: start.actor, summary: start.summary });
      this.creator = new BulkMemberWriter({ db: this.db, actor: start.actor, now: this.now, batchId: this.batchId }, { sortGrams: !!start.bulk });
      if (start.bulk) this.dropIndexes();
    } catch (e) {
      this.close();
      throw e;
    }
  }

  rows(rows: WriterRow[]): void {
    for (const r of rows) {
      if (this.written === this.start.failAtRow) throw new Error('injected failure');
      this.beforeWrite?.(this.written);
      if (r.kind === 'create') this.creator.insert({ row: r.row, warnings: [], issues: [] });
      else if (this.dropped.length) this.heldUpdates.push(r);
      else this.update(r);
      this.written++;
    }
  }

  private update(r: Extract<WriterRow, { kind: 'update' }>): void {
    const scope = { db: this.db, actor: this.start.actor, now: this.now, batchId: this.batchId };
    updatePrepared(scope, r.id, { row: r.row, warnings: [], issues: [] }, '导入花名册');
    importRepo.insertChange(this.db, this.batchId, r.id, r.before, r.after);
  }

  /**
   * Every index of members except the two new rows enter at their end (id, batch: the 入会 events are
   * selected by batch), and the grams' member index. Taken from the schema itself, so they come back exactly.
   */
  private dropIndexes(): void {
    const kept = new Set(['members_live_id_status', 'members_batch']);
    this.dropped.push(...dropIndexes(this.db, (name, table) => (table === 'members' && !kept.has(name)) || name === 'member_name_grams_member'));
  }

  /** The gathered grams go in first (in gram order, no member index to keep up), then the indexes return. */
  private rebuildIndexes(): void {
    this.creator.writeGrams();
    recreateIndexes(this.db, this.dropped.splice(0));
    for (const r of this.heldUpdates.splice(0)) this.update(r);
  }

  /** What enforcement would have refused, found before COMMIT: any row → the import fails and rolls back. */
  private checkForeignKeys(): void {
    for (const table of ['members', 'member_events', 'import_batch_changes']) {
      const bad = this.db.pragma(`foreign_key_check(${table})`) as { table: string; rowid: number; parent: string }[];
      if (bad.length) throw new Error(`外键检查未通过：${table} 第 ${bad[0]!.rowid} 行引用的 ${bad[0]!.parent} 不存在`);
    }
  }

  get count(): number {
    return this.written;
  }

  finish(f: WriterFinish): void {
    if (this.dropped.length) this.rebuildIndexes();
    this.creator.finish();
    if (this.start.bulk) this.checkForeignKeys();
    importRepo.setBatchSummary(this.db, this.batchId, f.summary);
    if (f.mapping) {
      if (Object.keys(f.mapping.overrides).length) {
        importRepo.saveMapping(this.db, 'members', f.mapping.signature, f.mapping.headers, f.mapping.overrides, this.start.nowIso);
      } else importRepo.deleteMapping(this.db, 'members', f.mapping.signature);
    }
    writeAudit(this.db, this.start.actor, this.now, { action: 'imports.commit', entity: 'import_batch', entityId: this.batchId, after: { fileName: this.start.fileName, ...f.counts } });
    // SQLite's light maintenance after a bulk write, here while the lock is held (on the main connection it
    // could meet the next import's writer).
    this.db.pragma('optimize');
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
  // Another import (this window or the CLI on the same folder) holds the write lock past the busy timeout.
  if (isBusy(e)) {
    return { code: 'CONFLICT', message: '另一项工作（如另一个导入）正在写入数据，请等它完成后再导入；本次没有写入任何数据。' };
  }
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
