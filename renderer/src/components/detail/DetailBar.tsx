import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  onBack: () => void;
  /** What the record is called, with its status tags. */
  children: ReactNode;
  /** The buttons on the right. */
  actions: ReactNode;
  marginBottom?: number;
}

/** The top line of a record's page: 返回, the record's name and status, and what can be done with it. */
export function DetailBar({ onBack, children, actions, marginBottom = 16 }: Props) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom }}>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回">
        返回
      </Button>
      {children}
      <div style={{ flex: 1 }} />
      <Space wrap>{actions}</Space>
    </div>
  );
}
