import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { FileRef } from '../../../../shared/contract';
import { parsePeriod, periodLabel, type CataloguePeriod } from '../../../../shared/domain/disclosure-labels';
import { api, errorMessage } from '../../api';
import { saveFile } from '../../api/platform';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { periodText } from './disclosure-filter';
import { PeriodPicker } from './PeriodPicker';
import { useLoad } from './use-load';

/** A4 landscape at the CSS 96 dpi the template is laid out in. */
const A4_W = 1123;
const A4_H = 794;

function thisMonth(): CataloguePeriod {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1 };
}

/** 公开目录: a month's or a year's catalogue as it will print, then PDF (A4 landscape) or Excel. */
export function CataloguePage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const period = parsePeriod(params.get('period') ?? '') ?? thisMonth();
  const input = { year: period.year, month: period.month ?? null };
  const preview = useLoad(() => api.call('disclosures.catalogueHtml', input), periodText(period));
  const [making, setMaking] = useState<'pdf' | 'xlsx' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const make = async (kind: 'pdf' | 'xlsx') => {
    if (making) return;
    setMaking(kind);
    setProblem(null);
    try {
      const ref: FileRef = await api.call(kind === 'pdf' ? 'disclosures.cataloguePdf' : 'disclosures.catalogueXlsx', input);
      const saved = await saveFile(ref);
      if (saved) message.success(api.transport === 'ipc' ? '已保存' : `已生成：${ref.fileName}`);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setMaking(null);
    }
  };
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
      <div
        style={{
          background: '#e9e9e9',
          padding: 16,
          height: 'max(420px, calc(100vh - 250px))',
          overflow: 'auto',
          display: 'flex',
          justifyContent: 'center',
          alignItems: 'flex-start',
        }}
      >
        {preview.data ? (
          // Sandboxed, no scripts: the HTML is escaped data, but the frame does not have to trust that.
          <iframe
            title="公开目录预览"
            data-testid="catalogue-preview"
            sandbox=""
            srcDoc={preview.data.html}
            style={{ width: A4_W, height: A4_H, flex: 'none', border: 'none', background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.25)' }}
          />
        ) : (
          !preview.problem && <Spin description="正在排版…" style={{ marginTop: 80 }} />
        )}
      </div>
    </div>
  );
}
