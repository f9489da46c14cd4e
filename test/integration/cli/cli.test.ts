import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { AppContext } from '../../../electron/core/context';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { updateSettings } from '../../../electron/core/settings/settings.service';
import { APP_VERSION } from '../../../electron/core/version';
import type { AppInfo, AuditEntry, Settings } from '../../../shared/contract';
import { buildCli, CLI_BIN, jsonOf, runCli, runNode } from '../../helpers/cli';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { corruptMiddlePages, sha256File } from '../../helpers/sqlite-files';

beforeAll(() => buildCli(), 60_000);

let holder: AppContext | undefined;
afterEach(async () => {
  await holder?.close();
  holder = undefined;
});

type Ok<T> = { ok: true; data: T };
type Err = { ok: false; error: { code: string; message: string } };

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** A fresh data folder and a `ledger --data-dir <it> …` bound to it. */
function folder() {
  const dir = path.join(tempDir(), '数据');
  return { dir, ledger: (...args: string[]) => runCli(['--data-dir', dir, ...args]) };
}

const lockFile = (dir: string) => path.join(dir, 'ledger.lock');

/** Sets up or inspects a folder in-process, where that is not what the test is about (a spawn costs ~0.2 s). */
async function inFolder<T>(dir: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openTestContext({ dataDir: dir });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

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

  it('uses LEDGER_DATA_DIR when --data-dir is not given', async () => {
    const dir = tempDir();
    const r = await runCli(['--json', 'info'], { env: { LEDGER_DATA_DIR: dir } });
    expect(jsonOf<Ok<AppInfo>>(r).data.dataDir).toBe(dir);
  });

  it('prints the version and the help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toBe(APP_VERSION);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const verb of ['info', 'backup', 'restore', 'check', 'settings get', 'settings set', '--json', '退出码']) {
      expect(help.stdout).toContain(verb);
    }
  });
});

