import type { BackupInfo } from '../../../shared/contract/app';
import type { AppContext } from '../context';
import { withJob } from '../jobs';

/**
 * 立即备份: the copy's progress as progress:update under `jobId` (a large database takes seconds; a backup is not
 * cancelled). 设置 passes the window's jobId (backup.create), the desktop menu MENU_BACKUP_JOB_ID, which the window
 * listens for; without one (the CLI) nobody is listening, so no events. A second 立即备份 under the same id while
 * the first runs is refused (CONFLICT).
 */
export async function backupNow(ctx: AppContext, jobId?: string): Promise<BackupInfo> {
  if (!jobId) return ctx.backup('manual');
  return withJob(ctx, jobId, (job) => ctx.backup('manual', job));
}
