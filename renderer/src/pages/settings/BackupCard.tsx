import { CloudUploadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Spin, Typography } from 'antd';
import { BackupTable } from '../../components/backup/BackupTable';
import { useBackups } from '../../components/backup/use-backups';
import { percentOf } from '../../components/import/use-job';

export function BackupCard() {
  const b = useBackups();
  return (
    <Card
      title="备份与恢复"
      extra={
        <Space>
          <Button icon={<CloudUploadOutlined />} disabled={!!b.busy} onClick={() => void b.restoreFromFile()}>
            从文件恢复…
          </Button>
          <Button type="primary" icon={<SafetyOutlined />} disabled={!!b.busy} onClick={() => void b.create()}>
            立即备份
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        程序在升级、导入、归档和恢复之前，以及有修改时每隔一段时间，都会自动备份。备份保存在数据文件夹的 backups
        文件夹中；导出的备份可以拷到 U 盘另外保存。
      </Typography.Paragraph>
      {b.progress && (
        <div data-testid="backup-progress" style={{ marginBottom: 12 }}>
          <Progress percent={percentOf(b.progress)} status="active" aria-label="备份进度" />
          <Typography.Text type="secondary">{b.progress.label}</Typography.Text>
        </div>
      )}
      <Spin spinning={!!b.busy} description={b.busy ?? undefined}>
        <BackupTable list={b.list} busy={!!b.busy} onRestore={(n) => void b.restore(n)} onExport={(n) => void b.exportOne(n)} />
      </Spin>
    </Card>
  );
}
