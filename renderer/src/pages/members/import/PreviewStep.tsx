import { Alert, Button, Card, Col, Collapse, Popconfirm, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportIssue, ImportPreview, PreviewRow } from '../../../../../shared/contract';
import { UnitsPanel, WarningsPanel } from './ImportFindings';

type Filter = 'all' | 'errors' | 'warnings' | 'create' | 'update';

export const ACTION_TAGS: Record<PreviewRow['action'], { color: string; label: string }> = {
  create: { color: 'green', label: '新建' },
  update: { color: 'blue', label: '更新' },
  unchanged: { color: 'default', label: '无变化' },
  skip: { color: 'red', label: '跳过' },
};

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onBack: () => void;
  onCommit: () => void;
  /** 新建缺少的分工会、工会小组 on or off (a new preview). */
  onCreateUnits: (create: boolean) => void;
}

const issueText = (i: ImportIssue) => (i.header ? `${i.column} 列「${i.header}」：${i.message}` : i.message);

function Cell({ raw, value, bad, mapped }: { raw: string; value: string; bad: boolean; mapped: boolean }) {
  const changed = mapped && value !== '' && value !== raw;
  return (
    <span className={bad ? 'import-cell-bad' : mapped ? undefined : 'import-cell-unmapped'}>
      <span className="import-cell-raw">{raw}</span>
      {changed && <span className="import-cell-value">→ {value}</span>}
    </span>
  );
}

