import { CloseOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { keyLabel } from '../../hooks/use-shortcut';

/** The header above every record form: title (and a note beside it), 取消 (Esc) and 保存 (Ctrl+S). */
export function FormHeader({ title, note, saving, onCancel, onSave }: { title: string; note?: ReactNode; saving: boolean; onCancel: () => void; onSave: () => void }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16, flexWrap: 'wrap' }}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="form-title">
        {title}
      </Typography.Title>
      {note}
      <div style={{ flex: 1 }} />
      <Space>
        <Tooltip title="取消（Esc）">
          <Button icon={<CloseOutlined />} onClick={onCancel}>
            取消
          </Button>
        </Tooltip>
        <Tooltip title={`保存（${keyLabel('ctrl+s')}）`}>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSave}>
            保存
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
}
