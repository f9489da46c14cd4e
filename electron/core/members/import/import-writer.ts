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
import { WRITABLE_COLUMNS, type WritableRow } from '../members.repo';
import { updatePrepared } from '../members.service';
import * as importRepo from '../../imports/imports.repo';
import * as membersImportRepo from './members-import.repo';
import { beginImmediate, commitTransaction, rollbackTransaction } from '../../db/session';
import { findUnitByName, insertUnit, updateUnit } from '../../groups/groups.repo';
import type { NewUnit } from './import-units';

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

/**
 * A create carries its row as the values in WRITABLE_COLUMNS order: an array of 31 values crosses to the
 * writer thread at a fraction of the cost of an object with 31 keys (the structured clone writes and reads
 * every key of every object: ~4× slower to send, 2× to receive, measured on 2,048-row chunks).
 */
export type WriterRow =
  | { kind: 'create'; values: unknown[] }
  | { kind: 'update'; id: number; row: WritableRow; before: Record<string, unknown>; after: Record<string, unknown> };

/** A create's row for the writer, as WriterRow carries it. */
export const createValues = (row: WritableRow): unknown[] => WRITABLE_COLUMNS.map((c) => row[c]);

/**
 * The row again, as one object literal (one shape for every row; 31 keyed stores per row cost ~10× more in
 * the writer thread). The order is WRITABLE_COLUMNS', checked when this module loads.
 */
function rowOf(v: readonly unknown[]): WritableRow {
  const row: Record<(typeof WRITABLE_COLUMNS)[number], unknown> = {
    name: v[0],
    name_pinyin: v[1],
    name_initials: v[2],
    sort_key: v[3],
    gender: v[4],
    birth_date: v[5],
    ethnicity: v[6],
    native_place: v[7],
    id_type: v[8],
    id_number: v[9],
    id_checked: v[10],
    political_status: v[11],
    education: v[12],
    degree: v[13],
    job_title: v[14],
    professional_title: v[15],
    work_unit: v[16],
    department: v[17],
    staff_no: v[18],
    employment_status: v[19],
    household_type: v[20],
    household_place: v[21],
    phone: v[22],
    join_date: v[23],
    member_no: v[24],
    group_id: v[25],
    is_migrant_worker: v[26],
    monthly_wage_fen: v[27],
    family_json: v[28],
    work_history: v[29],
    remarks: v[30],
  };
  return row as WritableRow;
}

{
  const probe = rowOf(WRITABLE_COLUMNS.map((_c, i) => i)) as unknown as Record<string, number>;
  if (Object.keys(probe).length !== WRITABLE_COLUMNS.length || WRITABLE_COLUMNS.some((c, i) => probe[c] !== i)) {
    throw new Error('import-writer rowOf is out of step with WRITABLE_COLUMNS');
  }
}

export interface WriterFinish {
  summary: importRepo.BatchSummary;
  /** The clerk's mapping for this header: saved, or (empty overrides) forgotten; null = leave as it is. */
  mapping: { signature: string; headers: string[]; overrides: Record<string, string | null> } | null;
  counts: Record<string, unknown>;
  /** The skipped and warned rows (an IssueSheet as JSON), for 下载问题行 from 导入记录; null when there are none. */
  issuesJson: string | null;
  /** The names the created units end with (the spelling most rows use; see UnitResolver). */
  unitNames: { tempId: number; name: string }[];
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
  /** Units created by this import: placeholder id (negative, from the plan) → real id. */
  private readonly unitIds = new Map<number, number>();
  /** The units this import inserted (an undo removes those nothing else uses by then). */
  private readonly createdUnits: { id: number; tempId: number; kind: string; name: string; parent: number | null }[] = [];

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
      beginImmediate(this.db);
      this.batchId = importRepo.insertBatch(this.db, { kind: 'members', fileName: start.fileName, sheet: start.sheet, at: start.nowIso, actor: start.actor, summary: start.summary });
      this.creator = new BulkMemberWriter({ db: this.db, actor: start.actor, now: this.now, batchId: this.batchId }, { sortGrams: !!start.bulk });
      if (start.bulk) this.dropIndexes();
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /**
   * Units the file names that did not exist, created in this transaction before the first row that names
   * them; a name that appeared meanwhile (another window) is used, not duplicated. Their audit entries are
   * written at the end, under the names they end with (namedUnits).
   */
  private createUnits(units: readonly NewUnit[]): void {
    const at = this.start.nowIso;
    for (const u of units) {
      const parent = u.parentId === null ? null : (this.realGroup(u.parentId) as number);
      const existing = findUnitByName(this.db, parent, u.name);
      const id = existing ? existing.id : insertUnit(this.db, { parent_id: parent, kind: u.kind, name: u.name, leader_member_id: null }, at);
      this.unitIds.set(u.tempId, id);
      if (!existing) this.createdUnits.push({ id, tempId: u.tempId, kind: u.kind, name: u.name, parent });
    }
  }

