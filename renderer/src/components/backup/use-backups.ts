import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract';
import { api } from '../../api';
import { pickFile, saveFile } from '../../api/platform';
import { useAppState } from '../../state/app-state';
import { reportError } from '../error-store';
import { useJob, type JobProgress } from '../import/use-job';

export interface BackupActions {
  list: BackupInfo[] | null;
  /** What is running now, in words for the spinner; null when idle. */
  busy: string | null;
  /** A backup that proves slow (a large database): how far its copy is; null otherwise. */
  progress: JobProgress | null;
  refresh(): Promise<void>;
  create(): Promise<void>;
  restore(name: string): Promise<void>;
  restoreFromFile(): Promise<void>;
  exportOne(name: string): Promise<void>;
}

/** Backup list and the four actions, shared by 设置 and the recovery screen. */
export function useBackups(): BackupActions {
  const { reload, info } = useAppState();
  const { message, modal } = App.useApp();
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The copy reports its pages as progress:update under this job (a backup is not cancelled: no cancel channel).
  const job = useJob();

  const refresh = useCallback(async () => {
    try {
      setList(await api.call('backup.list', {}));
    } catch (e) {
      reportError(e);
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list lives in the core; this loads it
    void refresh();
    return api.on('backup:created', () => void refresh());
  }, [refresh]);

  const run = async (label: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(label);
    try {
      await work();
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  };

  const afterRestore = async (r: { restoredFrom: string; safetyBackup: BackupInfo | null }) => {
    await reload();
    await refresh();
    message.success(
      r.safetyBackup
        ? `已从「${r.restoredFrom}」恢复。恢复前的数据已另存为备份「${r.safetyBackup.name}」。`
        : `已从「${r.restoredFrom}」恢复。`,
      6,
    );
  };

  return {
    list,
    busy,
    progress: job.slow ? job.progress : null,
    refresh,
    create: () =>
      run('正在备份…', async () => {
        const b = await job.run((jobId) => api.call('backup.create', { jobId }));
        await refresh();
        message.success(`已备份：${b.name}`, 5);
      }),
    restore: (name) =>
      run('正在恢复…', async () => {
        await afterRestore(await api.call('backup.restore', { name }));
      }),
    restoreFromFile: async () => {
      let ref;
      try {
        ref = await pickFile({ title: '选择要恢复的备份文件', extensions: ['sqlite', 'db'] });
      } catch (e) {
        reportError(e);
        return;
      }
      if (!ref) return;
      const picked = ref;
      modal.confirm({
        title: `从「${picked.fileName}」恢复？`,
        content:
          info?.status === 'recovery'
            ? '损坏的数据库文件将被这个文件中的数据替换。'
            : '当前数据将被这个文件中的数据替换。恢复前会先自动备份当前数据（恢复前备份），需要时可以再恢复回来。',
        okText: '恢复',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () =>
          run('正在恢复…', async () => {
            await afterRestore(await api.call('backup.restore', { token: picked.token }));
          }),
      });
    },
    exportOne: (name) =>
      run('正在导出…', async () => {
        const ref = await api.call('backup.export', { name });
        if (await saveFile(ref)) message.success(`已导出：${ref.fileName}`);
      }),
  };
}
