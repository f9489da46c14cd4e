import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { reportError } from '../../components/error-store';
import { useAppState } from '../../state/app-state';

/** Where the data lives, so the clerk (or whoever backs up the PC) can find it. */
export function DataCard() {
  const { info } = useAppState();
  const { message } = App.useApp();
  const [opening, setOpening] = useState(false);
  if (!info) return null;

  const openFolder = async () => {
    setOpening(true);
    try {
      const { opened } = await api.call('app.openDataFolder', {});
      if (opened) message.success('已在文件管理器中打开数据文件夹');
      else message.warning(`无法自动打开文件夹，请手动打开：${info.dataDir}`, 8);
    } catch (e) {
      reportError(e);
    } finally {
      setOpening(false);
    }
  };

  return (
    <Card
      title="数据"
      extra={
        <Button icon={<FolderOpenOutlined />} loading={opening} onClick={() => void openFolder()}>
          打开数据文件夹
        </Button>
      }
    >
      <Descriptions
        column={1}
        size="small"
        data-testid="data-info"
        items={[
          {
            key: 'dataDir',
            label: '数据文件夹',
            children: <Typography.Text copyable={{ text: info.dataDir, tooltips: ['复制', '已复制'] }}>{info.dataDir}</Typography.Text>,
          },
          {
            key: 'dbPath',
            label: '数据库文件',
            children: <Typography.Text copyable={{ text: info.dbPath, tooltips: ['复制', '已复制'] }}>{info.dbPath}</Typography.Text>,
          },
          {
            key: 'schema',
            label: '数据库结构版本',
            children: `${info.schemaVersion}（本程序支持到 ${info.appSchemaVersion}）`,
          },
          { key: 'version', label: '程序版本', children: info.appVersion },
        ]}
      />
    </Card>
  );
}
