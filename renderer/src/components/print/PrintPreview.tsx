import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../../shared/contract';
import { errorMessage } from '../../api';
import { useMakeFile } from './use-make-file';

/** A4 at the CSS 96 dpi the core's print templates are laid out in. */
const A4_SHORT = 794;
const A4_LONG = 1123;

export interface PrintDoc {
  html: string;
  /** The printed form's name (工会会员登记表, 提案汇编 …); the frame is named after it. */
  title: string;
  landscape?: boolean;
}

interface SheetProps {
  /** null while the core is still laying it out. */
  doc: PrintDoc | null;
  /** The frame's data-testid, which the E2E specs look for. */
  testId: string;
  /** CSS height of the grey desk the page lies on. */
  height: string;
  /** The page will not come (an error is shown above): no spinner then. */
  failed?: boolean;
}

/**
 * One printed document as it will come out: the core's HTML on a grey desk in a frame of A4 proportions,
 * portrait or landscape. The frame is sandboxed (no scripts, no same-origin access): the HTML is escaped data,
 * but the frame does not have to trust that.
 */
export function PrintSheet({ doc, testId, height, failed }: SheetProps) {
  const landscape = doc?.landscape ?? false;
  return (
    <div
      style={{ background: '#e9e9e9', padding: 16, height, overflow: 'auto', display: 'flex', justifyContent: 'center', alignItems: 'flex-start' }}
    >
      {doc ? (
        <iframe
          title={`${doc.title}预览`}
          data-testid={testId}
          sandbox=""
          srcDoc={doc.html}
          style={{
            width: landscape ? A4_LONG : A4_SHORT,
            height: landscape ? A4_SHORT : A4_LONG,
            flex: 'none',
            border: 'none',
            background: '#fff',
            boxShadow: '0 2px 8px rgba(0,0,0,.25)',
          }}
        />
      ) : (
        !failed && <Spin description="正在排版…" style={{ marginTop: 80 }} />
      )}
    </div>
  );
}

interface PreviewProps {
  open: boolean;
  /** Names the document: while open, a new key lays it out again. */
  docKey: string;
  /** Lays the document out in the core; called each time the dialog opens, so it shows the data as it is now. */
  load: () => Promise<PrintDoc>;
  /** The same document as a PDF file in the core, handed to the clerk to save; null: cancelled on the way. */
  makePdf: () => Promise<FileRef | null>;
  onClose: () => void;
  testId: string;
  /** What the dialog's title names after 打印预览：; the document's own title when not given. */
  title?: string;
}

/** 打印预览 dialog of one printed form: the page as it will print, 生成 PDF to keep or print a copy, 关闭. */
export function PrintPreview({ open, docKey, load, makePdf, onClose, testId, title }: PreviewProps) {
  const [doc, setDoc] = useState<PrintDoc | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const pdf = useMakeFile<'pdf'>();
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (!open) return;
    let live = true;
    loadRef
      .current()
      .then((d) => live && setDoc(d))
      .catch((e: unknown) => live && setLoadProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [open, docKey]);

  const problem = pdf.problem ?? loadProblem;
  return (
    <Modal
      title={`打印预览：${title ?? doc?.title ?? ''}`}
      open={open}
      onCancel={onClose}
      width={(doc?.landscape ? A4_LONG : A4_SHORT) + 80}
      style={{ top: 24 }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setDoc(null);
          setLoadProblem(null);
          pdf.setProblem(null);
        }
      }}
      footer={[
        <Button key="pdf" type="primary" icon={<FilePdfOutlined />} loading={pdf.making === 'pdf'} disabled={!doc || !open} onClick={() => void pdf.make('pdf', makePdf, 'PDF')}>
          生成 PDF
        </Button>,
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <PrintSheet doc={doc} testId={testId} height="max(360px, calc(100vh - 230px))" failed={!!problem} />
    </Modal>
  );
}
