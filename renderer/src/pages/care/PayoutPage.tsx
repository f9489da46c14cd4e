import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { PrintSheet } from '../../components/print/PrintPreview';
import { useMakeFile } from '../../components/print/use-make-file';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';

/** 慰问金发放表 of a month: the preview as it will print (A4, 领款人签字 column, 大写 total), then PDF. */
export function PayoutPage() {
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const input = { year: month.year(), month: month.month() + 1 };
  const preview = useChannel('care.payoutHtml', input);
  const file = useMakeFile<'pdf'>();
  const make = () => void file.make('pdf', () => api.call('care.payoutPdf', input), 'PDF');
  useShortcut('ctrl+p', make);
  return (
    <div>
      <ListToolbar>
        <DatePicker picker="month" aria-label="月份" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} />
        <Typography.Text data-testid="payout-count">{preview.data ? `本月发放 ${preview.data.count} 人次` : '正在排版…'}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Tooltip title={`生成 PDF（${keyLabel('ctrl+p')}），A4 纵向`}>
          <Button type="primary" icon={<FilePdfOutlined />} loading={file.making === 'pdf'} disabled={!preview.data} onClick={make}>
            生成 PDF
          </Button>
        </Tooltip>
      </ListToolbar>
      {(preview.problem ?? file.problem) && <Alert type="error" showIcon message={preview.problem ?? file.problem} style={{ marginBottom: 12 }} />}
      <PrintSheet doc={preview.data ? { html: preview.data.html, title: '慰问金发放表' } : null} testId="payout-preview" height="max(420px, calc(100vh - 250px))" />
    </div>
  );
}
