import { Alert } from 'antd';

/** The form's one general problem (not tied to a field), above the fields; closable when `onClose` is given. */
export function FormProblem({ text, onClose }: { text: string | null; onClose?: () => void }) {
  if (!text) return null;
  return (
    <Alert type="error" showIcon title={text} style={{ marginBottom: 16 }} data-testid="form-error" {...(onClose ? { closable: { onClose, 'aria-label': '关闭' } } : {})} />
  );
}
