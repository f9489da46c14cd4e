import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { PrintRequest } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { saveFile } from '../../api/platform';

/** A4 at the CSS 96 dpi the templates are laid out in. */
const A4_SHORT = 794;
const A4_LONG = 1123;

interface Props {
  request: PrintRequest | null;
  onClose: () => void;
}

/**
 * Print preview of the 提案表, 提案汇编 or 办理情况统计表: the core's template in a sandboxed frame (no scripts,
 * no same-origin access), and 生成 PDF to keep or print a copy.
 */
export function PrintModal({ request, onClose }: Props) {
  const { message } = App.useApp();
  const [doc, setDoc] = useState<{ html: string; title: string; landscape: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (!key) return;
    let live = true;
    api
      .call('proposals.printHtml', JSON.parse(key) as PrintRequest)
      .then((r) => live && setDoc(r))
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [key]);

  const makePdf = async () => {
    if (!request) return;
    setMaking(true);
    setProblem(null);
    try {
      const ref = await api.call('proposals.printPdf', request);
      const saved = await saveFile(ref);
      if (saved) message.success(api.transport === 'ipc' ? '已保存 PDF' : `已生成 PDF：${ref.fileName}`);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setMaking(false);
    }
  };

  const width = doc?.landscape ? A4_LONG : A4_SHORT;
  const height = doc?.landscape ? A4_SHORT : A4_LONG;
  return (
    <Modal
      title={`打印预览：${doc?.title ?? ''}`}
      open={!!request}
      onCancel={onClose}
      width={width + 80}
      style={{ top: 24 }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setDoc(null);
          setProblem(null);
        }
      }}
      footer={[
        <Button key="pdf" type="primary" icon={<FilePdfOutlined />} loading={making} disabled={!doc} onClick={() => void makePdf()}>
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
        {doc ? (
          <iframe
            title={`${doc.title}预览`}
            data-testid="print-preview"
            sandbox=""
            srcDoc={doc.html}
            style={{ width, height: Math.max(height, 1), flex: 'none', border: 'none', background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.25)' }}
          />
        ) : (
          !problem && <Spin description="正在排版…" style={{ marginTop: 80 }} />
        )}
      </div>
    </Modal>
  );
}
