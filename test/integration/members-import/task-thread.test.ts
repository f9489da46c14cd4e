/**
 * Long jobs in the task thread (electron/core/threads), as the app ships it: the member export and the undo of
 * an import run on a connection of their own in a worker, so the main process keeps answering; progress and
 * cancel cross the thread; the result is the same as in the main process.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { taskScript } from '../../../electron/core/threads/run-in-thread';
import { commit, tokenOf, writeXlsx } from './helpers';
import { taskThreadSuite } from './worker-bundles';

const t = taskThreadSuite();

/** 4,500 members by a real import: more than two of the export's 2,000-row progress steps. */
async function importRoster(n = 4500): Promise<number> {
  const rows: (string | null)[][] = [['姓名', '会员证号', '职务', '入会时间']];
  for (let i = 1; i <= n; i++) rows.push([`会员${i}`, `HY-${i}`, '教师', '2010-09-01']);
  const r = await commit(t.ctx, { token: tokenOf(t.ctx, await writeXlsx(path.join(t.dir, '花名册.xlsx'), { 花名册: rows })) });
  return r.batchId as number;
}

const progressOf = (jobId: string) => {
  const seen: { label: string; done: number }[] = [];
  t.ctx.events.on((name, p) => {
    if (name === 'progress:update' && (p as { jobId: string }).jobId === jobId) seen.push(p as { label: string; done: number });
  });
  return seen;
};

describe('task thread', () => {
  it('exports in the thread: every member in the file, progress on the way, no fallback', async () => {
    expect(taskScript()).toBe(t.bundleFile);
    await importRoster();
    const seen = progressOf('export-job-1');
    const r = await t.ctx.dispatch('members.export', { query: {}, template: 'standard', jobId: 'export-job-1' });
    expect(r.ok).toBe(true);
    const ref = (r as { data: { token: string; count: number } }).data;
    expect(ref.count).toBe(4500);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t.ctx.files.resolve(ref.token).path);
    const ws = wb.worksheets[0]!;
    // The notice row (#16), the header, 4500 members.
    expect(ws.rowCount).toBe(4502);
    expect(ws.getRow(2).getCell(1).value).toBe('姓名');
    // Steps closer than 100 ms apart are dropped on the way (the window needs no more), so at least the first.
    const steps = seen.filter((p) => p.label === '正在导出会员花名册').map((p) => p.done);
    expect(steps[0]).toBe(2000);
    expect(steps.every((d, i) => d % 2000 === 0 && (i === 0 || d > steps[i - 1]!))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ label: '导出完成', done: 4500 });
    expect(t.warnings).toEqual([]);
  });

  it('a cancelled export fails with CANCELLED and leaves no file behind', async () => {
    await importRoster();
    const tmp = path.join(t.ctx.paths.dataDir, 'tmp');
    const before = fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
    const running = t.ctx.dispatch('members.export', { query: {}, jobId: 'export-job-2' });
    expect(await t.ctx.dispatch('members.exportCancel', { jobId: 'export-job-2' })).toEqual({ ok: true, data: { cancelled: true } });
    const r = await running;
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: '导出已取消，没有生成文件' } });
    expect(fs.readdirSync(tmp)).toEqual(before);
  });

  it('undoes an import in the thread: the members gone, the batch marked, the audit entry by the clerk', async () => {
    const batchId = await importRoster(3000);
    const r = await t.ctx.dispatch('members.importUndo', { batchId });
    expect(r).toMatchObject({ ok: true, data: { batchId, removed: 3000, restored: 0 } });
    const n = (sql: string) => (t.ctx.db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL')).toBe(0);
    expect(n("SELECT count(*) AS n FROM audit_log WHERE action = 'imports.undo'")).toBe(1);
    expect((await t.ctx.dispatch('members.importUndo', { batchId })).ok).toBe(false);
    expect(t.warnings).toEqual([]);
  });

  it('takes a backup in the thread: a complete copy of the committed data, no partial left, no fallback', async () => {
    await importRoster(2000);
    const info = await t.ctx.backup('manual');
    const files = fs.readdirSync(t.ctx.paths.backupsDir);
    expect(files).toContain(info.name);
    expect(files.filter((f) => f.includes('.partial'))).toEqual([]);
    const copy = new (await import('better-sqlite3')).default(path.join(t.ctx.paths.backupsDir, info.name), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(2000);
    } finally {
      copy.close();
    }
    expect(t.warnings).toEqual([]);
  });

  it('refuses an undo from the thread with the reasons for the clerk, before any backup, and changes nothing', async () => {
    const batchId = await importRoster(50);
    const list = await t.ctx.dispatch('members.list', { search: '会员7', limit: 5 });
    const id = (list as { data: { rows: { id: number; name: string }[] } }).data.rows.find((m) => m.name === '会员7')!.id;
    const got = (await t.ctx.dispatch('members.get', { id })) as { data: { updatedAt: string } };
    expect((await t.ctx.dispatch('members.update', { id, member: { name: '会员7', jobTitle: '年级组长' }, expectedUpdatedAt: got.data.updatedAt })).ok).toBe(true);
    const backups = () => fs.readdirSync(path.join(t.ctx.paths.dataDir, 'backups')).filter((f) => f.includes('undo')).length;
    const r = await t.ctx.dispatch('members.importUndo', { batchId });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((r as { error: { message: string } }).error.message).toContain('会员7：导入后被修改过');
    expect(backups()).toBe(0);
    expect((t.ctx.db.prepare('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(50);
  });
});
