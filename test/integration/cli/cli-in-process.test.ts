import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { COMMANDS } from '../../../electron/cli/commands';
import { formatSettingValue, parseOrgCodes, resolveSettingKey } from '../../../electron/cli/settings-values';
import type { AppContext } from '../../../electron/core/context';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { AppError } from '../../../electron/core/errors';
import { APP_VERSION } from '../../../electron/core/version';
import type { AppInfo, AuditEntry, Settings } from '../../../shared/contract';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { call, openTestContext, tempDir } from '../../helpers/context';

/** main() in this process: the bundle's own code path, fast enough to cover every case. */
let holder: AppContext | undefined;
afterEach(async () => {
  await holder?.close();
  holder = undefined;
});

type Ok<T> = { ok: true; data: T };
type Err = { ok: false; error: { code: string; message: string } };
const HAS_CHINESE = /[\u4e00-\u9fff]/;

function folder() {
  const dir = path.join(tempDir(), '数据');
  return { dir, ledger: (...args: string[]) => ledgerInProcess(['--data-dir', dir, ...args]) };
}

describe('settings keys and values as typed on a command line', () => {
  it.each([
    ['unitName', 'unitName'],
    ['UNITNAME', 'unitName'],
    [' 单位名称 ', 'unitName'],
    ['机构（问题）代码', 'orgCodes'],
    ['机构(问题)代码', 'orgCodes'],
    ['机构代码', 'orgCodes'],
    ['操作人', 'operator'],
    ['全宗号', 'fondsCode'],
  ])('reads %j as %s', (typed, key) => {
    expect(resolveSettingKey(typed)).toBe(key);
  });

  it('knows no other keys', () => {
    for (const typed of ['', '颜色', 'unit', '单位']) expect(resolveSettingKey(typed)).toBeNull();
  });

  it('reads the short form of 机构 codes with either kind of comma, semicolons, new lines and ＝', () => {
    expect(parseOrgCodes('GH=工会办公室,BGS=办公室')).toEqual([
      { code: 'GH', name: '工会办公室' },
      { code: 'BGS', name: '办公室' },
    ]);
    expect(parseOrgCodes(' GH ＝ 工会办公室 ； BGS=办公室，\nXZ=行政=后勤 ,')).toEqual([
      { code: 'GH', name: '工会办公室' },
      { code: 'BGS', name: '办公室' },
      { code: 'XZ', name: '行政=后勤' },
    ]);
    expect(parseOrgCodes('  ')).toEqual([]);
    expect(parseOrgCodes('[{"code":"GH","name":"工会"}]')).toEqual([{ code: 'GH', name: '工会' }]);
  });

  it('explains a malformed short form or JSON in Chinese', () => {
    expect(() => parseOrgCodes('GH')).toThrow(AppError);
    expect(() => parseOrgCodes('GH')).toThrow('缺少等号');
    expect(() => parseOrgCodes('[{"code"')).toThrow('JSON 写法有误');
  });

  it('shows values the way they can be typed back', () => {
    expect(formatSettingValue('orgCodes', [{ code: 'GH', name: '工会办公室' }])).toBe('GH=工会办公室');
    expect(formatSettingValue('orgCodes', [])).toBe('（未设置）');
    expect(formatSettingValue('unitType', 'company')).toBe('企业（company）');
  });
});

