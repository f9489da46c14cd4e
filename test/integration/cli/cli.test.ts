import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { updateSettings } from '../../../electron/core/settings/settings.service';
import { APP_VERSION } from '../../../electron/core/version';
import type { AppInfo, AuditEntry, Settings } from '../../../shared/contract';
import { buildCli, CLI_BIN, jsonOf, runCli, runNode, withContext } from '../../helpers/cli';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { corruptMiddlePages, sha256File } from '../../helpers/sqlite-files';

/**
 * The built bundle in its own process, as a clerk runs it. Every spawn costs a Node start, so this file
 * keeps to what needs a real process (exit codes, stdout/stderr, the lock between processes); the rest of
 * the CLI's behaviour is covered in-process in cli-in-process.test.ts.
 */
beforeAll(() => buildCli(), 60_000);

let holder: AppContext | undefined;
afterEach(async () => {
  await holder?.close();
  holder = undefined;
});

type Ok<T> = { ok: true; data: T };
type Err = { ok: false; error: { code: string; message: string } };

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** A fresh data folder (with a Chinese name, as on a clerk's PC) and `ledger --data-dir <it> …`. */
function folder() {
  const dir = path.join(tempDir(), '数据');
  return { dir, ledger: (...args: string[]) => runCli(['--data-dir', dir, ...args]) };
}

const lockFile = (dir: string) => path.join(dir, 'ledger.lock');

describe('ledger info', () => {
  it('prints one JSON document with the schema version, and plain Chinese without --json', async () => {
    const { dir, ledger } = folder();
    const r = await ledger('info', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const info = jsonOf<Ok<AppInfo>>(r);
    expect(info.ok).toBe(true);
    expect(info.data).toMatchObject({
      appVersion: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: dir,
      dbPath: path.join(dir, 'ledger.sqlite'),
      status: 'ok',
      host: 'cli',
    });

    const text = await runCli(['info', '--data-dir', dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`数据库版本：${LATEST_SCHEMA_VERSION}`);
    expect(text.stdout).toContain('状态：正常');
    // The folder is released when the command ends.
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });
});

describe('ledger settings', () => {
  it('sets a value by its Chinese label through the settings channel, audited like the app', async () => {
    const { dir, ledger } = folder();
    const set = await ledger('settings', 'set', '单位名称', '某某市第一中学');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('某某市第一中学');

    const all = jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json'));
    expect(all.data).toMatchObject({ unitName: '某某市第一中学', unitType: 'school' });

    await withContext(dir, async (ctx) => {
      const audit = await call<AuditEntry[]>(ctx, 'audit.list', {});
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'settings.update', after: { unitName: '某某市第一中学' } });
    });
  });

  it('takes 机构（问题）代码 in the short form', async () => {
    const { ledger } = folder();
    expect(await ledger('settings', 'set', '机构（问题）代码', 'GH=工会办公室，BGS=办公室')).toMatchObject({ code: 0 });
    const s = jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json')).data;
    expect(s.orgCodes).toEqual([
      { code: 'GH', name: '工会办公室' },
      { code: 'BGS', name: '办公室' },
    ]);
  });

  it('refuses a bad value with exit 1 and a Chinese message on stderr, and one JSON error with --json', async () => {
    const { dir, ledger } = folder();
    const r = await ledger('settings', 'set', '全宗号', '全宗/1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(HAS_CHINESE);
    expect(r.stderr).toContain('全宗号');
    expect(r.stdout).toBe('');

    const asJson = await ledger('settings', 'set', '全宗号', '全宗/1', '--json');
    expect(asJson.code).toBe(1);
    expect(asJson.stderr).toContain('全宗号');
    expect(jsonOf<Err>(asJson)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    await withContext(dir, async (ctx) => {
      expect((await call<Settings>(ctx, 'settings.get')).fondsCode).toBe('');
      expect(await call(ctx, 'audit.list', {})).toEqual([]);
    });
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });
});

describe('usage errors', () => {
  it('exit 2 with Chinese usage text on stderr, and one JSON error with --json', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('用法');
    expect(none.stdout).toBe('');

    const r = await runCli(['--json', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
    expect(jsonOf<Err>(r)).toMatchObject({ ok: false, error: { code: 'USAGE', message: '未知的命令「frobnicate」。' } });
  });
});

describe('ledger backup and restore', () => {
  it('round-trips: backup --out, change, restore the file, data is back and a safety backup exists', async () => {
    const { dir, ledger } = folder();
    await withContext(dir, (ctx) => call(ctx, 'settings.update', { unitName: '备份时的名称' }));
    const out = path.join(tempDir(), '导出的备份.sqlite');
    const b = await ledger('backup', '--out', out, '--json');
    expect(b.code).toBe(0);
    const made = jsonOf<Ok<{ backup: { name: string; reason: string }; copiedTo: string }>>(b).data;
    expect(made.backup.reason).toBe('cli');
    expect(made.copiedTo).toBe(out);
    expect(sha256File(out)).toBe(sha256File(path.join(dir, 'backups', made.backup.name)));

    await withContext(dir, (ctx) => call(ctx, 'settings.update', { unitName: '后来改的名称' }));
    const r = await ledger('restore', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已从「导出的备份.sqlite」恢复');
    const safety = /恢复前的数据已备份为：(\S+)/.exec(r.stdout)?.[1];
    expect(safety).toMatch(/-pre-restore\.sqlite$/);
    await withContext(dir, async (ctx) => {
      expect((await call<Settings>(ctx, 'settings.get')).unitName).toBe('备份时的名称');
      expect(ctx.listBackups().map((x) => x.name)).toContain(safety);
    });
  });

  it('refuses to overwrite an existing --out file unless --force is given', async () => {
    const { ledger } = folder();
    const out = path.join(tempDir(), 'b.sqlite');
    fs.writeFileSync(out, '别覆盖我');
    const r = await ledger('backup', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已存在');
    expect(fs.readFileSync(out, 'utf8')).toBe('别覆盖我');
    expect((await ledger('backup', '--out', out, '--force')).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('refuses to restore a file that is not a backup, and changes nothing', async () => {
    const { dir, ledger } = folder();
    await withContext(dir, (ctx) => call(ctx, 'settings.update', { unitName: '不能丢的数据' }));
    const text = path.join(tempDir(), '名单.csv');
    fs.writeFileSync(text, '姓名,身份证号\n张三,110101199001011234\n');
    const before = sha256File(path.join(dir, 'ledger.sqlite'));

    const r = await ledger('restore', text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('当前数据没有改动');
    expect(sha256File(path.join(dir, 'ledger.sqlite'))).toBe(before);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });
});

describe('ledger check', () => {
  it('exits 0 on a healthy folder', async () => {
    const { ledger } = folder();
    const r = await ledger('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有发现问题');
    expect(r.stdout).not.toContain('[问题]');
  });

  it('exits 1 and names the problem on a corrupt database, and passes again after restore', async () => {
    const { dir, ledger } = folder();
    const backup = await withContext(dir, async (ctx) => {
      // One outer transaction (each update nests as a savepoint): a many-page file without 120 fsyncs.
      ctx.db.transaction(() => {
        for (let i = 0; i < 120; i++) updateSettings(ctx, { fondsName: `第${i}版${'档案'.repeat(30)}` });
      })();
      return ctx.backup('manual');
    });
    corruptMiddlePages(path.join(dir, 'ledger.sqlite'));
    const r = await ledger('check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[问题] 数据库完整性');
    expect(r.stdout).toMatch(/发现 \d+ 项问题/);

    const restored = await ledger('restore', backup.name);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('ledger.sqlite.damaged-');
    expect((await ledger('check')).code).toBe(0);
  });
});

describe('the data folder lock across processes', () => {
  it('refuses to run while another process holds the folder, with the lock message, then runs once it is released', async () => {
    holder = await openTestContext();
    const dir = holder.paths.dataDir;
    const r = await runCli(['--data-dir', dir, 'info']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('数据文件夹正被另一个程序使用');
    expect(r.stderr).toContain(`进程号 ${process.pid}`);
    // The refused command did not take or remove the holder's lock.
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid });

    await holder.close();
    holder = undefined;
    expect((await runCli(['--data-dir', dir, 'info'])).code).toBe(0);
  });
});

describe('bin.cjs', () => {
  it('runs the bundle when it is up to date', async () => {
    const r = await runNode([CLI_BIN, '--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(APP_VERSION);
  });

  it('refuses a Node older than 22 with a Chinese and English message', async () => {
    const fake = path.join(tempDir(), 'old-node.cjs');
    fs.writeFileSync(
      fake,
      "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.18.0' } });\n" +
        "Object.defineProperty(process, 'version', { value: 'v20.18.0' });\n",
    );
    const r = await runNode([CLI_BIN, 'info'], { nodeArgs: ['--require', fake] });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('需要 Node.js 22 或更高版本');
    expect(r.stderr).toContain('needs Node.js 22 or newer');
    expect(r.stderr).toContain('npx ledger');
    expect(r.stdout).toBe('');
  });

  it('starts with a node shebang', () => {
    expect(fs.readFileSync(CLI_BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