  /** Each created unit under the spelling most rows use (第一小组 over the odd 第1小组 seen first), audited. */
  private namedUnits(names: readonly { tempId: number; name: string }[]): void {
    const finalOf = new Map(names.map((n) => [n.tempId, n.name]));
    for (const u of this.createdUnits) {
      const name = finalOf.get(u.tempId) ?? u.name;
      if (name !== u.name && !findUnitByName(this.db, u.parent, name)) updateUnit(this.db, u.id, name, null, this.start.nowIso);
      else if (name !== u.name) continue;
      writeAudit(this.db, this.start.actor, this.now, {
        action: 'groups.create',
        entity: 'union_unit',
        entityId: u.id,
        after: { parentId: u.parent, kind: u.kind, name, importBatchId: this.batchId },
      });
    }
  }

  private realGroup(id: unknown): unknown {
    if (typeof id !== 'number' || id >= 0) return id;
    const real = this.unitIds.get(id);
    if (real === undefined) throw new Error(`导入的组织占位编号 ${id} 没有对应的组织`);
    return real;
  }

  rows(rows: WriterRow[], units: readonly NewUnit[] = []): void {
    if (units.length) this.createUnits(units);
    for (const r of rows) {
      const row = r.kind === 'create' ? rowOf(r.values) : r.row;
      if (this.unitIds.size && typeof row.group_id === 'number' && row.group_id < 0) {
        row.group_id = this.realGroup(row.group_id) as number;
        if (r.kind === 'update' && 'group_id' in r.after) r.after.group_id = this.realGroup(r.after.group_id);
      }
      if (this.written === this.start.failAtRow) throw new Error('injected failure');
      this.beforeWrite?.(this.written);
      if (r.kind === 'create') this.creator.insert({ row, warnings: [], issues: [] });
      else if (this.dropped.length) this.heldUpdates.push(r);
      else this.update(r);
      this.written++;
    }
  }

  private update(r: Extract<WriterRow, { kind: 'update' }>): void {
    const scope = { db: this.db, actor: this.start.actor, now: this.now, batchId: this.batchId };
    updatePrepared(scope, r.id, { row: r.row, warnings: [], issues: [] }, '导入花名册');
    membersImportRepo.insertChange(this.db, this.batchId, r.id, r.before, r.after);
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
    this.namedUnits(f.unitNames ?? []);
    const createdUnitIds = this.createdUnits.map((u) => u.id);
    importRepo.setBatchSummary(this.db, this.batchId, createdUnitIds.length ? { ...f.summary, createdUnitIds } : f.summary);
    if (f.issuesJson) importRepo.setBatchIssues(this.db, this.batchId, f.issuesJson);
    if (f.mapping) importRepo.rememberMapping(this.db, 'members', f.mapping.signature, f.mapping.headers, f.mapping.overrides, this.start.nowIso);
    writeAudit(this.db, this.start.actor, this.now, { action: 'imports.commit', entity: 'import_batch', entityId: this.batchId, after: { fileName: this.start.fileName, ...f.counts } });
    // SQLite's light maintenance after a bulk write, here while the lock is held (on the main connection it
    // could meet the next import's writer).
    this.db.pragma('optimize');
    commitTransaction(this.db);
    this.close();
  }

  abort(): void {
    try {
      if (this.db.open && this.db.inTransaction) rollbackTransaction(this.db);
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
