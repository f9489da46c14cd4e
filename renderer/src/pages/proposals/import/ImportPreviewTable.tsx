import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { ImportColumn, ImportIssue } from '../../../../../shared/contract';

/** What a preview row of any import has: its Excel row, each column's raw text and parsed value, findings. */
export interface PreviewLike {
  excelRow: number;
  cells: { raw: string; value: string }[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

interface Props<R extends PreviewLike> {
  columns: ImportColumn[];
  rows: R[];
  /** The result column after the row number (提案 第001号 / 跳过 …). */
  lead: { title: string; width: number; render: (row: R) => ReactNode };
  testId?: string;
}

const issueText = (i: ImportIssue) => `${i.column ? `${i.column} 列：` : ''}${i.message}`;

/**
 * The rows as the file has them, column by column: the parsed value, and beneath it in grey the cell as it
 * was typed when the two differ. A cell with an error is red, one with a warning amber; the last column lists
 * every finding of the row in words, right after what the row becomes. Columns not imported are left out.
 */
export function ImportPreviewTable<R extends PreviewLike>({ columns, rows, lead, testId }: Props<R>) {
  const mapped = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.field && c.field !== 'seq');
  const tableColumns: ColumnsType<R> = [
    { title: '行', dataIndex: 'excelRow', width: 56, fixed: 'left', align: 'right' },
    { title: lead.title, key: 'lead', width: lead.width, fixed: 'left', render: (_v, r) => lead.render(r) },
    {
      title: '检查结果',
      key: 'issues',
      width: 300,
      render: (_v, r) =>
        r.errors.length || r.warnings.length ? (
          <div>
            {r.errors.map((e, k) => (
              <Typography.Text key={`e${k}`} type="danger" style={{ display: 'block' }}>
                {issueText(e)}
              </Typography.Text>
            ))}
            {r.warnings.map((w, k) => (
              <Typography.Text key={`w${k}`} type="warning" style={{ display: 'block' }}>
                {issueText(w)}
              </Typography.Text>
            ))}
          </div>
        ) : (
          <Typography.Text type="success">无误</Typography.Text>
        ),
    },
    ...mapped.map(({ c, i }) => ({
      key: `col-${c.index}`,
      title: (
        <span title={`${c.letter} 列「${c.header}」`}>
          {c.fieldLabel}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}>
            {c.letter} 列 {c.header}
          </Typography.Text>
        </span>
      ),
      width: c.field === 'reasons' || c.field === 'suggestions' || c.field === 'title' ? 220 : 130,
      onCell: (r: R) => {
        const bad = r.errors.some((e) => e.column === c.letter);
        const warn = !bad && r.warnings.some((w) => w.column === c.letter);
        return { style: bad ? { background: '#fff1f0' } : warn ? { background: '#fffbe6' } : {} };
      },
      render: (_v: unknown, r: R) => {
        const cell = r.cells[i];
        if (!cell) return null;
        // 张三丰 → 张三丰（第一代表团） only adds to what was typed; 赵敏，钱学森 → 赵敏、钱学森 changed it.
        const differs = cell.raw.trim() !== '' && !cell.value.startsWith(cell.raw.trim());
        return (
          <div style={{ maxHeight: 66, overflow: 'hidden' }}>
            {cell.value && <div>{cell.value}</div>}
            {differs && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-raw>
                原：{cell.raw}
              </Typography.Text>
            )}
          </div>
        );
      },
    })),
  ];
  return (
    <Table<R>
      size="small"
      bordered
      data-testid={testId}
      rowKey="excelRow"
      columns={tableColumns}
      dataSource={rows}
      scroll={{ x: 'max-content', y: 420 }}
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
    />
  );
}
