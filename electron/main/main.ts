import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, type WebContents } from 'electron';
import type { AppContext } from '../core/context';
import { createAppContext } from '../core/create-context';
import { AppError } from '../core/errors';
import { APP_SCHEME_DEFINITION, createAppRequestHandler } from './app-protocol';
import { resolveDataDir } from './data-dir';
import { bindIpc, forwardEvents } from './ipc';
import { buildMenuTemplate } from './menu';
import { createMenuActions } from './menu-actions';
import { electronPorts } from './ports';
import { installSecurityGuards } from './security';
import { APP_SCHEME, APP_START_URL, APP_TITLE, isTrustedUrl, mainWindowOptions } from './window-options';

/**
 * Electron main process: lifecycle, one window, and the thin adapters (app://, IPC, dialogs, menu) over the
 * same core the browser host and the tests use.
 */
const AUTO_BACKUP_MS = 30 * 60 * 1000;
const webDir = path.join(__dirname, '..', 'web');
const preloadPath = path.join(__dirname, '..', 'preload', 'preload.cjs');

const dataDir = resolveDataDir(process.argv);
app.setName(APP_TITLE);
// userData is the data folder itself (core computes the same default), so the single-instance lock is per
// data folder; Chromium's own caches go to a subfolder instead of lying next to ledger.sqlite.
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
if (process.platform === 'win32') app.setAppUserModelId('cn.union-ledger.app');

let ctx: AppContext | null = null;
let win: BrowserWindow | null = null;
let closed = false;

// Errors outside the router (timers, event handlers) go to the log file the clerk can send to support.
process.on('unhandledRejection', (e) => ctx?.logger.error('unhandled rejection', { error: e }));

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function createWindow(): BrowserWindow {
  const w = new BrowserWindow(mainWindowOptions(preloadPath));
  w.once('ready-to-show', () => w.show());
  w.on('closed', () => {
    if (win === w) win = null;
  });
  w.webContents.on('render-process-gone', (_e, details) =>
    ctx?.logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode }),
  );
  w.loadURL(APP_START_URL).catch((e: unknown) => ctx?.logger.error('window failed to load', { error: e }));
  return w;
}

async function start(): Promise<void> {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    fatal('工会台账无法启动', `界面文件缺失（${webDir}）。开发环境请先运行 npm run build。`);
    return;
  }
  protocol.handle(APP_SCHEME, createAppRequestHandler(webDir));
  installSecurityGuards();
  try {
    ctx = await createAppContext({
      dataDir,
      host: 'electron',
      ports: electronPorts(() => win),
      autoBackupMs: AUTO_BACKUP_MS,
    });
  } catch (e) {
    // LOCKED (another copy holds the folder) and SCHEMA_TOO_NEW carry a message written for the clerk.
    if (e instanceof AppError) fatal('工会台账无法启动', e.message);
    else fatal('工会台账启动失败', `程序内部错误：${e instanceof Error ? e.message : String(e)}\n数据文件夹：${dataDir}`);
    return;
  }
  const context = ctx;
  bindIpc(ipcMain, () => ctx, isTrustedUrl, {
    isTrustedSender: (sender) => win !== null && !win.isDestroyed() && (sender as WebContents | undefined)?.id === win.webContents.id,
  });
  forwardEvents(context, () => win?.webContents ?? null);
  const actions = createMenuActions({ getContext: () => ctx, getWindow: () => win });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate(actions, { isPackaged: app.isPackaged, platform: process.platform })),
  );
  context.logger.info('electron started', { dataDir, status: context.status });
  win = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another window already has this data folder; it gets focused by its second-instance handler.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (ctx && !win) win = createWindow();
  });
  // Close the database (with a last backup if anything changed) before the process goes away.
  app.on('before-quit', (event) => {
    if (closed || !ctx) return;
    event.preventDefault();
    const closing = ctx;
    ctx = null;
    closing
      .close({ backupReason: 'quit' })
      .catch((e: unknown) => closing.logger.error('close failed', { error: e }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fatal('工会台账启动失败', e instanceof Error ? e.message : String(e)));
}
