import { Card, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { MENU_BACKUP_JOB_ID } from '../../../../shared/contract';
import { api } from '../../api';
import { percentOf, type JobProgress } from '../import/use-job';

/** As useJob: a backup that ends sooner than this never shows a bar. */
const SLOW_MS = 400;
/** No news for this long (the backup failed: the menu's own message box says why) and the bar goes. */
const QUIET_MS = 5_000;

/**
 * 文件 → 立即备份 in the desktop menu: the main process starts the backup, not this window, so nothing here holds
 * its job. Its copy reports under MENU_BACKUP_JOB_ID (the same progress:update events as 设置 → 立即备份); this
 * shows them on whatever page is open, until the last page is copied or the backup is listed (backup:created).
 */
export function MenuBackupProgress() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [shown, setShown] = useState(false);
  const timers = useRef<{ slow?: ReturnType<typeof setTimeout>; quiet?: ReturnType<typeof setTimeout> }>({});

  useEffect(() => {
    const t = timers.current;
    const end = () => {
      clearTimeout(t.slow);
      clearTimeout(t.quiet);
      t.slow = undefined;
      setProgress(null);
      setShown(false);
    };
    const offProgress = api.on('progress:update', (p) => {
      if (p.jobId !== MENU_BACKUP_JOB_ID) return;
      if (p.total !== null && p.done >= p.total) return end();
      setProgress({ label: p.label, done: p.done, total: p.total });
      t.slow ??= setTimeout(() => setShown(true), SLOW_MS);
      clearTimeout(t.quiet);
      t.quiet = setTimeout(end, QUIET_MS);
    });
    const offCreated = api.on('backup:created', end);
    return () => {
      offProgress();
      offCreated();
      clearTimeout(t.slow);
      clearTimeout(t.quiet);
    };
  }, []);

  if (!shown || !progress) return null;
  return (
    <Card size="small" data-testid="menu-backup-progress" style={{ position: 'fixed', right: 24, bottom: 24, width: 320, zIndex: 1100, boxShadow: '0 4px 12px rgba(0,0,0,0.15)' }}>
      <Typography.Text strong>正在备份（文件 → 立即备份）</Typography.Text>
      <Progress percent={percentOf(progress)} status="active" aria-label="备份进度" />
      <Typography.Text type="secondary">{progress.label}</Typography.Text>
    </Card>
  );
}
