import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SettingsPage } from '../e2e/pages/settings-page';
import { ShellPage } from '../e2e/pages/shell-page';
import { electronBinary, launchApp, root, skipReason, tempDataDir } from './electron-app';

test.beforeAll(() => {
  if (skipReason) console.log(skipReason);
});

test.beforeEach(() => {
  test.skip(!electronBinary.found, skipReason);
});

test('opens 工会台账 on 首页 from app://, with only window.ledger exposed', async () => {
  const dataDir = tempDataDir();
  const { app, page, problems } = await launchApp(dataDir);
  try {
    const shell = new ShellPage(page);
    await expect(page).toHaveTitle('工会台账');
    await expect(shell.title).toHaveText('首页');
    expect(page.url()).toMatch(/^app:\/\/ledger\//);

    const surface = await page.evaluate(() => ({
      ledgerKeys: Object.keys((window as unknown as { ledger: object }).ledger).sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
    }));
    expect(surface).toEqual({ ledgerKeys: ['invoke', 'on'], hasRequire: false, hasProcess: false });

    // A channel outside the allow-list is refused in the preload; a real one answers through the main process.
    const refused = await page.evaluate(() => window.ledger!.invoke('fs.readFile' as never, { path: '/etc/passwd' } as never));
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const info = await page.evaluate(() => window.ledger!.invoke('app.info', {}));
    expect(info).toMatchObject({ ok: true, data: { host: 'electron', dataDir: path.resolve(dataDir), status: 'ok' } });

    // The data folder is Electron's userData too (one single-instance lock per data folder).
    const main = await app.evaluate(({ app: electronApp, BrowserWindow }) => ({
      windows: BrowserWindow.getAllWindows().length,
      userData: electronApp.getPath('userData'),
      name: electronApp.getName(),
    }));
    expect(main).toEqual({ windows: 1, userData: path.resolve(dataDir), name: '工会台账' });

    // Navigation away and new windows are refused.
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/ledger\//);
    expect(app.windows()).toHaveLength(1);
    expect(problems).toEqual([]);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('settings survive a restart, and quitting leaves a backup', async () => {
  const dataDir = tempDataDir();
  try {
    const first = await launchApp(dataDir);
    const s = new SettingsPage(first.page);
    await s.goto();
    await s.fill({ unitName: '某某市第一中学', operator: '李干事' });
    await s.save();
    await expect(s.toast('已保存')).toBeVisible();
    await expect(s.headerUnit).toHaveText('某某市第一中学');
    expect(first.problems).toEqual([]);
    await first.app.close();

    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backups.some((n) => /-quit\.sqlite$/.test(n)), backups.join(', ')).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'ledger.lock'))).toBe(false);

    const second = await launchApp(dataDir);
    try {
      const s2 = new SettingsPage(second.page);
      await expect(s2.headerUnit).toHaveText('某某市第一中学');
      await s2.goto();
      await expect(s2.field('unitName')).toHaveValue('某某市第一中学');
      await expect(s2.field('operator')).toHaveValue('李干事');
    } finally {
      await second.app.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a second copy on the same data folder exits and leaves the first one running', async () => {
  const dataDir = tempDataDir();
  const { app, page } = await launchApp(dataDir);
  try {
    await expect(new ShellPage(page).title).toHaveText('首页');
    if (!electronBinary.found) throw new Error(skipReason);
    const args = [root, '--data-dir', dataDir];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    const second = spawn(electronBinary.path, args, { cwd: root, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(app.windows()).toHaveLength(1);
    const info = await page.evaluate(() => window.ledger!.invoke('app.info', {}));
    expect(info).toMatchObject({ ok: true });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
