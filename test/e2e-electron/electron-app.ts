import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const { findElectronBinary } = require('../../build/scripts/electron-binary.cjs') as typeof import('../../build/scripts/electron-binary.cjs');

export const root = path.resolve(import.meta.dirname, '..', '..');
export const electronBinary = findElectronBinary(root);

/** Why this project does nothing on a machine without Electron; printed and given to test.skip. */
export const skipReason = electronBinary.found
  ? ''
  : `Electron 二进制未安装（${electronBinary.reason}），跳过桌面端测试；浏览器端 E2E 覆盖同一界面。` +
    ` / Electron binary not installed (${electronBinary.reasonEn}); skipping desktop tests, the browser E2E covers the same UI.`;

export const tempDataDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-electron-e2e-'));

/** The desktop app from this checkout (npm run build first) on its own data folder. */
export async function launchApp(dataDir: string): Promise<{ app: ElectronApplication; page: Page; problems: string[] }> {
  if (!electronBinary.found) throw new Error(skipReason);
  if (!fs.existsSync(path.join(root, 'dist', 'main', 'main.cjs')) || !fs.existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/ 未构建：请先运行 npm run build。');
  }
  const args = [root, '--data-dir', dataDir];
  // Chromium refuses to start as root (containers, CI) unless its OS sandbox is turned off; the renderer
  // sandbox flag in webPreferences is still what the tests check.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  const env = { ...process.env } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.LEDGER_DATA_DIR;
  const app = await _electron.launch({ executablePath: electronBinary.path, args, cwd: root, env, timeout: 60_000 });
  const page = await app.firstWindow();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`页面异常：${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`控制台错误：${m.text()}`);
  });
  await page.waitForLoadState('domcontentloaded');
  return { app, page, problems };
}
