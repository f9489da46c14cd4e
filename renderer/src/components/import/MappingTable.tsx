import { Alert, Select, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ImportColumn, SheetSummary } from '../../../../shared/contract';

const NOT_IMPORTED = '__none__';

/** What the small imports' previews (proposals, dues, …) share for the column step. */
export interface MappingPreview {
  sheet: string;
  headerRows: number[];
  notes: string[];
  blockers: string[];
  columns: ImportColumn[];
  fields: { key: string; label: string }[];
  rows: { cells: { raw: string }[] }[];
}

interface Props {
  preview: MappingPreview;
  busy: boolean;
  onField: (header: string, field: string | null) => void;
  /** The sentence after 「表头在第 N 行。」: where the mapping came from, and what else applies. */
  intro: ReactNode;
  /** Between the alerts and the table (a switch that changes what the columns mean, say). */
  extra?: ReactNode;
  selectWidth?: number;
}

/**
 * 核对列对应 for the small imports: each column of the sheet, its first value and the field it goes to. A
 * correction is sent at once and the preview recomputed; the blockers stay above the table so the clerk sees
 * why 下一步 is disabled.
 */
export function MappingTable({ preview, busy, onField, intro, extra, selectWidth = 180 }: Props) {
  const options = [...preview.fields.map((f) => ({ value: f.key, label: f.label })), { value: NOT_IMPORTED, label: '（不导入）' }];
  const first = preview.rows[0];
  return (
    <div>
      <Typography.Paragraph>
        工作表「{preview.sheet}」，表头在第 {preview.headerRows.join('、')} 行。{intro}
      </Typography.Paragraph>
      {preview.notes.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="表格识别" description={preview.notes.map((n) => <div key={n}>{n}</div>)} />
      )}
      {preview.blockers.map((b) => (
        <Alert key={b} type="error" showIcon style={{ marginBottom: 12 }} title={b} data-testid="import-blocker" />
      ))}
      {extra}
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
            render: (_v, c) => <Typography.Text type="secondary">{first?.cells[preview.columns.indexOf(c)]?.raw ?? ''}</Typography.Text>,
          },
          {
            title: '导入为',
            key: 'field',
            width: selectWidth + 20,
            render: (_v, c) => (
              <Select
                aria-label={`「${c.header}」导入为`}
                style={{ width: selectWidth }}
                value={c.field ?? NOT_IMPORTED}
                disabled={busy}
                options={options}
                // A long field list: typing 办法 finds 办法和建议 without scrolling.
                showSearch={{ optionFilterProp: 'label' }}
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

/** The sheet a wizard offers first: the first visible one with records, else any with records. */
export function firstImportableSheet(sheets: SheetSummary[]): string | null {
  return (sheets.find((s) => s.records !== null && !s.hidden) ?? sheets.find((s) => s.records !== null))?.name ?? null;
}
