import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { takeNextSeq } from '../../../electron/core/disclosures/disclosures.repo';
import type { AuditEntry, DisclosureDetail, DisclosureListRow } from '../../../shared/contract';
import { formatRegNo, parseRegNo } from '../../../shared/domain/disclosure-labels';
import { call, openTestContext } from '../../helpers/context';
import { createDisclosure, disclosure } from './helpers';

let ctx: AppContext;
const clock = () => new Date('2026-11-20T09:00:00+08:00');

beforeEach(async () => {
  ctx = await openTestContext({ clock });
});
afterEach(async () => {
  await ctx.close();
});

const list = (q: Record<string, unknown> = {}) => call<{ total: number; rows: DisclosureListRow[] }>(ctx, 'disclosures.list', q);

describe('登记号', () => {
  it('has one format, zero-padded to three digits, and reads back', () => {
    expect(formatRegNo(2026, 1)).toBe('2026-001');
    expect(formatRegNo(2026, 42)).toBe('2026-042');
    expect(formatRegNo(2026, 1234)).toBe('2026-1234');
    expect(parseRegNo('2026-042')).toEqual({ year: 2026, seq: 42 });
    expect(parseRegNo('26-1')).toBeNull();
  });

  it('numbers each year from 001 by the year of 公开日期, and audits the registration', async () => {
    const a = await createDisclosure(ctx, { disclosedOn: '2026-01-10' });
    const b = await createDisclosure(ctx, { disclosedOn: '2026-02-01' });
    const c = await createDisclosure(ctx, { disclosedOn: '2025-12-30', until: null });
    const d = await createDisclosure(ctx, { disclosedOn: '2026-03-01' });
    expect([a.regNo, b.regNo, c.regNo, d.regNo]).toEqual(['2026-001', '2026-002', '2025-001', '2026-003']);
    const audit = await call<AuditEntry[]>(ctx, 'audit.list', { entity: 'disclosure' });
    expect(audit).toHaveLength(4);
    expect(audit.at(-1)).toMatchObject({ action: 'disclosures.create', entityId: String(a.id), after: { regNo: '2026-001' } });
  });

  it('never gives a deleted record’s number again', async () => {
    const a = await createDisclosure(ctx);
    const b = await createDisclosure(ctx);
    expect(b.regNo).toBe('2026-002');
    await call(ctx, 'disclosures.remove', { id: b.id, reason: '重复登记' });
    const c = await createDisclosure(ctx);
    expect(c.regNo).toBe('2026-003');
    // The deleted row still holds its number in the table, so the unique index would refuse a reuse too.
    const held = ctx.db.prepare('SELECT reg_no, deleted_at IS NOT NULL AS deleted FROM disclosures ORDER BY id').all();
    expect(held).toEqual([
      { reg_no: '2026-001', deleted: 0 },
      { reg_no: '2026-002', deleted: 1 },
      { reg_no: '2026-003', deleted: 0 },
    ]);
    expect((await list({ year: 2026 })).rows.map((r) => r.regNo)).toEqual(['2026-003', '2026-001']);
    // 首页 and ledger info count the live records only.
    expect((await call<{ counts: Record<string, number> }>(ctx, 'app.info')).counts.disclosures).toBe(2);
    const gone = await ctx.dispatch('disclosures.get', { id: b.id });
    expect(gone.ok).toBe(false);
    expect(a.regNo).toBe('2026-001');
  });

  it('does not fall back even when the newest record of a year is deleted and the app restarts', async () => {
    await createDisclosure(ctx);
    const b = await createDisclosure(ctx);
    await call(ctx, 'disclosures.remove', { id: b.id, reason: '登记错误' });
    const dataDir = ctx.paths.dataDir;
    await ctx.close();
    ctx = await openTestContext({ dataDir, clock });
    expect((await createDisclosure(ctx)).regNo).toBe('2026-003');
  });

  it('hands out distinct consecutive numbers to many registrations at once', async () => {
    const made = await Promise.all(Array.from({ length: 25 }, (_, i) => createDisclosure(ctx, { title: `事项 ${i + 1}` })));
    const seqs = made.map((m) => parseRegNo(m.regNo)!.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('gives a number back when the registration fails inside its transaction', async () => {
    await createDisclosure(ctx);
    // An expired file token makes the create fail after validation: nothing may be left behind.
    const r = await ctx.dispatch('disclosures.create', { disclosure: disclosure(), uploads: ['x'.repeat(24)] });
    expect(r.ok).toBe(false);
    expect((await createDisclosure(ctx)).regNo).toBe('2026-002');
  });

  it('takes the write lock before reading the counter, so a second connection cannot read the same value', () => {
    const other = new Database(ctx.paths.dbPath, { timeout: 50 });
    try {
      const take = ctx.db.transaction(() => takeNextSeq(ctx.db, 2030));
      const otherTake = other.transaction(() => takeNextSeq(other as never, 2030));
      other.exec('BEGIN IMMEDIATE');
      // While the other connection holds the write lock, our immediate transaction waits and then gives up
      // (a short wait here; the app waits 5 s).
      ctx.db.pragma('busy_timeout = 100');
      expect(() => take.immediate()).toThrow(/locked|busy/i);
      ctx.db.pragma('busy_timeout = 5000');
      other.exec('ROLLBACK');
      expect(take.immediate()).toBe(1);
      expect(otherTake.immediate()).toBe(2);
    } finally {
      other.close();
    }
  });

  it('keeps a record in its registration year: 公开日期 may not move to another year', async () => {
    const a = await createDisclosure(ctx);
    const r = await ctx.dispatch('disclosures.update', { id: a.id, disclosure: disclosure({ disclosedOn: '2025-12-30', until: null }) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('2026-001');
      expect(r.error.details).toMatchObject({ issues: [{ path: ['disclosure', 'disclosedOn'] }] });
    }
    const moved = await call<DisclosureDetail>(ctx, 'disclosures.update', { id: a.id, disclosure: disclosure({ disclosedOn: '2026-06-01', until: null }) });
    expect(moved).toMatchObject({ regNo: '2026-001', disclosedOn: '2026-06-01' });
  });

  it('finds a record by 登记号', async () => {
    await createDisclosure(ctx);
    const b = await createDisclosure(ctx, { title: '食堂承包合同' });
    expect((await call<DisclosureDetail>(ctx, 'disclosures.find', { key: '2026-002' })).id).toBe(b.id);
    const none = await ctx.dispatch('disclosures.find', { key: '2026-099' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('2026-099');
  });
});
