import { Alert } from 'antd';

/** The non-blocking notes the core returned with a save, shown on the detail page until the clerk closes them. */
export function SaveWarnings({ warnings, onClose }: { warnings: string[]; onClose: () => void }) {
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="save-warnings"
      closable={{ onClose, 'aria-label': '关闭' }}
      style={{ marginBottom: 16 }}
      title="已保存，请留意："
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      }
    />
  );
}