/** Step 4: what would happen, row by row, before anything is written. */
export function PreviewStep({ preview, busy, onBack, onCommit, onCreateUnits }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const c = preview.counts;
  const rows = useMemo(
    () =>
      preview.rows.filter((r) =>
        filter === 'all' ? true : filter === 'errors' ? r.errors.length > 0 : filter === 'warnings' ? r.warnings.some((w) => !w.benign) : r.action === filter,
      ),
    [preview.rows, filter],
  );
  const multi = preview.chosenSheets.length > 1;
  const writes = c.created + c.updated;
  const issues = [...preview.errors.map((i) => ({ ...i, kind: '错误' })), ...preview.warnings.map((i) => ({ ...i, kind: '提示' }))];
  return (
    <Card>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        {[
          ['读取', c.rowsRead, 'count-read'],
          ['新建', c.created, 'count-created'],
          ['更新', c.updated, 'count-updated'],
          ['无变化', c.unchanged, 'count-unchanged'],
          ['跳过', c.skipped, 'count-skipped'],
        ].map(([title, value, id]) => (
          <Col key={id as string} flex="1">
            <Statistic
              title={`${title as string}${title === '读取' ? '（行）' : title === '跳过' ? '（行）' : '（人）'}`}
              value={value as number}
              data-testid={id as string}
              styles={title === '跳过' && (value as number) > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Col>
        ))}
      </Row>
      {preview.blockers.map((b) => (
        <Alert key={b} type="error" showIcon style={{ marginBottom: 12 }} title={b} />
      ))}
      <UnitsPanel preview={preview} onCreate={onCreateUnits} />
      <WarningsPanel preview={preview} />
      <Space style={{ marginBottom: 8 }} wrap>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          data-testid="import-filter"
          options={[
            { value: 'all', label: '全部' },
            { value: 'errors', label: `只看错误（${c.errorRows}）` },
            { value: 'warnings', label: `只看需核对（${c.warningRows}）` },
            { value: 'create', label: '新建' },
            { value: 'update', label: '更新' },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          显示前 50 行和有问题的行（最多 400 行）；单元格上方为表格原文，下方绿色为将保存的值。
        </Typography.Text>
      </Space>
      <Table<PreviewRow>
        rowKey={(r) => `${r.sheet}:${r.excelRow}`}
        size="small"
        dataSource={rows}
        aria-label="导入预览"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content', y: 'calc(100vh - 470px)' }}
        rowClassName={(r) => (r.errors.length ? 'import-row-error' : r.warnings.some((w) => !w.benign) ? 'import-row-warning' : '')}
        onRow={(r) => ({ 'data-row': r.excelRow, 'data-action': r.action }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '行', width: multi ? 120 : 56, fixed: 'left', render: (_v, r) => (multi ? `${r.sheet} ${r.excelRow}` : r.excelRow) },
          {
            title: '处理',
            width: 72,
            fixed: 'left',
            render: (_v, r) => <Tag color={ACTION_TAGS[r.action].color}>{ACTION_TAGS[r.action].label}</Tag>,
          },
          {
            title: '说明',
            width: 320,
            render: (_v, r) => (
              <div style={{ width: 300, whiteSpace: 'normal' }}>
                {r.errors.map((e) => (
                  <div key={`e${e.message}`}>
                    <Typography.Text type="danger">{issueText(e)}</Typography.Text>
                  </div>
                ))}
                {r.warnings.map((w) => (
                  <div key={`w${w.message}`}>
                    <Typography.Text type={w.benign ? 'secondary' : 'warning'}>{issueText(w)}</Typography.Text>
                  </div>
                ))}
                {r.diff.map((d) => (
                  <div key={d.field}>
                    {d.label}：<Typography.Text delete type="secondary">{d.before ?? '（空）'}</Typography.Text> → {d.after ?? '（空）'}
                  </div>
                ))}
                {r.action !== 'skip' && r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </div>
            ),
          },
          ...preview.columns.map((col, i) => ({
            title: (
              <span title={col.fieldLabel ? `导入为「${col.fieldLabel}」` : '不导入'} className={col.field ? undefined : 'import-cell-unmapped'}>
                {col.letter} {col.header}
              </span>
            ),
            key: col.letter,
            render: (_v: unknown, r: PreviewRow) => {
              const cell = r.cells[i] ?? { raw: '', value: '' };
              return <Cell raw={cell.raw} value={cell.value} mapped={!!col.field} bad={r.errors.some((e) => e.column === col.letter)} />;
            },
          })),
        ]}
      />
      {issues.length > 0 && (
        <Collapse
          style={{ marginTop: 12 }}
          size="small"
          items={[
            {
              key: 'all',
              label: `全部问题：错误 ${preview.errors.length} 条，需要核对 ${preview.warningSummary.conflicts} 条，自动规范 ${preview.warnings.length - preview.warningSummary.conflicts} 条${preview.moreIssues ? `（另有 ${preview.moreIssues} 条未列出）` : ''}`,
              children: (
                <Table<ImportIssue & { kind: string }>
                  size="small"
                  rowKey={(i) => `${i.kind}${i.sheet}${i.row}${i.column}${i.message}`}
                  dataSource={issues}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    {
                      title: '类别',
                      dataIndex: 'kind',
                      width: 64,
                      render: (k: string, i: ImportIssue) => (k === '错误' ? <Tag color="red">错误</Tag> : i.benign ? <Tag>规范</Tag> : <Tag color="gold">核对</Tag>),
                    },
                    ...(multi ? [{ title: '工作表', dataIndex: 'sheet', width: 120 }] : []),
                    { title: '行', dataIndex: 'row', width: 64 },
                    { title: '列', width: 200, render: (_v: unknown, i: ImportIssue) => (i.header ? `${i.column}「${i.header}」` : '整行') },
                    { title: '说明', dataIndex: 'message' },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      <Space style={{ marginTop: 16 }}>
        <Button onClick={onBack}>上一步</Button>
        <Popconfirm
          title="确认导入"
          description={`将新建 ${c.created} 人、更新 ${c.updated} 人${c.skipped ? `，跳过 ${c.skipped} 行有问题的数据` : ''}。导入前会自动备份，导入后可整批撤销。`}
          okText="导入"
          cancelText="再看看"
          onConfirm={onCommit}
          disabled={!writes || preview.blockers.length > 0}
        >
          <Button type="primary" loading={busy} disabled={!writes || preview.blockers.length > 0} data-testid="import-commit">
            {writes ? `导入（新建 ${c.created}，更新 ${c.updated}）` : '没有需要写入的数据'}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
