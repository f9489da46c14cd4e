import type { AppContext } from '../context';
import { resolveBackup } from '../db/backup';
import { AppError } from '../errors';
import { backupNow } from './backup-now';
import { listAudit } from '../audit';
import type { Handlers } from '../router';
import { appInfo } from './system.service';

type SystemChannels =
  | 'app.info'
  | 'app.openDataFolder'
  | 'backup.create'
  | 'backup.list'
  | 'backup.restore'
  | 'backup.export'
  | 'audit.list'
  | 'files.pickOpen'
  | 'files.saveAs';

const unavailable = (what: string) => new AppError('UNAVAILABLE', `${what}只在桌面版中可用。`);

export const systemHandlers: Pick<Handlers<AppContext>, SystemChannels> = {
  'app.info': (_i, ctx) => appInfo(ctx),
  'app.openDataFolder': async (_i, ctx) => {
    if (!ctx.ports.openFolder) throw unavailable('打开数据文件夹');
    return { opened: await ctx.ports.openFolder(ctx.paths.dataDir) };
  },
  // The copy's progress under the window's jobId (backup-now.ts; the menu's 立即备份 uses the same).
  'backup.create': ({ jobId }, ctx) => backupNow(ctx, jobId),
  'backup.list': (_i, ctx) => ctx.listBackups(),
  'backup.restore': async (input, ctx) => {
    const source =
      'name' in input
        ? { path: resolveBackup(ctx.paths.backupsDir, input.name), label: input.name }
        : (() => {
            const f = ctx.files.resolve(input.token);
            return { path: f.path, label: f.fileName };
          })();
    const { safetyBackup } = await ctx.restoreFrom(source.path, source.label);
    return { restoredFrom: source.label, safetyBackup, schemaVersion: ctx.schemaVersion() };
  },
  'backup.export': (input, ctx) => ctx.files.register(resolveBackup(ctx.paths.backupsDir, input.name), input.name, false),
  'audit.list': (input, ctx) => listAudit(ctx.db, input.limit, input.entity),
  'files.pickOpen': async (input, ctx) => {
    if (!ctx.ports.pickOpen) throw unavailable('系统文件对话框');
    const chosen = await ctx.ports.pickOpen(input);
    if (!chosen) return null;
    return ctx.files.register(chosen, chosen.split(/[\\/]/).pop() ?? 'file', false);
  },
  'files.saveAs': async (input, ctx) => {
    if (!ctx.ports.saveAs) throw unavailable('系统文件对话框');
    const f = ctx.files.resolve(input.token);
    return { saved: await ctx.ports.saveAs(f.path, f.fileName) };
  },
};
