import path from 'node:path';
import { dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppContext } from '../core/context';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations';
import { AppError } from '../core/errors';
import { backupNow } from '../core/system/backup-now';
import { MENU_BACKUP_JOB_ID } from '../../shared/contract/app';
import { APP_VERSION } from '../core/version';
import type { MenuActions } from './menu';
import { APP_TITLE } from './window-options';

interface Deps {
  getContext: () => AppContext | null;
  getWindow: () => BrowserWindow | null;
}

const formatSize = (bytes: number): string =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Menu callbacks: each one reports its outcome in a message box and never throws into Electron. */
export function createMenuActions({ getContext, getWindow }: Deps): MenuActions {
  const box = async (options: MessageBoxOptions) => {
    const win = getWindow();
    const opts = { title: APP_TITLE, noLink: true, ...options };
    return win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts);
  };
  const failure = (what: string, e: unknown) => {
    const ctx = getContext();
    if (!(e instanceof AppError)) ctx?.logger.error(`${what} failed`, { error: e });
    const message = e instanceof AppError ? e.message : '程序内部错误，详情已写入日志文件。';
    return box({ type: 'error', message: `${what}失败`, detail: message });
  };
  const withContext = (fn: (ctx: AppContext) => Promise<unknown>) => () => {
    const ctx = getContext();
    if (!ctx) return;
    void fn(ctx).catch(() => undefined);
  };

  return {
    backupNow: withContext(async (ctx) => {
      try {
        // The same progress events as 设置 → 立即备份, under the id the window listens for (MenuBackupProgress).
        const info = await backupNow(ctx, MENU_BACKUP_JOB_ID);
        await box({
          type: 'info',
          message: '备份已完成',
          detail: `备份文件：${info.name}（${formatSize(info.sizeBytes)}）\n保存在：${ctx.paths.backupsDir}`,
        });
      } catch (e) {
        await failure('备份', e);
      }
    }),

    restoreBackup: withContext(async (ctx) => {
      const win = getWindow();
      const options = {
        title: '选择要恢复的备份',
        defaultPath: ctx.paths.backupsDir,
        properties: ['openFile' as const],
        filters: [{ name: '工会台账备份（*.sqlite）', extensions: ['sqlite'] }],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const file = picked.canceled ? undefined : picked.filePaths[0];
      if (!file) return;
      const name = path.basename(file);
      const confirm = await box({
        type: 'warning',
        message: `确定用备份「${name}」替换当前数据吗？`,
        detail: '当前数据会先自动备份一份（原因：pre-restore），之后仍可从该备份找回。',
        buttons: ['恢复', '取消'],
        defaultId: 1,
        cancelId: 1,
      });
      if (confirm.response !== 0) return;
      try {
        const { safetyBackup } = await ctx.restoreFrom(file, name);
        await box({
          type: 'info',
          message: '恢复完成',
          detail: `已从「${name}」恢复。${safetyBackup ? `恢复前的数据已备份为「${safetyBackup.name}」。` : ''}`,
        });
        getWindow()?.webContents.reload();
      } catch (e) {
        await failure('恢复备份', e);
      }
    }),

    openDataFolder: withContext(async (ctx) => {
      const error = await shell.openPath(ctx.paths.dataDir);
      if (error) await box({ type: 'error', message: '无法打开数据文件夹', detail: `${ctx.paths.dataDir}\n${error}` });
    }),

    showDataFolderLocation: withContext(async (ctx) => {
      const r = await box({
        type: 'info',
        message: '数据文件夹位置',
        detail: `${ctx.paths.dataDir}\n\n数据库、备份和日志都在这个文件夹里。复制整个文件夹即可完整转移数据（请先退出程序）。`,
        buttons: ['打开数据文件夹', '关闭'],
        defaultId: 1,
        cancelId: 1,
      });
      if (r.response === 0) await shell.openPath(ctx.paths.dataDir);
    }),

    about: withContext(async (ctx) => {
      const status = ctx.status === 'ok' ? '' : '\n数据库状态：未通过完整性检查（恢复模式）';
      await box({
        type: 'info',
        message: `关于 ${APP_TITLE}`,
        detail:
          `${APP_TITLE} 版本 ${APP_VERSION}\n` +
          `数据库结构版本 ${ctx.schemaVersion()}（本程序支持到版本 ${LATEST_SCHEMA_VERSION}）${status}\n` +
          `数据文件夹：${ctx.paths.dataDir}`,
      });
    }),
  };
}
