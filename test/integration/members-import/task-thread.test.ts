/**
 * Long jobs in the task thread (electron/core/threads), as the app ships it: the member export and the undo of
 * an import run on a connection of their own in a worker, so the main process keeps answering; progress and
 * cancel cross the thread; the result is the same as in the main process.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { Logger } from '../../../electron/core/log';
import { taskScript } from '../../../electron/core/threads/run-in-thread';
import { openTestContext, tempDir } from '../../helpers/context';
import { commit, tokenOf, writeXlsx } from './helpers';
import { useWorkerBundle } from './worker-bundles';

let bundle: Awaited<ReturnType<typeof useWorkerBundle>>;
beforeAll(async () => {
  bundle = await useWorkerBundle('tasks');
});
afterAll(() => bundle.dispose());

const warnings: string[] = [];
const logger: Logger = { info: () => undefined, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m), child: () => logger };

let ctx: AppContext;
let dir: string;
beforeEach(async () => {
  warnings.length = 0;
  ctx = await openTestContext({ logger });
  dir = tempDir();
});
afterEach(async () => {
  await ctx.close();
});

/** 4,500 members by a real import: more than two of the export's 2,000-row progress steps. */
async function importRoster(n = 4500): Promise<number> {
  const rows: (string | null)[][] = [['姓名', '会员证号', '职务', '入会时间']];
  for (let i = 1; i <= n; i++) rows.push([`会员${i}`, `HY-${i}`, '教师', '2010-09-01']);
  const r = await commit(ctx, { token: tokenOf(ctx, await writeXlsx(path.join(dir, '花名册.xlsx'), { 花名册: rows })) });
  return r.batchId as number;
}

const progressOf = (jobId: string) => {
  const seen: { label: string; done: number }[] = [];
  ctx.events.on((name, p) => {
    if (name === 'progress:update' && (p as { jobId: string }).jobId === jobId) seen.push(p as { label: string; done: number });
  });
  return seen;
};

describe('task thread', () => {
  it('exports in the thread: every member in the file, progress on the way, no fallback', async () => {
    expect(taskScript()).toBe(bundle.file);
    await importRoster();
    const seen = progressOf('export-job-1');
    const r = await ctx.dispatch('members.export', { query: {}, template: 'standard', jobId: 'export-job-1' });
    expect(r.ok).toBe(true);
    const ref = (r as { data: { token: string; count: number } }).data;
    expect(ref.count).toBe(4500);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ctx.files.resolve(ref.token).path);
    const ws = wb.worksheets[0]!;
    // The notice row (#16), the header, 4500 members.
    expect(ws.rowCount).toBe(4502);
    expect(ws.getRow(2).getCell(1).value).toBe('姓名');
    // Steps closer than 100 ms apart are dropped on the way (the window needs no more), so at least the first.
    const steps = seen.filter((p) => p.label === '正在导出会员花名册').map((p) => p.done);
    expect(steps[0]).toBe(2000);
    expect(steps.every((d, i) => d % 2000 === 0 && (i === 0 || d > steps[i - 1]!))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ label: '导出完成', done: 4500 });
    expect(warnings).toEqual([]);
  });

  it('a cancelled export fails with CANCELLED and leaves no file behind', async () => {
    await importRoster();
    const tmp = path.join(ctx.paths.dataDir, 'tmp');
    const before = fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
    const running = ctx.dispatch('members.export', { query: {}, jobId: 'export-job-2' });
    expect(await ctx.dispatch('members.exportCancel', { jobId: 'export-job-2' })).toEqual({ ok: true, data: { cancelled: true } });
    const r = await running;
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: '导出已取消，没有生成文件' } });
    expect(fs.readdirSync(tmp)).toEqual(before);
  });

  it('undoes an import in the thread: the members gone, the batch marked, the audit entry by the clerk', async () => {
    const batchId = await importRoster(3000);
    const r = await ctx.dispatch('members.importUndo', { batchId });
    expect(r).toMatchObject({ ok: true, data: { batchId, removed: 3000, restored: 0 } });
    const n = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL')).toBe(0);
    expect(n("SELECT count(*) AS n FROM audit_log WHERE action = 'imports.undo'")).toBe(1);
    expect((await ctx.dispatch('members.importUndo', { batchId })).ok).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('takes a backup in the thread: a complete copy of the committed data, no partial left, no fallback', async () => {
    await importRoster(2000);
    const info = await ctx.backup('manual');
    const files = fs.readdirSync(ctx.paths.backupsDir);
    expect(files).toContain(info.name);
    expect(files.filter((f) => f.includes('.partial'))).toEqual([]);
    const copy = new (await import('better-sqlite3')).default(path.join(ctx.paths.backupsDir, info.name), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(2000);
    } finally {
      copy.close();
    }
    expect(warnings).toEqual([]);
  });

  it('refuses an undo from the thread with the reasons for the clerk, before any backup, and changes nothing', async () => {
    const batchId = await importRoster(50);
    const list = await ctx.dispatch('members.list', { search: '会员7', limit: 5 });
    const id = (list as { data: { rows: { id: number; name: string }[] } }).data.rows.find((m) => m.name === '会员7')!.id;
    const got = (await ctx.dispatch('members.get', { id })) as { data: { updatedAt: string } };
    expect((await ctx.dispatch('members.update', { id, member: { name: '会员7', jobTitle: '年级组长' }, expectedUpdatedAt: got.data.updatedAt })).ok).toBe(true);
    const backups = () => fs.readdirSync(path.join(ctx.paths.dataDir, 'backups')).filter((f) => f.includes('undo')).length;
    const r = await ctx.dispatch('members.importUndo', { batchId });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((r as { error: { message: string } }).error.message).toContain('会员7：导入后被修改过');
    expect(backups()).toBe(0);
    expect((ctx.db.prepare('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(50);
  });
});
