import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tooltip, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { parsePeriod, periodLabel, type CataloguePeriod } from '../../../../shared/domain/disclosure-labels';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { PrintSheet } from '../../components/print/PrintPreview';
import { useMakeFile } from '../../components/print/use-make-file';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { periodText } from './disclosure-filter';
import { PeriodPicker } from './PeriodPicker';

function thisMonth(): CataloguePeriod {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1 };
}

/** 公开目录: a month's or a year's catalogue as it will print, then PDF (A4 landscape) or Excel. */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const period = parsePeriod(params.get('period') ?? '') ?? thisMonth();
  const input = { year: period.year, month: period.month ?? null };
  const preview = useChannel('disclosures.catalogueHtml', input);
  const { making, problem, make: makeFile } = useMakeFile<'pdf' | 'xlsx'>();
  const make = (kind: 'pdf' | 'xlsx') =>
    makeFile(kind, () => api.call(kind === 'pdf' ? 'disclosures.cataloguePdf' : 'disclosures.catalogueXlsx', input));
  useShortcut('ctrl+p', () => void make('pdf'));

  return (
    <div>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 12 }}>
        <PeriodPicker value={period} onChange={(p) => p && setParams({ period: periodText(p) }, { replace: true })} />
        <Typography.Text data-testid="catalogue-count">
          {preview.data ? `${periodLabel(period)}共 ${preview.data.count} 项` : '正在排版…'}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space>
          <Tooltip title={`生成 PDF（${keyLabel('ctrl+p')}），A4 横向`}>
            <Button type="primary" icon={<FilePdfOutlined />} loading={making === 'pdf'} disabled={!preview.data} onClick={() => void make('pdf')}>
              生成 PDF
            </Button>
          </Tooltip>
          <Button icon={<FileExcelOutlined />} loading={making === 'xlsx'} disabled={!preview.data} onClick={() => void make('xlsx')}>
            导出 Excel
          </Button>
        </Space>
      </div>
      {(problem ?? preview.problem) && <Alert type="error" showIcon title={problem ?? preview.problem} style={{ marginBottom: 12 }} />}
      <PrintSheet
        doc={preview.data ? { html: preview.data.html, title: '公开目录', landscape: true } : null}
        testId="catalogue-preview"
        height="max(420px, calc(100vh - 250px))"
        failed={!!preview.problem}
      />
    </div>
  );
}
