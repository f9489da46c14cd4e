/**
 * Many new members in one transaction (a roster import): the same member rows, search index and 入会 events a
 * typed member gets, written set-wise. At 100,000 rows the per-row statements of insertPrepared cost seconds:
 * the grams go in multi-row statements as they come (sorted by gram at the end measured no faster, and held
 * 500k pairs in memory), the 入会 events in one INSERT … SELECT, and the
 * batch's own audit entry stands for its members (each carries the batch id; the batch lists its counts and
 * can be undone as a whole).
 */
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';
import { nameGrams, searchIds, type Prepared } from './members.prepare';
import * as repo from './members.repo';
import type { WriteScope } from './members.service';

/** Pairs per multi-row gram statement: 2 parameters each, well under SQLite's 32,766. */
const GRAMS_PER_STATEMENT = 500;

export class BulkMemberWriter {
  /** gram, member id, gram, member id … not yet written. */
  private readonly grams: (string | number)[] = [];
  private readonly nowIso: string;

  /**
   * The rows were planned while this transaction held the write lock (import-writer.ts), so the per-row
   * lookups for a taken ID number or 会员证号 and a vanished 小组 would only repeat the plan; the unique indexes
   * and the foreign key still refuse a clash, failing the whole import rather than storing it.
   */
  constructor(private readonly scope: WriteScope & { batchId: number }) {
    this.nowIso = scope.now.toISOString();
  }

  insert(p: Prepared): number {
    const { db, batchId } = this.scope;
    const id = repo.insertMember(db, p.row, this.nowIso, batchId);
    repo.insertFts(db, id, p.row.name, searchIds(p.row));
    for (const g of nameGrams(p.row.name)) this.grams.push(g, id);
    if (this.grams.length >= 2 * GRAMS_PER_STATEMENT) this.flushGrams();
    return id;
  }

  /** Full statements only (one cached statement); `all` writes the rest with a statement of its own size. */
  private flushGrams(all = false): void {
    const { db } = this.scope;
    const full = 2 * GRAMS_PER_STATEMENT;
    let at = 0;
    for (; at + full <= this.grams.length; at += full) gramStatement(db, GRAMS_PER_STATEMENT).run(this.grams.slice(at, at + full));
    const rest = this.grams.slice(at);
    this.grams.length = 0;
    if (!all) this.grams.push(...rest);
    else if (rest.length) db.prepare(gramSql(rest.length / 2)).run(rest);
  }

  /** Writes what was gathered; call once, inside the same transaction, after the last insert. */
  finish(): void {
    const { db, batchId, actor } = this.scope;
    this.flushGrams(true);
    // Both arrival events leave a new member 在册, the status the row was inserted with.
    stmt(
      db,
      `INSERT INTO member_events (member_id, type, date, reason, handler, remark, other_union, from_group_id, to_group_id,
         import_batch_id, created_at)
       SELECT id, 'join', join_date, NULL, ?, NULL, NULL, NULL, NULL, import_batch_id, ?
       FROM members WHERE import_batch_id = ? AND join_date IS NOT NULL ORDER BY id`,
    ).run(actor ?? null, this.nowIso, batchId);
  }
}

const gramSql = (n: number) => `INSERT OR IGNORE INTO member_name_grams (gram, member_id) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`;
const gramStatement = (db: DB, n: number) => stmt(db, gramSql(n));