describe('ledger settings', () => {
  it('reads one key, by either name, as text and as JSON', async () => {
    const { ledger } = folder();
    expect((await ledger('settings', 'set', 'operator', '李干事')).code).toBe(0);
    expect((await ledger('settings', 'get', '操作人')).stdout).toBe('操作人（operator）：李干事\n');
    expect(jsonOf<Ok<Partial<Settings>>>(await ledger('settings', 'get', 'operator', '--json')).data).toEqual({ operator: '李干事' });
  });

  it('takes 机构 codes as JSON, an empty value to clear them, and 单位类型 by its Chinese label', async () => {
    const { ledger } = folder();
    expect((await ledger('settings', 'set', 'orgCodes', '[{"code":"XZ","name":"行政办公室"}]')).code).toBe(0);
    expect((await ledger('settings', 'set', '单位类型', '医院')).code).toBe(0);
    let s = jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json')).data;
    expect(s.orgCodes).toEqual([{ code: 'XZ', name: '行政办公室' }]);
    expect(s.unitType).toBe('hospital');
    expect((await ledger('settings', 'set', 'orgCodes', '')).code).toBe(0);
    s = jsonOf<Ok<Settings>>(await ledger('settings', 'get', '--json')).data;
    expect(s.orgCodes).toEqual([]);
  });

  it.each([
    ['a 全宗号 with a slash', ['全宗号', '全宗/1'], '全宗号'],
    ['a lower-case 机构 code', ['orgCodes', 'gh=工会办公室'], '大写字母'],
    ['a short form item without =', ['orgCodes', 'GH=工会办公室,BGS'], '缺少等号'],
    ['broken JSON', ['orgCodes', '[{"code":'], 'JSON'],
    ['duplicate codes', ['orgCodes', 'GH=工会,GH=工会办'], '不能重复'],
    ['an unknown 单位类型', ['单位类型', '部队'], '学校、医院、企业'],
    ['a 单位名称 over 100 characters', ['单位名称', '长'.repeat(101)], '100'],
  ])('refuses %s with exit 1 and a Chinese message, saving nothing', async (_what, args, needle) => {
    const { dir, ledger } = folder();
    await withContext(dir, (ctx) => call(ctx, 'settings.update', { unitName: '原来的名称' }));
    const r = await ledger('settings', 'set', ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(HAS_CHINESE);
    expect(r.stderr).toContain(needle);
    expect(r.stdout).toBe('');
    const asJson = await ledger('settings', 'set', ...args, '--json');
    expect(jsonOf<Err>(asJson).error.code).toBe('VALIDATION');

    await withContext(dir, async (ctx) => {
      expect(await call(ctx, 'settings.get')).toMatchObject({ unitName: '原来的名称', orgCodes: [], fondsCode: '', unitType: 'school' });
      expect(await call<AuditEntry[]>(ctx, 'audit.list', {})).toHaveLength(1);
    });
  });
});

describe('usage', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['a group without its verb', ['settings']],
    ['a missing argument', ['settings', 'set', '单位名称']],
    ['an extra argument', ['info', 'extra']],
    ['an unknown option', ['info', '--colour']],
    ['an option of another command', ['info', '--out', 'x.sqlite']],
    ['an option without its value', ['backup', '--out']],
    ['an unknown settings key', ['settings', 'get', '颜色']],
  ])('exits 2 with Chinese usage text on stderr for %s, touching no folder', async (_what, args) => {
    const { dir, ledger } = folder();
    const r = await ledger(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
    expect(r.stderr).toMatch(HAS_CHINESE);
    expect(r.stdout).toBe('');
    if (!args.includes('颜色')) expect(fs.existsSync(dir)).toBe(false);
  });

  it('lists every registered command in its help, on stdout with exit 0', async () => {
    const r = await ledgerInProcess(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`ledger ${c.words.join(' ')}`);
    for (const words of ['--json', '--data-dir', '退出码']) expect(r.stdout).toContain(words);
    const one = await ledgerInProcess(['backup', '--help']);
    expect(one.stdout).toContain('--force');
  });

  it('prints the version', async () => {
    expect((await ledgerInProcess(['--version'])).stdout).toBe(`${APP_VERSION}\n`);
  });

  it('prints exactly one JSON document for every command that needs no argument', async () => {
    const { ledger } = folder();
    const needsOption = (c: (typeof COMMANDS)[number]) => Object.values(c.options ?? {}).some((o) => o.required);
    for (const c of COMMANDS.filter((c) => c.minArgs === 0)) {
      const r = await ledger('--json', ...c.words);
      expect(r.code, c.words.join(' ')).toBe(needsOption(c) ? 2 : 0);
      const doc = jsonOf<{ ok: boolean; error?: { code: string } }>(r);
      if (needsOption(c)) expect(doc.error?.code, c.words.join(' ')).toBe('USAGE');
      else expect(doc.ok, c.words.join(' ')).toBe(true);
    }
  });

  it('uses LEDGER_DATA_DIR when --data-dir is not given', async () => {
    const dir = tempDir();
    const r = await ledgerInProcess(['info', '--json'], { LEDGER_DATA_DIR: dir });
    expect(jsonOf<Ok<AppInfo>>(r).data.dataDir).toBe(dir);
  });
});

