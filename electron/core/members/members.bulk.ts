/**
 * Many new members in one transaction (a roster import): the same member rows, search index and 入会 events a
 * typed member gets, written set-wise. At 100,000 rows the per-row statements of insertPrepared cost seconds:
 * the grams go in multi-row statements (in gram order when bulk loading), the 入会 events in one INSERT …
 * SELECT, and the
 * batch's own audit entry stands for its members (each carries the batch id; the batch lists its counts and
 * can be undone as a whole).
 */
import { sortRank } from './member-pinyin';
import { nameGrams, searchIds, type Prepared } from './members.prepare';
import * as repo from './members.repo';
import type { WriteScope } from './members.service';

const { GRAMS_PER_STATEMENT, GRAM_ROW_WIDTH } = repo;
/** A new member's status code (在册, the column's default; both arrival events leave a member 在册). */
const NEW_STATUS = repo.GRAM_STATUS_CODES.active;

export class BulkMemberWriter {
  /** gram, sort_rank, member id, status code, gram, … not yet written. */
  private readonly grams: (string | number)[] = [];
  /**
   * sortGrams: each 1–2 unit gram and the member it belongs to packed in one exact double (gram code × 2^21 +
   * the member's place in `ids`/`ranks`); writeGrams turns that place into the member's place in key order.
   */
  private packed = new Float64Array(1024);
  private packedCount = 0;
  private ids: number[] = [];
  private ranks: number[] = [];
  private readonly nowIso: string;

  /**
   * The rows were planned while this transaction held the write lock (import-writer.ts), so the per-row
   * lookups for a taken ID number or 会员证号 and a vanished 小组 would only repeat the plan; the unique indexes
   * and the foreign key still refuse a clash, failing the whole import rather than storing it.
   * `sortGrams` (bulk load, the grams' member index dropped): grams are gathered and written in key order
   * (gram, sort_rank, member) by writeGrams, so each gram's posting list grows at its end; otherwise they go in
   * as they come.
   */
  constructor(
    private readonly scope: WriteScope & { batchId: number },
    private readonly opts: { sortGrams?: boolean } = {},
  ) {
    this.nowIso = scope.now.toISOString();
  }

  insert(p: Prepared): number {
    const { db, batchId } = this.scope;
    const id = repo.insertMember(db, p.row, this.nowIso, batchId);
    repo.insertFts(db, id, p.row.name, searchIds(p.row));
    const rank = sortRank(p.row.sort_key);
    const place = this.ids.length;
    const packs = this.opts.sortGrams && place < MAX_PACKED;
    if (packs) {
      this.ids.push(id);
      this.ranks.push(rank);
    }
    for (const g of nameGrams(p.row.name)) {
      if (packs && g.length <= 2) this.pack(g, place);
      else this.grams.push(g, rank, id, NEW_STATUS);
    }
    if (this.grams.length >= GRAM_ROW_WIDTH * GRAMS_PER_STATEMENT) this.flushGrams();
    return id;
  }

  private pack(g: string, place: number): void {
    if (this.packedCount === this.packed.length) {
      const bigger = new Float64Array(this.packed.length * 2);
      bigger.set(this.packed);
      this.packed = bigger;
    }
    const code = g.charCodeAt(0) * 65536 + (g.length > 1 ? g.charCodeAt(1) : 0);
    this.packed[this.packedCount++] = code * MAX_PACKED + place;
  }

  /** Full statements only; `all` writes the rest too. */
  private flushGrams(all = false): void {
    const full = GRAM_ROW_WIDTH * GRAMS_PER_STATEMENT;
    let at = 0;
    for (; at + full <= this.grams.length; at += full) repo.insertGramRows(this.scope.db, this.grams.slice(at, at + full));
    const rest = this.grams.slice(at);
    this.grams.length = 0;
    if (all) repo.insertGramRows(this.scope.db, rest);
    else this.grams.push(...rest);
  }

  /** Writes the gathered grams, sorted; may be called before finish (then finish has none left). */
  writeGrams(): void {
    const n = this.ids.length;
    // The members in key order (sort_rank, then id, the order they came in): order[k] = place, at[place] = k.
    const order = Array.from({ length: n }, (_, i) => i);
    const ranks = this.ranks;
    order.sort((a, b) => ranks[a]! - ranks[b]! || a - b);
    const at = new Uint32Array(n);
    for (let k = 0; k < n; k++) at[order[k]!] = k;
    const packed = this.packed.subarray(0, this.packedCount);
    for (let i = 0; i < packed.length; i++) {
      const key = packed[i]!;
      const place = key % MAX_PACKED;
      packed[i] = key - place + at[place]!;
    }
    packed.sort();
    for (const key of packed) {
      const place = order[key % MAX_PACKED]!;
      const code = Math.floor(key / MAX_PACKED);
      const second = code % 65536;
      this.grams.push(String.fromCharCode((code - second) / 65536) + (second ? String.fromCharCode(second) : ''), ranks[place]!, this.ids[place]!, NEW_STATUS);
      if (this.grams.length >= GRAM_ROW_WIDTH * GRAMS_PER_STATEMENT) this.flushGrams();
    }
    this.packed = new Float64Array(0);
    this.packedCount = 0;
    this.ids = [];
    this.ranks = [];
    this.flushGrams(true);
  }

  /** Writes what was gathered; call once, inside the same transaction, after the last insert. */
  finish(): void {
    const { db, batchId, actor } = this.scope;
    this.writeGrams();
    // Both arrival events leave a new member 在册, the status the row was inserted with.
    repo.insertBatchJoinEvents(db, batchId, actor ?? null, this.nowIso);
  }
}

/** 2^21 members × 2^32 gram codes = 2^53: every key is an exact double. */
const MAX_PACKED = 2 ** 21;
