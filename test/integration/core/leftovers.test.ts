import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { updateSettings } from '../../../electron/core/settings/settings.service';
import type { FileRef } from '../../../shared/contract';
import { ledgerInProcess, withContext } from '../../helpers/cli';
import { openTestContext, tempDir } from '../../helpers/context';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/**
 * A real backup killed midway: a child process runs SQLite's online backup into `<name>.sqlite.partial`, a
 * few pages a step, and is killed with SIGKILL once the partial file exists, as a crash or Task Manager would.
 */
async function killBackupMidway(dbPath: string, backupsDir: string): Promise<string> {
  const partial = path.join(backupsDir, 'ledger-20261207-101500-000-manual.sqlite.partial');
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { readonly: true });
    db.backup(process.argv[2], { progress: () => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); return 1; } });
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script, dbPath, partial], { stdio: 'ignore', cwd: process.cwd() });
  for (let i = 0; i < 200 && !(fs.existsSync(partial) && fs.statSync(partial).size > 0); i++) await new Promise((r) => setTimeout(r, 25));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return partial;
}

async function folderWithData(): Promise<string> {
  const dir = path.join(tempDir(), '数据');
  await withContext(dir, async (c) => {
    c.db.transaction(() => {
      for (let i = 0; i < 60; i++) updateSettings(c, { fondsName: `第${i}版${'档案'.repeat(40)}` });
    })();
  });
  return dir;
}

describe('what a killed backup leaves', () => {
  it('is gone at the next start, and `ledger check` says what it found', async () => {
    const dir = await folderWithData();
    const backupsDir = path.join(dir, 'backups');
    const partial = await killBackupMidway(path.join(dir, 'ledger.sqlite'), backupsDir);
    expect(fs.existsSync(partial)).toBe(true);
    // SQLite's journal of the half-written copy, as the issue saw it beside the partial.
    fs.writeFileSync(`${partial}-journal`, Buffer.alloc(4096));

    const r = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(r.stdout).toMatch(/\[正常\] 未完成的备份：发现上次中断的备份留下的 2 个未完成文件（[\d.]+ MB），已删除/);
    expect(r.stdout).toContain('ledger-20261207-101500-000-manual.sqlite.partial-journal');
    expect(fs.readdirSync(backupsDir).filter((f) => f.includes('.partial'))).toEqual([]);

    ctx = await openTestContext({ dataDir: dir });
    expect(ctx.listBackups().map((b) => b.name)).toEqual([]);
    expect(ctx.partialsRemovedAtStart.files).toEqual([]);
  });

  it('is reported as a problem by `ledger check` while it is still there', async () => {
    const dir = await folderWithData();
    ctx = await openTestContext({ dataDir: dir });
    // Appears while the program runs (another backup killed after this start).
    fs.writeFileSync(path.join(ctx.paths.backupsDir, 'ledger-20261207-101500-000-auto.sqlite.partial'), Buffer.alloc(2048));
    const { CHECKS } = await import('../../../electron/cli/checks');
    const check = CHECKS.find((c) => c.id === 'backup-partials')!;
    const res = await check.run(ctx);
    expect(res).toMatchObject({ status: 'problem', details: ['ledger-20261207-101500-000-auto.sqlite.partial'] });
    expect(res.summary).toContain('1 个中断的备份');
  });
});

const upload = (c: AppContext, name: string): FileRef => c.files.saveUpload(name, Buffer.from('会员名单,身份证号\n张三,110101199003074514\n'));
const tmpFiles = (c: AppContext | string) => {
  const dir = typeof c === 'string' ? path.join(c, 'tmp') : c.paths.tmpDir;
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('the temp folder (uploaded rosters, generated files)', () => {
  it('is empty after a clean quit', async () => {
    ctx = await openTestContext();
    upload(ctx, '花名册.csv');
    // A file in tmp/ that no token names (written by a thread that died) goes too.
    fs.writeFileSync(path.join(ctx.paths.tmpDir, 'out-orphan.xlsx'), 'x');
    expect(tmpFiles(ctx).length).toBe(2);
    const dir = ctx.paths.dataDir;
    await ctx.close();
    ctx = undefined;
    expect(tmpFiles(dir)).toEqual([]);
  });

  it('is swept at the next start after a crash left uploads and outputs behind', async () => {
    const dir = path.join(tempDir(), '数据');
    fs.mkdirSync(path.join(dir, 'tmp', 'open', 'abc'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tmp', 'up-AAAAAAAAAAAAAAAAAAAAAAAA'), '身份证号\n110101199003074514\n');
    fs.writeFileSync(path.join(dir, 'tmp', 'out-BBBBBBBBBBBBBBBBBBBBBBBB.xlsx'), 'x');
    fs.writeFileSync(path.join(dir, 'tmp', 'open', 'abc', '附件.pdf'), 'x');
    ctx = await openTestContext({ dataDir: dir });
    expect(tmpFiles(ctx)).toEqual([]);
  });

  it('drops a token’s file as soon as its job releases it', async () => {
    ctx = await openTestContext();
    const ref = upload(ctx, '花名册.csv');
    expect(tmpFiles(ctx).length).toBe(1);
    ctx.files.release(ref.token);
    expect(tmpFiles(ctx)).toEqual([]);
    expect(() => ctx!.files.resolve(ref.token)).toThrow('文件已过期或不存在');
  });
});
