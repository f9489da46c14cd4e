import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { acquireDataDirLock } from '../../../electron/core/db/lock';
import { tempDir } from '../../helpers/context';

/**
 * The real main-process bundle, run under Node with a recording stand-in for Electron (fake-electron/): it
 * checks the wiring the pure-module tests cannot — order of start-up calls, the data folder, the window it
 * opens, the IPC handler against a real SQLite core, quitting with a backup, and the LOCKED message.
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const fakeDir = path.join(import.meta.dirname, 'fake-electron');
type Entry = [string, ...unknown[]];

let appRoot: string;
beforeAll(async () => {
  appRoot = tempDir('ledger-main-bundle-');
  await build({
    entryPoints: [path.join(root, 'electron/main/main.ts')],
    outfile: path.join(appRoot, 'dist/main/main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    external: ['electron'],
    logLevel: 'silent',
  });
  fs.mkdirSync(path.join(appRoot, 'dist/web'), { recursive: true });
  fs.writeFileSync(path.join(appRoot, 'dist/web/index.html'), '<!doctype html><title>工会台账</title>');
});

function runMain(dataDir: string, env: Record<string, string> = {}): { code: number | null; record: Entry[]; stderr: string } {
  const out = path.join(tempDir('ledger-main-out-'), 'record.json');
  const r = spawnSync(
    process.execPath,
    ['-r', path.join(fakeDir, 'register.cjs'), path.join(appRoot, 'dist/main/main.cjs'), '--data-dir', dataDir],
    {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), FAKE_OUT: out, LEDGER_DATA_DIR: '', ...env },
    },
  );
  const record = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Entry[]) : [];
  return { code: r.status, record, stderr: r.stderr };
}

const names = (record: Entry[]) => record.map((e) => e[0]);
const find = (record: Entry[], name: string) => record.find((e) => e[0] === name);

describe('electron main process wiring', () => {
  it('starts, serves app://, answers IPC from our window only, and backs up on quit', () => {
    const dataDir = tempDir('ledger-main-data-');
    const { code, record, stderr } = runMain(dataDir, { FAKE_SCENARIO: 'run' });
    expect(find(record, 'scenario error'), stderr).toBeUndefined();
    expect(code, stderr).toBe(0);

    // Before ready: name, data folder as userData, sandbox, privileged scheme, then the single-instance lock.
    const seq = names(record);
    expect(seq.indexOf('app.setPath')).toBeLessThan(seq.indexOf('app.requestSingleInstanceLock'));
    expect(seq.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(seq.indexOf('ready'));
    expect(seq.indexOf('app.enableSandbox')).toBeLessThan(seq.indexOf('ready'));
    expect(record).toContainEqual(['app.setName', '工会台账']);
    expect(record).toContainEqual(['app.setPath', 'userData', path.resolve(dataDir)]);
    expect(seq.indexOf('protocol.handle')).toBeGreaterThan(seq.indexOf('ready'));

    const win = find(record, 'BrowserWindow')?.[1] as { webPreferences: Record<string, unknown>; title: string };
    expect(win.title).toBe('工会台账');
    expect(win.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.webPreferences.preload).toBe(path.join(appRoot, 'dist/preload/preload.cjs'));
    expect(record).toContainEqual(['win.loadURL', 'app://ledger/index.html']);

    const page = find(record, 'protocol response');
    expect(page?.[1]).toBe(200);
    expect(page?.[2]).toContain("script-src 'self'");
    expect(page?.[3]).toContain('<title>工会台账</title>');

    const menu = find(record, 'Menu.setApplicationMenu')?.[1] as [string, string[]][];
    expect(menu.map((m) => m[0])).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(menu[0]?.[1]).toEqual(expect.arrayContaining(['立即备份', '恢复备份…', '打开数据文件夹']));

    expect(find(record, 'ipc ours app.info')?.[1]).toMatchObject({
      ok: true,
      data: { host: 'electron', status: 'ok', dataDir: path.resolve(dataDir) },
    });
    expect(find(record, 'ipc ours settings.update')?.[1]).toMatchObject({ ok: true, data: { unitName: '某某市第一中学' } });
    const refused = { ok: false, error: { code: 'VALIDATION', message: '拒绝来自未知页面的请求。' } };
    expect(find(record, 'ipc foreign')?.[1]).toEqual(refused);
    expect(find(record, 'ipc other webContents')?.[1]).toEqual(refused);

    // Quit: the first quit is held back until the core closed, with a backup because settings changed.
    expect(seq.filter((n) => n === 'app.quit')).toHaveLength(2);
    expect(seq).toContain('before-quit prevented');
    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backups.filter((n) => n.endsWith('-quit.sqlite'))).toHaveLength(1);
    expect(record.some((e) => e[0] === 'webContents.send' && e[1] === 'ledger:event' && e[2] === 'backup:created')).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'ledger.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite'))).toBe(true);
  });

  it('shows the Chinese LOCKED message and exits when another program holds the data folder', () => {
    const dataDir = tempDir('ledger-main-locked-');
    // The lock is the OS lock on ledger.lock-db, so the test holds it for real, as a running CLI would.
    const held = acquireDataDirLock(path.join(dataDir, 'ledger.lock'), 'cli');
    onTestFinished(() => held.release());
    const { code, record } = runMain(dataDir);
    expect(code).toBe(1);
    const box = find(record, 'dialog.showErrorBox');
    expect(box?.[1]).toBe('工会台账无法启动');
    expect(box?.[2]).toMatch(/^数据文件夹正被另一个程序使用（cli，进程号 \d+/);
    expect(names(record)).not.toContain('BrowserWindow');
    expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite'))).toBe(false);
  });

  it('a second instance quits at once without opening anything', () => {
    const dataDir = tempDir('ledger-main-second-');
    const { code, record } = runMain(dataDir, { FAKE_INSTANCE_LOCK: 'denied' });
    expect(code).toBe(0);
    expect(names(record)).toContain('app.quit');
    expect(names(record)).not.toContain('BrowserWindow');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
