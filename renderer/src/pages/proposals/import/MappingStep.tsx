import { Alert, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ImportColumn, ProposalImportPreview } from '../../../../../shared/contract';

const NOT_IMPORTED = '__none__';

interface Props {
  preview: ProposalImportPreview;
  replay: boolean;
  busy: boolean;
  onField: (header: string, field: string | null) => void;
  onReplay: (on: boolean) => void;
}

const SOURCE_TEXT: Record<ProposalImportPreview['mappingSource'], string> = {
  detected: '列对应按表头自动识别，请核对；改动后会立即重新检查。',
  remembered: '这种表头以前导入过，已沿用上次核对后的列对应。',
  chosen: '列对应已按您的选择调整。',
};

/**
 * 核对表头与列对应: each column of the sheet with the field it goes to. A correction is sent at once and the
 * preview recomputed; after a successful import the corrected mapping is remembered for this header layout.
 */
export function MappingStep({ preview, replay, busy, onField, onReplay }: Props) {
  const options = [...preview.fields.map((f) => ({ value: f.key, label: f.label })), { value: NOT_IMPORTED, label: '（不导入）' }];
  const first = preview.rows[0];
  return (
    <div>
      <Typography.Paragraph>
        工作表「{preview.sheet}」，表头在第 {preview.headerRows.join('、')} 行。{SOURCE_TEXT[preview.mappingSource]}
      </Typography.Paragraph>
      {preview.notes.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="表格识别" description={preview.notes.map((n) => <div key={n}>{n}</div>)} />
      )}
      {preview.blockers.map((b) => (
        <Alert key={b} type="error" showIcon style={{ marginBottom: 12 }} title={b} data-testid="import-blocker" />
      ))}
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Switch checked={replay} onChange={onReplay} disabled={busy} aria-label="按结果列补记办理过程" />
        <Typography.Text>按表中的审查意见、答复类别、答复日期、满意度等列补记立案、交办、答复、反馈</Typography.Text>
      </div>
      <Table<ImportColumn>
        size="small"
        rowKey="index"
        data-testid="mapping-table"
        pagination={false}
        dataSource={preview.columns}
        columns={[
          { title: '列', dataIndex: 'letter', width: 48 },
          { title: '表头', dataIndex: 'header', width: 200 },
          {
            title: '第一行的内容',
            key: 'sample',
            ellipsis: true,
            render: (_v, c) => {
              const i = preview.columns.indexOf(c);
              return <Typography.Text type="secondary">{first?.cells[i]?.raw ?? ''}</Typography.Text>;
            },
          },
          {
            title: '导入为',
            key: 'field',
            width: 230,
            render: (_v, c) => (
              <Select
                aria-label={`「${c.header}」导入为`}
                style={{ width: 210 }}
                value={c.field ?? NOT_IMPORTED}
                disabled={busy}
                options={options}
                onChange={(v: string) => onField(c.header, v === NOT_IMPORTED ? null : v)}
              />
            ),
          },
          {
            title: '说明',
            key: 'hint',
            render: (_v, c) => (
              <span>
                {c.userChosen && <Tag color="blue">已调整</Tag>}
                {c.hint && <Typography.Text type={c.confidence > 0 && c.confidence < 1 ? 'warning' : 'secondary'}>{c.hint}</Typography.Text>}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