describe('ledger settings', () => {
  it('sets a value by its Chinese label through the settings channel, audited like the app', async () => {
    const { dir, ledger } = folder();
    const set = await ledger('settings', 'set', '单位名称', '某某市第一中学');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('某某市第一中学');
    expect(await ledger('settings', 'set', 'operator', '李干事')).toMatchObject({ code: 0 });

    const all = jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json'));
    expect(all.data).toMatchObject({ unitName: '某某市第一中学', operator: '李干事', unitType: 'school' });
    expect(jsonOf<Ok<Partial<Settings>>>(await ledger('settings', 'get', 'unitName', '--json')).data).toEqual({
      unitName: '某某市第一中学',
    });
    const one = await ledger('settings', 'get', '单位名称');
    expect(one.stdout.trim()).toBe('单位名称（unitName）：某某市第一中学');

    holder = await openTestContext({ dataDir: dir });
    const audit = await call<AuditEntry[]>(holder, 'audit.list', {});
    expect(audit.map((a) => a.action)).toEqual(['settings.update', 'settings.update']);
    expect(audit[1]).toMatchObject({ after: { unitName: '某某市第一中学' } });
    expect(audit[0]).toMatchObject({ actor: '李干事' });
  });

  it('takes 机构（问题）代码 in the short form and as JSON, and 单位类型 by its Chinese label', async () => {
    const { ledger } = folder();
    expect(await ledger('settings', 'set', '机构（问题）代码', 'GH=工会办公室，BGS=办公室')).toMatchObject({ code: 0 });
    let s = jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json')).data;
    expect(s.orgCodes).toEqual([
      { code: 'GH', name: '工会办公室' },
      { code: 'BGS', name: '办公室' },
    ]);
    expect(await ledger('settings', 'set', 'orgCodes', '[{"code":"XZ","name":"行政办公室"}]')).toMatchObject({ code: 0 });
    expect(await ledger('settings', 'set', '单位类型', '医院')).toMatchObject({ code: 0 });
    s = jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json')).data;
    expect(s.orgCodes).toEqual([{ code: 'XZ', name: '行政办公室' }]);
    expect(s.unitType).toBe('hospital');
    expect((await ledger('settings', 'get', 'orgCodes')).stdout).toContain('XZ=行政办公室');
  });

  it.each([
    ['a 全宗号 with a slash', ['全宗号', '全宗/1'], '全宗号'],
    ['a lower-case 机构 code', ['orgCodes', 'gh=工会办公室'], '大写字母'],
    ['a short form item without =', ['orgCodes', 'GH=工会办公室,BGS'], '缺少等号'],
    ['broken JSON', ['orgCodes', '[{"code":'], 'JSON'],
    ['duplicate codes', ['orgCodes', 'GH=工会,GH=工会办'], '不能重复'],
    ['an unknown 单位类型', ['单位类型', '部队'], '学校、医院、企业'],
  ])('refuses %s with exit 1 and a Chinese message, saving nothing', async (_what, args, needle) => {
    const { dir, ledger } = folder();
    await inFolder(dir, (ctx) => call(ctx, 'settings.update', { unitName: '原来的名称' }));
    const r = await ledger('settings', 'set', ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(HAS_CHINESE);
    expect(r.stderr).toContain(needle);
    expect(r.stdout).toBe('');


    await inFolder(dir, async (ctx) => {
      expect(await call(ctx, 'settings.get')).toMatchObject({ unitName: '原来的名称', orgCodes: [], fondsCode: '', unitType: 'school' });
      expect(await call<AuditEntry[]>(ctx, 'audit.list', {})).toHaveLength(1);
    });
  });

  it('answers a refused value with one JSON error document on stdout when --json is given', async () => {
    const { ledger } = folder();
    const r = await ledger('settings', 'set', '全宗号', '全宗/1', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('全宗号');
    const doc = jsonOf<Err>(r);
    expect(doc).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(doc.error.message).toContain('全宗号');
  });
});

describe('usage errors', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['a group without its verb', ['settings']],
    ['a missing argument', ['settings', 'set', '单位名称']],
    ['an extra argument', ['info', 'extra']],
    ['an unknown option', ['info', '--colour']],
    ['an option of another command', ['info', '--out', 'x.sqlite']],
    ['an option without its value', ['info', '--data-dir']],
    ['an unknown settings key', ['settings', 'get', '颜色']],
  ])('exits 2 with Chinese usage text on stderr for %s', async (_what, args) => {
    const dir = tempDir();
    const r = await runCli(args.includes('--data-dir') ? args : ['--data-dir', dir, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
    expect(r.stderr).toMatch(HAS_CHINESE);
    expect(r.stdout).toBe('');
  });

  it('answers a usage error with one JSON document when --json is given', async () => {
    const r = await runCli(['--json', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(jsonOf<Err>(r)).toMatchObject({ ok: false, error: { code: 'USAGE', message: '未知的命令「frobnicate」。' } });
  });
});

describe('ledger backup and restore', () => {
  it('round-trips: backup --out, change, restore the file, data is back and a safety backup exists', async () => {
    const { dir, ledger } = folder();
    await ledger('settings', 'set', '单位名称', '备份时的名称');
    const out = path.join(tempDir(), '导出的备份.sqlite');
    const b = await ledger('backup', '--out', out, '--json');
    expect(b.code).toBe(0);
    const made = jsonOf<Ok<{ backup: { name: string; reason: string }; copiedTo: string }>>(b).data;
    expect(made.backup.reason).toBe('cli');
    expect(made.copiedTo).toBe(out);
    expect(sha256File(out)).toBe(sha256File(path.join(dir, 'backups', made.backup.name)));

    await ledger('settings', 'set', '单位名称', '后来改的名称');
    const r = await ledger('restore', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已从「导出的备份.sqlite」恢复');
    const safety = /恢复前的数据已备份为：(\S+)/.exec(r.stdout)?.[1];
    expect(safety).toMatch(/-pre-restore\.sqlite$/);
    expect(fs.existsSync(path.join(dir, 'backups', safety!))).toBe(true);
    expect(jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json')).data.unitName).toBe('备份时的名称');

    // By name from the backups folder, too: back to the state the safety backup kept.
    expect((await ledger('restore', safety!)).code).toBe(0);
    expect(jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json')).data.unitName).toBe('后来改的名称');
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

  it('refuses to restore a file that is not a backup, or a missing one, and changes nothing', async () => {
    const { dir, ledger } = folder();
    await ledger('settings', 'set', '单位名称', '不能丢的数据');
    const text = path.join(tempDir(), '名单.csv');
    fs.writeFileSync(text, '姓名,身份证号\n张三,110101199001011234\n');
    const before = sha256File(path.join(dir, 'ledger.sqlite'));

    const r = await ledger('restore', text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('当前数据没有改动');
    const missing = await ledger('restore', path.join(tempDir(), 'nope.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');

    expect(sha256File(path.join(dir, 'ledger.sqlite'))).toBe(before);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });
});

describe('ledger check', () => {
  it('exits 0 on a healthy folder', async () => {
    const { ledger } = folder();
    await ledger('backup');
    const r = await ledger('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有发现问题');
    expect(r.stdout).not.toContain('[问题]');
    const asJson = jsonOf<Ok<{ healthy: boolean; checks: { id: string; status: string }[] }>>(await ledger('check', '--json'));
    expect(asJson.data.healthy).toBe(true);
    expect(asJson.data.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['integrity', 'foreign-keys', 'schema-version', 'backups']));
  });

  it('exits 1 and names the problem on a corrupt database, and passes again after restore', async () => {
    const { dir, ledger } = folder();
    const backup = await inFolder(dir, async (ctx) => {
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
    const asJson = await ledger('check', '--json');
    expect(asJson.code).toBe(1);
    expect(jsonOf<Ok<{ healthy: boolean }>>(asJson).data.healthy).toBe(false);

    const restored = await ledger('restore', backup.name);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('ledger.sqlite.damaged-');
    expect((await ledger('check')).code).toBe(0);
  });

  it('reports references to missing records', async () => {
    const { dir, ledger } = folder();
    await inFolder(dir, async () => undefined);
    const db = new Database(path.join(dir, 'ledger.sqlite'));
    // A reference broken behind the app's back (a hand edit, an old bug): only a check can find it.
    db.pragma('foreign_keys = OFF');
    db.exec('CREATE TABLE parent_probe (id INTEGER PRIMARY KEY); CREATE TABLE child_probe (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent_probe (id));');
    db.exec('INSERT INTO child_probe (parent_id) VALUES (42)');
    db.close();
    const r = await ledger('check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[问题] 记录之间的引用');
    expect(r.stdout).toContain('child_probe');
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
    const asJson = await runCli(['--data-dir', dir, '--json', 'info']);
    expect(jsonOf<Err>(asJson).error.code).toBe('LOCKED');
    // The refused command did not take or remove the holder's lock.
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid });

    await holder.close();
    holder = undefined;
    expect((await runCli(['--data-dir', dir, 'info'])).code).toBe(0);
  });

  it('releases the folder after a failing command', async () => {
    const { dir, ledger } = folder();
    expect((await ledger('settings', 'set', '全宗号', '全宗/1')).code).toBe(1);
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    holder = await openTestContext({ dataDir: dir });
    expect(holder.status).toBe('ok');
  });

  it('refuses a database written by a newer version with exit 1, naming both versions', async () => {
    const { dir, ledger } = folder();
    await inFolder(dir, async () => undefined);
    const db = new Database(path.join(dir, 'ledger.sqlite'));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const r = await ledger('info');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`数据库版本 ${LATEST_SCHEMA_VERSION + 1}`);
    expect(r.stderr).toContain(`支持到版本 ${LATEST_SCHEMA_VERSION}`);
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

  it('is executable in git', () => {
    expect(fs.readFileSync(CLI_BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
