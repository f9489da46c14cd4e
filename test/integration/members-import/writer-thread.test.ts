/**
 * The import writer in its real worker thread (the bundle the app, CLI and bench use, built here with esbuild
 * beside node_modules so the worker finds better-sqlite3): a commit written by it, a failure inside it rolled
 * back completely, a save elsewhere refused while it holds the lock, and a worker that cannot start replaced by
 * the in-process writer.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { commitImport } from '../../../electron/core/members/import/import-commit';
import { startWriter, workerScript } from '../../../electron/core/members/import/writer-client';
import { openTestContext, tempDir } from '../../helpers/context';
import { dumpMembers, expectNothingWritten, storedState, tokenOf, writeXlsx } from './helpers';
import { useWorkerBundle } from './worker-bundles';

let bundle: Awaited<ReturnType<typeof useWorkerBundle>>;
let BUNDLE: string;
beforeAll(async () => {
  bundle = await useWorkerBundle('writer');
  BUNDLE = bundle.file;
});
afterAll(() => bundle.dispose());

let ctx: AppContext;
let dir: string;
beforeEach(async () => {
  ctx = await openTestContext();
  dir = tempDir();
});
afterEach(async () => {
  await ctx.close();
});

const count = (sql: string, ...p: unknown[]) => (ctx.db.prepare(sql).get(...p) as { n: number }).n;

/** 3 000 people (more than one chunk of 2 048), one of them already a member whose 职务 changes. */
async function roster(): Promise<string> {
  await ctx.dispatch('members.create', { member: { name: '王秀英', idNumber: '310115199007040026', memberNo: 'HY-0', jobTitle: '教师' } });
  const rows: (string | null)[][] = [['姓名', '身份证号码', '会员证号', '职务', '入会时间']];
  rows.push(['王秀英', '310115199007040026', 'HY-0', '年级组长', null]);
  for (let i = 1; i < 3000; i++) rows.push([`会员${i}`, null, `HY-${i}`, '教师', '2010-09-01']);
  return tokenOf(ctx, await writeXlsx(path.join(dir, '花名册.xlsx'), { 花名册: rows }));
}

