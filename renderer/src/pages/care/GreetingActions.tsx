import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import type { FileRef } from '../../../../shared/contract';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useMakeFile } from '../../components/print/use-make-file';

interface Props {
  docKey: string;
  title: string;
  html: () => Promise<{ html: string }>;
  pdf: () => Promise<FileRef>;
  xlsx: () => Promise<FileRef>;
  testId: string;
}

/** 打印名单 (the greeting list with a 领取人签字 column, preview → PDF) and 导出 Excel for a birthday list. */
export function GreetingActions({ docKey, title, html, pdf, xlsx, testId }: Props) {
  const [printing, setPrinting] = useState(false);
  const file = useMakeFile<'xlsx'>();
  return (
    <>
      <Space>
        <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
          打印名单
        </Button>
        <Button icon={<FileExcelOutlined />} loading={file.making === 'xlsx'} onClick={() => void file.make('xlsx', xlsx, 'Excel')}>
          导出 Excel
        </Button>
      </Space>
      {file.problem && <Alert type="error" showIcon message={file.problem} />}
      <PrintPreview
        open={printing}
        docKey={docKey}
        load={async () => ({ html: (await html()).html, title })}
        makePdf={pdf}
        onClose={() => setPrinting(false)}
        testId={testId}
      />
    </>
  );
}
