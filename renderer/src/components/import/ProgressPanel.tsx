import { Button, Card, Progress, Space, Typography } from 'antd';
import { percentOf, type JobProgress } from './use-job';

/** A running job: what it is doing, how far, and a way to stop it (nothing is written when stopped). */
export function ProgressPanel({
  title,
  progress,
  onCancel,
  note = '取消后不会写入任何数据。',
}: {
  title: string;
  progress: JobProgress | null;
  onCancel: () => void;
  note?: string;
}) {
  const percent = percentOf(progress);
  const counted = progress?.total && progress.label !== '正在读取工作表';
  return (
    <Card data-testid="import-progress">
      <Space orientation="vertical" style={{ width: '100%', alignItems: 'center', padding: '24px 0' }} size="middle">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Progress percent={percent} status="active" style={{ width: 'min(480px, 80%)' }} aria-label="进度" />
        <Typography.Text type="secondary" data-testid="import-progress-label">
          {progress?.label ?? '正在准备'}
          {counted ? `（${progress.done.toLocaleString()} / ${progress.total!.toLocaleString()}）` : ''}
        </Typography.Text>
        <Button onClick={onCancel} data-testid="import-cancel">
          取消
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Space>
    </Card>
  );
}
