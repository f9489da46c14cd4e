import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ActivityRow } from '../../../../shared/contract';
import { planKindLabel } from '../../../../shared/domain/plans-labels';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useMakeFile } from '../../components/print/use-make-file';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { ActivityModal } from './ActivityModal';
import { usePlanKindOptions } from './plan-kinds';

const money = (fen: number) => (fen / 100).toFixed(2);

/** 活动台账 of a year, with counts, participants and money per kind (a kind's tag filters the list); 打印台账页, 导出 Excel, 工作总结素材 (.docx). */
export function ActivitiesPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [kind, setKind] = useState<string | undefined>();
  const kinds = usePlanKindOptions(kind);
  const [adding, setAdding] = useState(false);
  const [printing, setPrinting] = useState<ActivityRow | null>(null);
  // The whole year is read once; the kind filter and the per-kind counts work on it.
  const list = useChannel('activities.list', { year });
  const all = list.data?.rows ?? [];
  const rows = kind ? all.filter((r) => r.kind === kind) : all;
  const perKind = [...new Set(all.map((r) => r.kind))].map((k) => {
    const ks = all.filter((r) => r.kind === k);
    return { kind: k, count: ks.length, people: ks.reduce((n, r) => n + r.participantCount, 0), fen: ks.reduce((n, r) => n + r.costFen, 0) };
  }).filter((k) => k.count > 0);
  const plan = useChannel('plans.get', { year });
  const files = useMakeFile<'xlsx' | 'docx'>();
  useShortcut('ctrl+n', () => setAdding(true));
  return (
    <div>
      <ListToolbar>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 120 }} />
        <Select<string> aria-label="类别" allowClear placeholder="全部类别" style={{ width: 170 }} value={kind} onChange={setKind} options={kinds} />
        <Typography.Text data-testid="activities-total">{list.data ? `共 ${rows.length} 次，${rows.reduce((n, r) => n + r.participantCount, 0)} 人次，经费 ${money(rows.reduce((n, r) => n + r.costFen, 0))} 元` : ''}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button loading={files.making === 'xlsx'} onClick={() => void files.make('xlsx', () => api.call('activities.export', { year }), 'Excel')}>导出台账目录</Button>
        <Button loading={files.making === 'docx'} onClick={() => void files.make('docx', () => api.call('plans.summaryDocx', { year }), 'Word')} data-testid="summary-docx">工作总结素材（Word）</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} title={`登记活动（${keyLabel('ctrl+n')}）`}>登记活动</Button>
      </ListToolbar>
      {perKind.length > 0 && (
        <Space wrap size={[4, 4]} style={{ marginBottom: 12 }} data-testid="activities-kinds">
          {perKind.map((k) => (
            <Tag.CheckableTag key={k.kind} checked={kind === k.kind} onChange={(on) => setKind(on ? k.kind : undefined)}>
              {planKindLabel(k.kind)}：{k.count} 次，{k.people} 人次，{money(k.fen)} 元
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
      {(list.problem || files.problem) && <Alert type="error" showIcon message={list.problem ?? files.problem} />}
      <Table<ActivityRow> rowKey="id" size="small" loading={!list.loaded} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="activities-table"
        columns={[
          { title: '日期', dataIndex: 'startDate', width: 110 },
          { title: '活动名称', dataIndex: 'name', ellipsis: true },
          { title: '类别', dataIndex: 'kindLabel', width: 130 },
          { title: '地点', dataIndex: 'place', width: 140, ellipsis: true },
          { title: '参加', dataIndex: 'participantCount', width: 70, align: 'right', render: (n: number) => `${n} 人` },
          { title: '经费（元）', dataIndex: 'costFen', width: 100, align: 'right', render: money },
          { title: '照片/附件', width: 90, render: (_, r) => r.attachments.length || '' },
          { title: '', width: 90, render: (_, r) => <Button size="small" type="link" onClick={() => setPrinting(r)}>打印台账页</Button> },
        ]} />
      <ActivityModal open={adding} planItems={plan.data?.items ?? []} onClose={() => setAdding(false)} onSaved={() => { setAdding(false); void list.reload(); void plan.reload(); }} />
      <PrintPreview open={!!printing} docKey={`activity-${printing?.id ?? 0}`} testId="activity-print"
        load={async () => ({ html: (await api.call('activities.printPreview', { id: printing!.id })).html, title: '工会活动台账' })}
        makePdf={() => api.call('activities.print', { id: printing!.id })} onClose={() => setPrinting(null)} />
    </div>
  );
}
