/**
 * Issue 15 item 16: 设置 → 立即备份 of a large database shows its progress. backup.create takes the window's
 * jobId and the copy (in the task thread) reports its pages as progress:update events under it.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupNow } from '../../../electron/core/system/backup-now';
import { MENU_BACKUP_JOB_ID, type BackupInfo } from '../../../shared/contract';
import { call } from '../../helpers/context';
import { taskThreadSuite } from '../members-import/worker-bundles';

const t = taskThreadSuite();

type Progress = { jobId: string; label: string; done: number; total: number | null };

describe('backup.create progress', () => {
  it('reports the copy under the jobId, up to every page, from the task thread', async () => {
    const seen: Progress[] = [];
    t.ctx.events.on((name, p) => {
      if (name === 'progress:update') seen.push(p as Progress);
    });
    const info = await call<BackupInfo>(t.ctx, 'backup.create', { jobId: 'backup-job-1' });
    expect(fs.existsSync(`${t.ctx.paths.backupsDir}/${info.name}`)).toBe(true);
    const mine = seen.filter((p) => p.jobId === 'backup-job-1');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.label === '正在备份数据库' && p.total !== null && p.done <= p.total)).toBe(true);
    const pages = Math.ceil(info.sizeBytes / (t.ctx.db.pragma('page_size', { simple: true }) as number));
    expect(mine.at(-1)).toMatchObject({ done: pages, total: pages });
    // Nothing under another id, and the thread ran it (no fallback to the main process).
    expect(seen.filter((p) => p.jobId !== 'backup-job-1')).toEqual([]);
    expect(t.warnings).toEqual([]);
    // Without a jobId (the CLI, older windows) it backs up as before, and says nothing nobody listens to.
    expect((await call<BackupInfo>(t.ctx, 'backup.create', {})).name).toMatch(/manual/);
    expect(seen.filter((p) => p.jobId !== 'backup-job-1')).toEqual([]);
  });

  it('the menu\'s 立即备份 reports the same events under MENU_BACKUP_JOB_ID, which the window listens for', async () => {
    const seen: Progress[] = [];
    const created: string[] = [];
    t.ctx.events.on((name, p) => {
      if (name === 'progress:update') seen.push(p as Progress);
      if (name === 'backup:created') created.push((p as BackupInfo).name);
    });
    const info = await backupNow(t.ctx, MENU_BACKUP_JOB_ID);
    expect(fs.existsSync(`${t.ctx.paths.backupsDir}/${info.name}`)).toBe(true);
    expect(info.name).toMatch(/manual/);
    const pages = Math.ceil(info.sizeBytes / (t.ctx.db.pragma('page_size', { simple: true }) as number));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.jobId === MENU_BACKUP_JOB_ID && p.label === '正在备份数据库')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ done: pages, total: pages });
    expect(created).toEqual([info.name]);
    // Two at once under the menu's id: the second is refused, the first finishes.
    const first = backupNow(t.ctx, MENU_BACKUP_JOB_ID);
    await expect(backupNow(t.ctx, MENU_BACKUP_JOB_ID)).rejects.toMatchObject({ code: 'CONFLICT' });
    await first;
    // The id is one the contract's jobId accepts (the window could pass it to backup.create too).
    expect((await call<BackupInfo>(t.ctx, 'backup.create', { jobId: MENU_BACKUP_JOB_ID })).name).toMatch(/manual/);
    expect(t.warnings).toEqual([]);
  });
});
