import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Typography } from 'antd';
import { MEMBER_COLUMNS } from './member-columns';

interface Props {
  value: string[];
  onChange: (keys: string[]) => void;
}

/** Which columns the list shows; the choice is remembered on this computer. */
export function ColumnChooser({ value, onChange }: Props) {
  const content = (
    <div data-testid="column-chooser" style={{ width: 260 }}>
      <Checkbox.Group
        value={value}
        onChange={(keys) => onChange(MEMBER_COLUMNS.filter((c) => c.fixed || keys.includes(c.key)).map((c) => c.key))}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 6 }}
        options={MEMBER_COLUMNS.map((c) => ({ value: c.key, label: c.title, disabled: c.fixed }))}
      />
      <Space style={{ marginTop: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          选择会记住，下次打开仍然有效
        </Typography.Text>
        <Typography.Link onClick={() => onChange(MEMBER_COLUMNS.filter((c) => c.initial).map((c) => c.key))}>恢复默认</Typography.Link>
      </Space>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示哪些列" content={content}>
      <Button icon={<SettingOutlined />}>列</Button>
    </Popover>
  );
}
