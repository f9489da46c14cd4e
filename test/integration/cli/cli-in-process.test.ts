import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/commands';
import { main, type CliIo } from '../../../electron/cli/main';
import { formatSettingValue, parseOrgCodes, resolveSettingKey } from '../../../electron/cli/settings-values';
import type { AppContext } from '../../../electron/core/context';
import { AppError } from '../../../electron/core/errors';
import { openTestContext, tempDir } from '../../helpers/context';

/** main() with its output captured: the same code path as the bundle, without a process per call. */
async function ledger(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await main(argv, io);
  return { code, out, err };
}

let holder: AppContext | undefined;
afterEach(async () => {
  await holder?.close();
  holder = undefined;
});

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

describe('ledger main()', () => {
  it('lists every registered command in its help', async () => {
    const r = await ledger('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.out.join('\n')).toContain(`ledger ${c.words.join(' ')}`);
  });

  it('prints exactly one JSON document for every command that needs no argument', async () => {
    const dir = tempDir();
    for (const c of COMMANDS.filter((c) => c.minArgs === 0)) {
      const r = await ledger('--data-dir', dir, '--json', ...c.words);
      expect(r.out, c.words.join(' ')).toHaveLength(1);
      expect(JSON.parse(r.out[0]!)).toMatchObject({ ok: true });
      expect(r.code, c.words.join(' ')).toBe(0);
    }
  });

  it('answers usage errors with exit 2 and nothing on stdout', async () => {
    for (const argv of [[], ['nope'], ['settings', 'set'], ['backup', '--out']]) {
      const r = await ledger(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toContain('用法');
    }
  });

  it('does not touch a data folder held by the app, and leaves the holder its lock', async () => {
    holder = await openTestContext();
    const dir = holder.paths.dataDir;
    const r = await ledger('--data-dir', dir, 'backup');
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain('数据文件夹正被另一个程序使用');
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'ledger.lock'))).toBe(true);
  });
});