describe('refusals that protect the data folder', () => {
  it('does not touch a folder held by the app, answers LOCKED in JSON, and leaves the holder its lock', async () => {
    holder = await openTestContext();
    const dir = holder.paths.dataDir;
    const r = await ledgerInProcess(['--data-dir', dir, 'backup', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('数据文件夹正被另一个程序使用');
    expect(jsonOf<Err>(r).error.code).toBe('LOCKED');
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'ledger.lock'))).toBe(true);
  });

  it('refuses a database written by a newer version with exit 1, naming both versions', async () => {
    const { dir, ledger } = folder();
    await withContext(dir, async () => undefined);
    const db = new Database(path.join(dir, 'ledger.sqlite'));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const r = await ledger('info');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`数据库版本 ${LATEST_SCHEMA_VERSION + 1}`);
    expect(r.stderr).toContain(`支持到版本 ${LATEST_SCHEMA_VERSION}`);
    expect(fs.existsSync(path.join(dir, 'ledger.lock'))).toBe(false);
  });

  it('says which name or file it could not find for restore', async () => {
    const { ledger } = folder();
    const r = await ledger('restore', 'ledger-20990101-000000-000-manual.sqlite');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到文件「ledger-20990101-000000-000-manual.sqlite」');
  });

  it('copies a backup into a folder given to --out under the backup name', async () => {
    const { ledger } = folder();
    const outDir = tempDir();
    const r = await ledger('backup', '--out', outDir, '--json');
    const made = jsonOf<Ok<{ backup: { name: string }; copiedTo: string }>>(r).data;
    expect(made.copiedTo).toBe(path.join(outDir, made.backup.name));
    expect(fs.readdirSync(outDir)).toEqual([made.backup.name]);
  });
});

describe('ledger check', () => {
  it('reports references to missing records', async () => {
    const { dir, ledger } = folder();
    await withContext(dir, async () => undefined);
    const db = new Database(path.join(dir, 'ledger.sqlite'));
    // A reference broken behind the app's back (a hand edit, an old bug): only a check can find it.
    db.pragma('foreign_keys = OFF');
    db.exec(
      'CREATE TABLE parent_probe (id INTEGER PRIMARY KEY);' +
        'CREATE TABLE child_probe (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent_probe (id));' +
        'INSERT INTO child_probe (parent_id) VALUES (42);',
    );
    db.close();
    const r = await ledger('check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[问题] 记录之间的引用');
    expect(r.stdout).toContain('child_probe');
    const asJson = jsonOf<Ok<{ healthy: boolean; checks: { id: string; status: string }[] }>>(await ledger('check', '--json'));
    expect(asJson.data.healthy).toBe(false);
    expect(asJson.data.checks.find((c) => c.id === 'foreign-keys')?.status).toBe('problem');
    expect(asJson.data.checks.find((c) => c.id === 'integrity')?.status).toBe('ok');
  });

  it('reports a newest backup that can no longer be restored', async () => {
    const { dir, ledger } = folder();
    const made = await withContext(dir, (ctx) => ctx.backup('manual'));
    fs.writeFileSync(path.join(dir, 'backups', made.name), '坏掉的备份');
    const r = await ledger('check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`[问题] 备份文件夹：最新的备份 ${made.name} 无法使用`);
  });
});
