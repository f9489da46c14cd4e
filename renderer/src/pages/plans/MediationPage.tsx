import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MediationRow } from '../../../../shared/contract';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { PrintPreview } from '../../components/print/PrintPreview';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { MediationModal } from './MediationModal';

type Doc = 'application' | 'agreement';
const DOC_TITLES: Record<Doc, string> = { application: '劳动争议调解申请记录', agreement: '劳动争议调解协议书' };

/** The result column: 逾期 from day 16 without an outcome (a party may then go to arbitration), else the outcome. */
export function MediationStatus({ r }: { r: MediationRow }) {
  if (r.overdue) return <Tag color="red">逾期（{r.dueOn} 到期）</Tag>;
  return <Tag color={r.outcome === 'agreed' ? 'green' : r.outcome ? 'default' : 'blue'}>{r.outcomeLabel}</Tag>;
}

/** 劳动争议调解 (调处台帐): 受理满 15 日仍未结案的标红; 身份证号 masked in the list. */
export function MediationPage() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [editing, setEditing] = useState<number | null | 'new'>(null);
  const [printing, setPrinting] = useState<{ row: MediationRow; doc: Doc } | null>(null);
  const list = useChannel('mediation.list', overdueOnly ? { overdue: true } : {});
  useShortcut('ctrl+n', () => setEditing('new'));
  const rows = list.data ?? [];
  return (
    <div>
      <ListToolbar>
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>只看逾期未结案</Checkbox>
        <Typography.Text data-testid="mediation-total">
          {list.data ? `共 ${rows.length} 件，调解中 ${rows.filter((r) => !r.outcome).length} 件，逾期 ${rows.filter((r) => r.overdue).length} 件，达成协议 ${rows.filter((r) => r.outcome === 'agreed').length} 件` : ''}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} title={`登记调解申请（${keyLabel('ctrl+n')}）`}>登记调解申请</Button>
      </ListToolbar>
      {list.problem && <Alert type="error" showIcon message={list.problem} />}
      <Table<MediationRow> rowKey="id" size="small" loading={!list.loaded} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="mediation-table"
        columns={[
          { title: '受理日期', dataIndex: 'acceptedOn', width: 110 },
          { title: '申请方式', dataIndex: 'formLabel', width: 90 },
          { title: '当事人', width: 280, render: (_, r) => (
            <div>
              <div>申请人：{r.applicant}{r.applicantIdNumber ? <Typography.Text type="secondary">（{r.applicantIdNumber}）</Typography.Text> : null}</div>
              <div>被申请人：{r.respondent}</div>
            </div>
          ) },
          { title: '争议类别', dataIndex: 'category', width: 100 },
          { title: '争议事项', dataIndex: 'matter', ellipsis: true },
          { title: '调解员', dataIndex: 'mediators', width: 110, ellipsis: true },
          { title: '状态', width: 160, render: (_, r) => <MediationStatus r={r} /> },
          { title: '', width: 230, render: (_, r) => (
            <Space size={0}>
              <Button size="small" type="link" onClick={() => setEditing(r.id)}>修改</Button>
              <Button size="small" type="link" onClick={() => setPrinting({ row: r, doc: 'application' })}>申请记录</Button>
              {r.outcome === 'agreed' && <Button size="small" type="link" onClick={() => setPrinting({ row: r, doc: 'agreement' })}>协议书</Button>}
            </Space>
          ) },
        ]} />
      {editing != null && <MediationModal open editId={typeof editing === 'number' ? editing : null} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void list.reload(); }} />}
      <PrintPreview open={!!printing} docKey={`mediation-${printing?.row.id ?? 0}-${printing?.doc ?? ''}`} testId="mediation-print"
        load={async () => ({ html: (await api.call('mediation.printPreview', { id: printing!.row.id, doc: printing!.doc })).html, title: DOC_TITLES[printing!.doc] })}
        makePdf={() => api.call('mediation.print', { id: printing!.row.id, doc: printing!.doc })} onClose={() => setPrinting(null)} />
    </div>
  );
}
