import { CloudUploadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { api } from '../../api';
import { BackupTable } from '../../components/backup/BackupTable';
import { useBackups } from '../../components/backup/use-backups';
import { ErrorBanner } from '../../components/ErrorBanner';
import { reportError } from '../../components/error-store';
import { useAppState } from '../../state/app-state';

/**
 * Shown instead of the app when the database failed its integrity check at start. Only the recovery
 * channels work now, so this screen offers exactly those: restore from a backup, or from a file.
 */
const RECOVERY_RESTORE_WARNING = '损坏的数据库文件将被这份备份替换。';

export function RecoveryPage() {
  const { info } = useAppState();
  const { message } = App.useApp();
  const b = useBackups();

  const openFolder = async () => {
    try {
      const { opened } = await api.call('app.openDataFolder', {});
      if (!opened) message.warning(`无法自动打开文件夹，请手动打开：${info?.dataDir ?? ''}`, 8);
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <div style={{ minHeight: '100vh', overflow: 'auto', padding: 24, boxSizing: 'border-box' }} data-testid="recovery">
      <div style={{ maxWidth: 900, margin: '0 auto' }}>
        <ErrorBanner />
        <Result
          status="warning"
          title="数据库未通过完整性检查"
          subTitle={
            <>
              <Typography.Paragraph>
                工会台账打开数据时发现数据库文件已损坏或不完整，为了不让问题扩大，程序没有继续使用它。请从下面的备份中选一份恢复，通常选最近的一份。
              </Typography.Paragraph>
              {info?.recoveryReason && (
                <Typography.Paragraph type="secondary">检查结果：{info.recoveryReason}</Typography.Paragraph>
              )}
              <Typography.Paragraph type="secondary">
                数据库文件：{info?.dbPath}。恢复会用备份替换这个文件；如果想把损坏的文件留给技术人员检查，请先打开数据文件夹把它复制出来。
              </Typography.Paragraph>
            </>
          }
          extra={
            <Space wrap>
              <Button icon={<CloudUploadOutlined />} disabled={!!b.busy} onClick={() => void b.restoreFromFile()}>
                从文件恢复…
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => void openFolder()}>
                打开数据文件夹
              </Button>
            </Space>
          }
        />
        <Card title="可用的备份">
          <Spin spinning={!!b.busy} description={b.busy ?? undefined}>
            <BackupTable
              list={b.list}
              busy={!!b.busy}
              warning={RECOVERY_RESTORE_WARNING}
              onRestore={(n) => void b.restore(n)}
            />
          </Spin>
        </Card>
      </div>
    </div>
  );
}
