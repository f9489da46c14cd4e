import { Button, Popconfirm, Space, Table } from 'antd';
import type { BackupInfo } from '../../../../shared/contract';
import { backupReasonLabel } from '../../../../shared/domain/labels';
import { formatBytes, formatDateTime } from '../../format';

interface Props {
  list: BackupInfo[] | null;
  busy: boolean;
  onRestore(name: string): void;
  onExport?(name: string): void;
  /** What the confirmation says will happen; the recovery screen has no current data to back up first. */
  warning?: string;
}

export const RESTORE_WARNING = '当前数据将被这份备份替换。恢复前会先自动备份当前数据（恢复前备份），需要时可以再恢复回来。';

/** Newest first, as the core lists them. */
export function BackupTable({ list, busy, onRestore, onExport, warning = RESTORE_WARNING }: Props) {
  return (
    <Table<BackupInfo>
      size="small"
      rowKey="name"
      loading={list === null}
      dataSource={list ?? []}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: '还没有备份' }}
      data-testid="backup-table"
      columns={[
        { title: '备份时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), width: 180 },
        { title: '类型', dataIndex: 'reason', render: (v: string) => backupReasonLabel(v), width: 120 },
        { title: '大小', dataIndex: 'sizeBytes', render: (v: number) => formatBytes(v), width: 100, align: 'right' },
        {
          title: '操作',
          key: 'actions',
          render: (_v, b) => (
            <Space size="small">
              <Popconfirm
                title="恢复这份备份？"
                description={<div style={{ maxWidth: 320 }}>{warning}</div>}
                okText="恢复"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => onRestore(b.name)}
                disabled={busy}
              >
                <Button size="small" disabled={busy}>
                  恢复
                </Button>
              </Popconfirm>
              {onExport && (
                <Button size="small" disabled={busy} onClick={() => onExport(b.name)}>
                  导出
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
