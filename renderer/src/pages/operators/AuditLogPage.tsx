import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AuditFilter, AuditLogRow } from '../../../../shared/contract';
import { auditActionLabel } from '../../../../shared/domain/audit-labels';
import { api, errorMessage } from '../../api';
import { saveFile } from '../../api/platform';
import { formatDateTime } from '../../format';

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '（空）' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export interface AuditRecordFilter {
  entity: string;
  entityId: string;
}

/**
 * 修改记录 (#16): every audit entry in Chinese, filtered by operator, action and date, exported as .xlsx. With
 * `record` it is one record's own history (a member's file, a proposal's page): the record filter is fixed and
 * the 记录 column says nothing new, so it is left out.
 */
export function AuditLogPage({ record, title = '修改记录' }: { record?: AuditRecordFilter; title?: string } = {}) {
  const { message } = App.useApp();
  const [operator, setOperator] = useState<string>();
  const [action, setAction] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [data, setData] = useState<{ total: number; rows: AuditLogRow[]; operators: string[]; actions: string[] }>({ total: 0, rows: [], operators: [], actions: [] });
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const entity = record?.entity;
  const entityId = record?.entityId;
  const filter = useMemo<AuditFilter>(() => {
    const from = range?.[0]?.format('YYYY-MM-DD');
    const to = range?.[1]?.format('YYYY-MM-DD');
    return {
      ...(operator ? { operator } : {}),
      ...(action ? { action } : {}),
      ...(entity && entityId ? { entity, entityId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  }, [operator, action, range, entity, entityId]);
  useEffect(() => {
    api
      .call('audit.query', { ...filter, limit: 500 })
      .then((r) => {
        setData(r);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [filter]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const ref = await api.call('audit.exportXlsx', filter);
      if (await saveFile(ref)) message.success(api.transport === 'ipc' ? '已导出' : `已导出：${ref.fileName}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={title}
      size={record ? 'small' : 'default'}
      data-testid={record ? 'record-audit-log' : 'audit-log'}
      extra={
        <Button icon={<FileExcelOutlined />} loading={exporting} disabled={!data.total} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="操作人" style={{ width: 140 }} value={operator} onChange={setOperator} options={data.operators.map((o) => ({ value: o, label: o || '未署名' }))} />
        <Select allowClear placeholder="操作" style={{ width: 180 }} value={action} onChange={setAction} options={data.actions.map((a) => ({ value: a, label: auditActionLabel(a) }))} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        <Typography.Text type="secondary" data-testid="audit-total">
          共 {data.total} 条
        </Typography.Text>
      </Space>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Table<AuditLogRow>
        size="small"
        rowKey="id"
        dataSource={data.rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
          { title: '操作人', dataIndex: 'operator', width: 100 },
          { title: '操作', dataIndex: 'actionLabel', width: 150 },
          ...(record
            ? []
            : [{ title: '记录', width: 160, render: (_: unknown, r: AuditLogRow) => `${r.entityLabel}${r.recordName ? `「${r.recordName}」` : r.entityId ? ` ${r.entityId}` : ''}` }]),
          {
            title: '改动',
            render: (_: unknown, r) =>
              r.changes.slice(0, 8).map((c) => (
                <div key={c.field}>
                  {c.label}：{show(c.before)} → {show(c.after)}
                </div>
              )),
          },
        ]}
      />
    </Card>
  );
}
