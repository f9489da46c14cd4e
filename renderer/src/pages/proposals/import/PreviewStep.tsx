import { Alert, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ProposalImportPreview, ProposalPreviewRow } from '../../../../../shared/contract';
import { FixesPanel } from './FixesPanel';
import { ImportPreviewTable } from './ImportPreviewTable';

type Filter = 'all' | 'errors' | 'warnings';

/** The result column of a row: what it becomes and under which number, the steps replayed after 登记. */
export function RowOutcome({ row }: { row: ProposalPreviewRow }) {
  if (row.action === 'skip') return <Tag color="error">不导入</Tag>;
  return (
    <div>
      <Tag color={row.action === 'proposal' ? 'blue' : 'gold'}>{row.action === 'proposal' ? '提案' : '意见建议'}</Tag>
      <div style={{ whiteSpace: 'nowrap' }}>{row.number}</div>
      {row.steps.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          补记：{row.steps.join(' → ')}
        </Typography.Text>
      )}
    </div>
  );
}

interface Props {
  preview: ProposalImportPreview;
  delegations: string[];
  busy: boolean;
  onFixed: (what: string) => void;
}

/** 预览与检查: what will be registered, what is skipped and why, and the fixes the clerk can make here. */
export function PreviewStep({ preview, delegations, busy, onFixed }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const c = preview.counts;
  const rows = preview.rows.filter((r) => (filter === 'errors' ? r.errors.length > 0 : filter === 'warnings' ? r.warnings.length > 0 : true));
  return (
    <div>
      <Space size={32} wrap style={{ marginBottom: 12 }} data-testid="import-counts">
        <Statistic title="读取行数" value={c.rowsRead} />
        <Statistic title="登记为提案" value={c.proposals} />
        <Statistic title="登记为意见建议" value={c.opinions} />
        <Statistic title="补记办理过程" value={c.withHistory} />
        <Statistic title="有错误、不导入" value={c.skipped} styles={{ content: c.skipped ? { color: '#cf1322' } : undefined }} />
      </Space>
      {preview.blockers.map((b) => (
        <Alert key={b} type="error" showIcon style={{ marginBottom: 12 }} title={b} />
      ))}
      <FixesPanel
        fixes={preview.fixes}
        sessionId={preview.session.id}
        sessionLabel={preview.session.label}
        delegations={delegations}
        busy={busy}
        onFixed={onFixed}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: '全部' },
            { value: 'errors', label: `有错误（${c.errorRows}）` },
            { value: 'warnings', label: `有提示（${c.warningRows}）` },
          ]}
        />
        <Typography.Text type="secondary">
          编号按表中顺序预排，实际编号以导入时为准。
          {preview.rows.length < c.rowsRead && `这里列出前 50 行和所有有问题的行（共 ${preview.rows.length} 行）。`}
          {preview.moreIssues > 0 && `另有 ${preview.moreIssues} 条问题未列出。`}
        </Typography.Text>
      </div>
      <ImportPreviewTable<ProposalPreviewRow>
        testId="import-preview"
        columns={preview.columns}
        rows={rows}
        lead={{ title: '导入为', width: 170, render: (r) => <RowOutcome row={r} /> }}
      />
    </div>
  );
}
