import { App } from 'antd';
import { useRef } from 'react';
import { useNavigate } from 'react-router';

/**
 * Leaving a form with unsaved input asks first (the same words on every form). `busy()` is true while the
 * question is open, so Ctrl+S or a second Esc behind the dialog does nothing; it is reset on the answer, not
 * after the closing animation, so Ctrl+S right after 继续编辑 saves.
 */
export function useLeaveGuard(dirty: () => boolean, what = '表单里有还没保存的内容'): { leave: (to: string) => void; busy: () => boolean } {
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const confirming = useRef(false);
  const leave = (to: string) => {
    if (confirming.current) return;
    if (!dirty()) {
      void navigate(to);
      return;
    }
    confirming.current = true;
    modal.confirm({
      title: '放弃未保存的修改？',
      content: `${what}，离开后这些内容会丢失。`,
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: () => {
        confirming.current = false;
        void navigate(to);
      },
      onCancel: () => {
        confirming.current = false;
      },
    });
  };
  return { leave, busy: () => confirming.current };
}
