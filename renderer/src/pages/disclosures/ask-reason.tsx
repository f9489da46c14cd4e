import { Input, type App } from 'antd';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/**
 * A confirm dialog with a 原因 box: deletions are kept in the audit log with why they happened. Resolves to the
 * reason ('' when the box was left empty), or null when the clerk cancels.
 */
export function askReason(modal: ModalApi, title: string, what: string): Promise<string | null> {
  let reason = '';
  return new Promise((resolve) => {
    modal.confirm({
      title,
      content: (
        <div>
          <p style={{ marginBottom: 8 }}>{what}</p>
          <Input.TextArea
            aria-label="删除原因"
            data-testid="remove-reason"
            placeholder="请说明原因（记入操作记录）"
            maxLength={200}
            autoSize={{ minRows: 2 }}
            onChange={(e) => (reason = e.target.value)}
          />
        </div>
      ),
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => resolve(reason.trim()),
      onCancel: () => resolve(null),
    });
  });
}