describe('import writer thread', () => {
  it('is the bundle the import uses, and writes a whole commit', async () => {
    expect(workerScript()).toBe(BUNDLE);
    const r = await commitImport(ctx, { token: await roster() });
    expect(r.counts).toMatchObject({ rowsRead: 3000, created: 2999, updated: 1, skipped: 0 });
    expect(count('SELECT count(*) AS n FROM members WHERE import_batch_id = ?', r.batchId)).toBe(2999);
    expect(count("SELECT count(*) AS n FROM member_events WHERE type = 'join' AND import_batch_id = ?", r.batchId)).toBe(2999);
    expect(count("SELECT count(*) AS n FROM members WHERE member_no = 'HY-0' AND job_title = '年级组长'")).toBe(1);
    expect(count('SELECT count(*) AS n FROM import_batch_changes WHERE batch_id = ?', r.batchId)).toBe(1);
    // Searchable at once: a 2-character fragment (grams) and a 3+ one (trigram index).
    expect((ctx.db.prepare("SELECT count(*) AS n FROM member_name_grams WHERE gram = '会员'").get() as { n: number }).n).toBe(2999);
    expect((await ctx.dispatch('members.list', { search: '会员29' })).ok).toBe(true);
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('a failure inside the thread rolls the whole import back: no member, event, batch, audit entry or search row', async () => {
    const token = await roster();
    const before = { members: dumpMembers(ctx), audit: count('SELECT count(*) AS n FROM audit_log'), grams: count('SELECT count(*) AS n FROM member_name_grams') };
    await expect(commitImport(ctx, { token }, { failAtRow: 2500 })).rejects.toThrow('injected failure');
    expect(dumpMembers(ctx)).toEqual(before.members);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(before.audit);
    expect(count('SELECT count(*) AS n FROM member_name_grams')).toBe(before.grams);
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(count('SELECT count(*) AS n FROM member_events')).toBe(0);
    // The lock is gone with the thread: the clerk can save again.
    expect((await ctx.dispatch('members.create', { member: { name: '周到' } })).ok).toBe(true);
  });

  it('cancelled while rows are being checked and written: rolled back, the lock released, nothing written', async () => {
    const token = await roster();
    const before = storedState(ctx);
    // After the first chunk went to the writer (2 048 rows checked), the clerk presses 取消.
    const off = ctx.events.on((name, payload) => {
      const p = payload as { jobId: string; label: string; done: number };
      if (name === 'progress:update' && p.label === '正在核对数据' && p.done >= 2048) void ctx.dispatch('members.importCancel', { jobId: p.jobId });
    });
    const r = await ctx.dispatch('members.importCommit', { token, jobId: 'cancel-mid-write' });
    off();
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: '导入已取消，没有写入任何数据' } });
    await expectNothingWritten(ctx, before, '周到');
  });

  it('bulk load (indexes rebuilt at the end) stores exactly what the row-by-row write stores, and every index comes back', async () => {
    const schema = () => ctx.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    const grams = () => ctx.db.prepare('SELECT gram, member_id FROM member_name_grams ORDER BY gram, member_id').all();
    const evs = () => ctx.db.prepare('SELECT member_id, type, date, import_batch_id FROM member_events ORDER BY id').all();
    const indexes = schema();
    const bulk = await commitImport(ctx, { token: await roster() }, { bulk: true });
    const afterBulk = { members: dumpMembers(ctx), grams: grams(), events: evs(), changes: count('SELECT count(*) AS n FROM import_batch_changes') };
    expect(schema()).toEqual(indexes);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);

    const other = await openTestContext();
    try {
      const token = await (async () => {
        const c = ctx;
        ctx = other;
        try {
          return await roster();
        } finally {
          ctx = c;
        }
      })();
      const rowByRow = await commitImport(other, { token }, { bulk: false });
      expect(rowByRow.counts).toEqual(bulk.counts);
      expect(dumpMembers(other)).toEqual(afterBulk.members);
      expect(other.db.prepare('SELECT gram, member_id FROM member_name_grams ORDER BY gram, member_id').all()).toEqual(afterBulk.grams);
      expect(other.db.prepare('SELECT member_id, type, date, import_batch_id FROM member_events ORDER BY id').all()).toEqual(afterBulk.events);
      expect(afterBulk.changes).toBe(1);
    } finally {
      await other.close();
    }
    // The rebuilt indexes serve the list and its search.
    const found = await ctx.dispatch('members.list', { search: '会员29' });
    expect(found.ok && (found.data as { total: number }).total).toBe(111); // 会员29, 会员290–299, 会员2900–2999
  });

  it('a failed bulk load rolls back the dropped indexes with everything else', async () => {
    const indexes = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    await expect(commitImport(ctx, { token: await roster() }, { bulk: true, failAtRow: 2999 })).rejects.toThrow('injected failure');
    expect(ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all()).toEqual(indexes);
    expect(count('SELECT count(*) AS n FROM members')).toBe(1);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('two imports at once: the second waits in its thread for the first, both land, the busy timeout comes back', async () => {
    const first = await roster();
    const secondFile = await writeXlsx(path.join(dir, '第二批.xlsx'), { 花名册: [['姓名', '会员证号'], ['后来者', 'HY-9001'], ['又一人', 'HY-9002']] });
    const [a, b] = await Promise.all([commitImport(ctx, { token: first, jobId: 'a' }), commitImport(ctx, { token: tokenOf(ctx, secondFile), jobId: 'b' })]);
    expect(a.counts.created + b.counts.created).toBe(2999 + 2);
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(2);
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('in-process, a second writer meanwhile is refused at once with a Chinese message (the first is not held up)', async () => {
    const start = (fileName: string) => ({ dbPath: ctx.paths.dbPath, actor: '干事', nowIso: new Date().toISOString(), fileName, sheet: 'S', summary: { rowsRead: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, sheets: ['S'], headerRows: [1], signature: 's', skippedRows: [] } });
    const inProcess = { beforeWrite: () => undefined }; // a function seam keeps the writer in this thread
    const first = await startWriter(start('一.xlsx'), inProcess);
    const started = performance.now();
    await expect(startWriter(start('二.xlsx'), inProcess)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('正在写入数据') });
    expect(performance.now() - started).toBeLessThan(1000); // not the 5 s busy timeout
    await first.abort();
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
  });

  it('a worker that cannot start is replaced by the in-process writer, which does the same work', async () => {
    process.env.LEDGER_IMPORT_WORKER = path.join(path.dirname(BUNDLE), 'missing.cjs');
    try {
      const start = { dbPath: ctx.paths.dbPath, actor: '干事', nowIso: new Date().toISOString(), fileName: 'x.xlsx', sheet: 'S', summary: { rowsRead: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, sheets: ['S'], headerRows: [1], signature: 's', skippedRows: [] } };
      const w = await startWriter(start);
      expect(w.threaded).toBe(false);
      expect(w.fallback).toBeTruthy();
      await w.abort();
      expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    } finally {
      process.env.LEDGER_IMPORT_WORKER = BUNDLE;
    }
  });
});
