import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ArchiveItem } from '../../../../shared/contract';
import { catalogueDate, printedTitle, RETENTION_SHORT } from '../../../../shared/domain/archive-labels';

interface Props {
  items: ArchiveItem[];
  sealed: boolean;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onEdit: (item: ArchiveItem) => void;
  onMove: (item: ArchiveItem, direction: 'up' | 'down') => void;
  onExclude: (item: ArchiveItem, excluded: boolean) => void;
  onUnmerge: (item: ArchiveItem) => void;
}

/** One class (最低一级类目) of the year: its 件 in catalogue order, with what the clerk may change on each. */
export function ItemTable({ items, sealed, selected, onSelect, onEdit, onMove, onExclude, onUnmerge }: Props) {
  return (
    <Table<ArchiveItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      rowSelection={sealed ? undefined : { selectedRowKeys: selected, onChange: (keys) => onSelect(keys as number[]) }}
      rowClassName={(r) => (r.excluded ? 'archive-excluded' : '')}
      columns={[
        {
          title: '档号',
          dataIndex: 'archiveCode',
          width: 228,
          render: (v: string | null) => (v ? <span className="archive-code">{v}</span> : <Typography.Text type="secondary">未编号</Typography.Text>),
        },
        {
          title: '题名',
          render: (_: unknown, r) => (
            <div>
              <span data-testid="archive-item-title">{printedTitle(r.title, r.selfMadeTitle)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                {r.source}
              </Typography.Text>
              {r.excluded && <Tag style={{ marginLeft: 6 }}>不归档</Tag>}
              {r.orphan && <Tag color="orange" style={{ marginLeft: 6 }}>来源记录已删除</Tag>}
              {r.parts.length > 0 && <div style={{ fontSize: 12, color: '#666' }}>含：{r.parts.map((p) => p.title).join('；')}</div>}
              {r.files.length > 0 && <div style={{ fontSize: 12, color: '#666' }}>扫描件：{r.files.map((f) => `${f.name}（${f.pages ?? '?'} 页）`).join('、')}</div>}
            </div>
          ),
        },
        { title: '责任者', dataIndex: 'responsible', width: 90, ellipsis: true },
        { title: '文号', dataIndex: 'docNo', width: 96, ellipsis: true },
        { title: '日期', dataIndex: 'date', width: 80, render: (v: string) => catalogueDate(v) },
        { title: '页数', dataIndex: 'pages', width: 48, align: 'right', render: (v: number | null) => v ?? <Tooltip title="编号时按打印结果计算">—</Tooltip> },
        { title: '期限', dataIndex: 'retention', width: 70, render: (v: ArchiveItem['retention']) => RETENTION_SHORT[v] },
        { title: '盒号', dataIndex: 'boxNo', width: 46, align: 'right' },
        {
          title: '操作',
          width: 136,
          render: (_: unknown, r) =>
            sealed ? null : (
              <Space size={0}>
                <Tooltip title="编辑">
                  <Button size="small" type="text" icon={<EditOutlined />} aria-label="编辑" onClick={() => onEdit(r)} />
                </Tooltip>
                <Tooltip title="上移">
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label="上移" disabled={r.excluded} onClick={() => onMove(r, 'up')} />
                </Tooltip>
                <Tooltip title="下移">
                  <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label="下移" disabled={r.excluded} onClick={() => onMove(r, 'down')} />
                </Tooltip>
                {r.parts.length > 0 ? (
                  <Button size="small" type="link" onClick={() => onUnmerge(r)}>
                    拆分
                  </Button>
                ) : (
                  <Button size="small" type="link" onClick={() => onExclude(r, !r.excluded)}>
                    {r.excluded ? '恢复' : '不归档'}
                  </Button>
                )}
              </Space>
            ),
        },
      ]}
    />
  );
}
