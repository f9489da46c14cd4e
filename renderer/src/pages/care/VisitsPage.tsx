import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CareVisitRow } from '../../../../shared/contract';
import { APPROVAL_STEP_LABELS, APPROVAL_STEPS, CARE_FORM_LABELS } from '../../../../shared/domain/care-labels';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { GroupTreeSelect } from '../../components/members/GroupTreeSelect';
import { useGroupTree } from '../../components/members/use-group-tree';
import { useMakeFile } from '../../components/print/use-make-file';
import { usePiiExport } from '../../components/pii/use-pii-export';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { ApproveModal } from './ApproveModal';
import { money } from './money';
import { VisitModal } from './VisitModal';

/** The last step reached on the chain, e.g. 「工会 已批」, or 待审批. */
function approvalText(r: CareVisitRow): string {
  const done = APPROVAL_STEPS.filter((k) => r.approval[k].on);
  return done.length ? `${APPROVAL_STEP_LABELS[done.at(-1)!]}已批` : '待审批';
}

/** 慰问记录 of a year, per occasion and per 工会组织, with the total; a visit over its 标准 or 次数 is tagged. */
export function VisitsPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [occasion, setOccasion] = useState<string | undefined>();
  const [groupId, setGroupId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [approving, setApproving] = useState<CareVisitRow | null>(null);
  const occasions = useChannel('care.occasionsGet', {});
  const groups = useGroupTree();
  const query = { year, ...(occasion ? { occasion } : {}), ...(groupId ? { groupId } : {}) };
  const list = useChannel('care.list', query);
  const file = useMakeFile<'xlsx'>();
  const pii = usePiiExport();
  useShortcut('ctrl+n', () => setAdding(true));
  return (
    <div>
      {pii.modal}
      <ListToolbar>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 120 }} />
        <Select<string>
          aria-label="慰问事由"
          allowClear
          placeholder="全部事由"
          style={{ width: 160 }}
          value={occasion}
          onChange={setOccasion}
          options={(occasions.data ?? []).map((o) => ({ value: o.key, label: o.label }))}
        />
        <GroupTreeSelect aria-label="工会小组" tree={groups.tree} value={groupId} onChange={setGroupId} placeholder="全部小组" style={{ width: 180 }} />
        <Typography.Text data-testid="care-total">
          {list.data ? `共 ${list.data.rows.length} 次，合计 ${money(list.data.totalFen)} 元` : ''}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Button icon={<FileExcelOutlined />} loading={file.making === 'xlsx'} onClick={() => void file.make('xlsx', async () => { const ask = await pii.ask('慰问记录'); return ask && api.call('care.listXlsx', { ...query, ...ask }); }, 'Excel')}>
          导出 Excel
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} title={`登记慰问（${keyLabel('ctrl+n')}）`}>
          登记慰问
        </Button>
      </ListToolbar>
      {(list.problem ?? file.problem) && <Alert type="error" showIcon message={list.problem ?? file.problem} />}
      <Table<CareVisitRow>
        rowKey="id"
        size="small"
        loading={!list.loaded}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="care-table"
        scroll={{ x: 1400 }}
        columns={[
          { title: '慰问日期', dataIndex: 'visitDate', width: 110 },
          { title: '会员', dataIndex: 'memberName', width: 100 },
          { title: '工会小组', dataIndex: 'groupName', width: 110, ellipsis: true },
          { title: '事由', dataIndex: 'occasionLabel', width: 110 },
          { title: '形式', dataIndex: 'form', width: 120, render: (f: CareVisitRow['form']) => CARE_FORM_LABELS[f] },
          { title: '金额（元）', dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => money(v) },
          { title: '慰问人', dataIndex: 'visitors', width: 140, ellipsis: true },
          {
            title: '审批 / 签字 / 入账',
            width: 220,
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                <Tag color={r.approval.union.on ? 'green' : undefined}>{approvalText(r)}</Tag>
                <Tag color={r.payeeSigned ? 'green' : undefined}>{r.payeeSigned ? '已签' : '未签'}</Tag>
                {r.voucherNo ? <Tag color="blue">凭证 {r.voucherNo}</Tag> : <Tag>未入账</Tag>}
              </Space>
            ),
          },
          {
            title: '超标准',
            dataIndex: 'overRule',
            width: 260,
            ellipsis: true,
            render: (_: unknown, r) => (r.overRule ? <Tag color="orange" title={`${r.overRule}：${r.reason ?? ''}`} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>{r.overRule}：{r.reason}</Tag> : null),
          },
          {
            title: '',
            width: 100,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setApproving(r)}>
                审批入账
              </Button>
            ),
          },
        ]}
      />
      <VisitModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void list.reload();
        }}
      />
      <ApproveModal
        key={approving?.id ?? 0}
        visit={approving}
        onClose={() => setApproving(null)}
        onSaved={() => {
          setApproving(null);
          void list.reload();
        }}
      />
    </div>
  );
}
