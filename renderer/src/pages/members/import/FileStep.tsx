import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';

/** Step 1: the clerk picks the roster; the main process gets only a file token. */
export function FileStep({ busy, fileName, onPick }: { busy: boolean; fileName: string | null; onPick: () => void }) {
  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%', alignItems: 'center', padding: '24px 0' }}>
        <FileExcelOutlined style={{ fontSize: 48, color: '#1d6f42' }} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          选择要导入的会员花名册
        </Typography.Title>
        <Typography.Text type="secondary">
          支持 Excel（.xlsx、.xls）、WPS 另存的表格、CSV（UTF-8 或 GBK）和 Excel 2003 XML。标题行、两行表头、合并单元格和表尾合计都能识别。
        </Typography.Text>
        <Button type="primary" size="large" icon={<UploadOutlined />} loading={busy} onClick={onPick} data-testid="import-pick">
          选择文件
        </Button>
        {fileName && <Typography.Text data-testid="import-file-name">已选择：{fileName}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          导入前会先预览，确认后才写入；写入前自动备份，导入后可整批撤销。文件中没有的会员不会被删除。
        </Typography.Text>
      </Space>
    </Card>
  );
}
