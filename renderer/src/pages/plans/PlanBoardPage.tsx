import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, InputNumber, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PlanItemRow } from '../../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { PlanImportModal } from './PlanImportModal';
import { PlanItemModal } from './PlanItemModal';

const STATUS_COLOR: Record<PlanItemRow['status'], string> = { pending: 'default', active: 'processing', done: 'success', cancelled: 'default' };

function ItemLine({ i, onEdit }: { i: PlanItemRow; onEdit: (i: PlanItemRow) => void }) {
  return (
    <div style={{ padding: '3px 0', borderBottom: '1px dashed #eee', cursor: 'pointer' }} data-testid="plan-item" role="button" tabIndex={0} title="点击修改"
      onClick={() => onEdit(i)} onKeyDown={(e) => { if (e.key === 'Enter') onEdit(i); }}>
      <Tag color={STATUS_COLOR[i.status]}>{i.statusLabel}</Tag>
      {i.overdue && <Tag color="red">逾期未记录</Tag>}
      <Typography.Text style={{ fontSize: 13 }} delete={i.status === 'cancelled'} title={i.statusReason ?? undefined}>{i.title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{i.kindLabel}{i.owner ? `，${i.owner}` : ''}{i.activityIds.length ? `，台账 ${i.activityIds.length} 条` : ''}）</Typography.Text>
      {i.status === 'cancelled' && i.statusReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>取消原因：{i.statusReason}</Typography.Text>}
    </div>
  );
}

/** 工作计划: the 12-month board (学年 order for a 学年 plan) with each item's status and ledger records; an item opens its edit. */
export function PlanBoardPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<PlanItemRow | null>(null);
  const plan = useChannel('plans.get', { year });
  const p = plan.data;
  return (
    <div>
      <ListToolbar>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 120 }} />
        {p && <Typography.Text data-testid="plan-total">{p.title}：共 {p.items.length} 项，已完成 {p.items.filter((i) => i.status === 'done').length} 项，逾期未记录 {p.items.filter((i) => i.overdue).length} 项</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>导入工作计划</Button>
      </ListToolbar>
      {plan.problem && <Alert type="error" showIcon message={plan.problem} />}
      {plan.loaded && !p && <Empty description={`还没有 ${year} 年的工作计划。点“导入工作计划”粘贴计划全文。`} />}
      {p && (
        <Row gutter={[12, 12]} data-testid="plan-board">
          {p.monthOrder.map((m) => {
            const items = p.items.filter((i) => i.month === m);
            return (
              <Col span={6} key={m}>
                <Card size="small" title={`${m}月`} styles={{ body: { minHeight: 80, maxHeight: 220, overflow: 'auto' } }}>
                  {items.length ? items.map((i) => <ItemLine key={i.id} i={i} onEdit={setEditing} />) : <Typography.Text type="secondary">无安排</Typography.Text>}
                </Card>
              </Col>
            );
          })}
          {p.items.some((i) => i.month == null) && (
            <Col span={24}>
              <Card size="small" title="月份待定">{p.items.filter((i) => i.month == null).map((i) => <ItemLine key={i.id} i={i} onEdit={setEditing} />)}</Card>
            </Col>
          )}
        </Row>
      )}
      {editing && <PlanItemModal item={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void plan.reload(); }} />}
      <PlanImportModal open={importing} year={year} onClose={() => setImporting(false)} onSaved={() => { setImporting(false); void plan.reload(); }} />
    </div>
  );
}
