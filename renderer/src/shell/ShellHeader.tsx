import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Layout, Popover, Space, Tag, Typography, theme } from 'antd';
import { keyLabel } from '../hooks/use-shortcut';
import { useAppState } from '../state/app-state';

/**
 * Shortcuts in one table so the hint and the pages agree; pages bind them with useShortcut. Only keys that
 * work today are listed: record pages add Ctrl+N (新建), Ctrl+F (搜索) and Ctrl+P (打印) when they arrive.
 */
export const SHORTCUTS: { spec: string; what: string }[] = [
  { spec: 'ctrl+n', what: '新建（会员、提案、公开事项）' },
  { spec: 'ctrl+f', what: '把光标放到检索框' },
  { spec: 'ctrl+s', what: '保存当前表单' },
  { spec: 'ctrl+p', what: '打印预览（登记表、提案表、公开目录）' },
  { spec: 'escape', what: '取消编辑' },
];

function ShortcutHelp() {
  return (
    <table style={{ borderCollapse: 'collapse' }} data-testid="shortcut-help">
      <tbody>
        {SHORTCUTS.map((s) => (
          <tr key={s.spec}>
            <td style={{ padding: '2px 12px 2px 0' }}>
              <Typography.Text keyboard>{keyLabel(s.spec)}</Typography.Text>
            </td>
            <td>{s.what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShellHeader() {
  const { settings, info } = useAppState();
  const { token } = theme.useToken();
  const unit = settings.unitName || '（尚未填写单位名称）';
  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: '0 24px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        height: 56,
        lineHeight: '56px',
      }}
    >
      <Space size="middle" data-testid="header-names">
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="header-unit">
          {unit}
        </Typography.Text>
        {settings.unionName && (
          <Typography.Text type="secondary" data-testid="header-union">
            {settings.unionName}
          </Typography.Text>
        )}
      </Space>
      <Space size="middle">
        {info?.host === 'browser' && <Tag color="blue">浏览器模式</Tag>}
        <Popover title="快捷键" content={<ShortcutHelp />} placement="bottomRight">
          <Button type="text" icon={<QuestionCircleOutlined />}>
            快捷键
          </Button>
        </Popover>
      </Space>
    </Layout.Header>
  );
}
