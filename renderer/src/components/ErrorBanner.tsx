import { Alert, Space } from 'antd';
import { useSyncExternalStore } from 'react';
import { dismissError, errorStore } from './error-store';

/** The one place failed calls are shown, above the page, until the clerk closes them. */
export function ErrorBanner() {
  const items = useSyncExternalStore(errorStore.subscribe, errorStore.snapshot);
  if (!items.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="error-banner">
      {items.map((e) => (
        <Alert
          key={e.id}
          type="error"
          showIcon
          title={e.message}
          description={e.code === 'INTERNAL' && e.correlationId ? `错误编号：${e.correlationId}` : undefined}
          closable={{ onClose: () => dismissError(e.id), 'aria-label': '关闭' }}
        />
      ))}
    </Space>
  );
}
