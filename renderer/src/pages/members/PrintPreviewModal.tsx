import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { saveFile } from '../../api/platform';

/** A4 at the CSS 96 dpi the template is laid out in. */
const A4_W = 794;
const A4_H = 1123;

interface Props {
  memberId: number;
  memberName: string;
  open: boolean;
  onClose: () => void;
}

/**
 * 打印登记表: the core's template shown as it will print, in a sandboxed frame (no scripts, no same-origin
 * access: the HTML is escaped data, but the frame does not have to trust that), and 生成 PDF to keep a copy.
 */
export function PrintPreviewModal({ memberId, memberName, open, onClose }: Props) {
  const { message } = App.useApp();
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [making, setMaking] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    api
      .call('members.registrationHtml', { id: memberId })
      .then((r) => live && setHtml(r.html))
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [open, memberId]);

  const makePdf = async () => {
    setMaking(true);
    setProblem(null);
    try {
      const ref = await api.call('members.registrationPdf', { id: memberId });
      const saved = await saveFile(ref);
      if (saved) message.success(api.transport === 'ipc' ? '已保存 PDF' : `已生成 PDF：${ref.fileName}`);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setMaking(false);
    }
  };

  return (
    <Modal
      title={`打印预览：${memberName} 的工会会员登记表`}
      open={open}
      onCancel={onClose}
      width={A4_W + 80}
      style={{ top: 24 }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setHtml(null);
          setProblem(null);
        }
      }}
      footer={[
        <Button key="pdf" type="primary" icon={<FilePdfOutlined />} loading={making} disabled={!html} onClick={() => void makePdf()}>
          生成 PDF
        </Button>,
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <div
        style={{
          background: '#e9e9e9',
          padding: 16,
          height: 'calc(100vh - 230px)',
          minHeight: 360,
          overflow: 'auto',
          display: 'flex',
          justifyContent: 'center',
        }}
      >
        {html ? (
          <iframe
            title="工会会员登记表预览"
            data-testid="registration-preview"
            sandbox=""
            srcDoc={html}
            style={{ width: A4_W, height: A4_H, flex: 'none', border: 'none', background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.25)' }}
          />
        ) : (
          !problem && <Spin description="正在排版…" style={{ marginTop: 80 }} />
        )}
      </div>
    </Modal>
  );
}
