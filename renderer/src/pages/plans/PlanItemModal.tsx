import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import type { PlanItemRow } from '../../../../shared/contract';
import { PLAN_ITEM_STATUS_LABELS, PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../shared/domain/plans-labels';
import { api, errorMessage } from '../../api';
import { usePlanKindOptions } from './plan-kinds';

interface Values {
  title: string;
  kind: string;
  month: number | 0;
  monthTo: number | 0;
  owner?: string;
  status: PlanItemStatus;
  reason?: string;
}

const MONTHS = [{ value: 0, label: '待定' }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))];

/** 修改计划事项 on the board: title, kind, month (or a range), owner and status; 取消 needs its reason. */
export function PlanItemModal({ item, onClose, onSaved }: { item: PlanItemRow; onClose: () => void; onSaved: (row: PlanItemRow) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const status = Form.useWatch('status', form);
  const month = Form.useWatch('month', form);
  const kinds = usePlanKindOptions(item.kind);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setProblem(null);
    try {
      const row = await api.call('plans.itemUpdate', {
        id: item.id, status: v.status, reason: v.status === 'cancelled' ? v.reason ?? null : null, title: v.title, kind: v.kind,
        month: v.month || null, monthTo: v.month ? v.monthTo || v.month : null, owner: v.owner || null,
      });
      message.success('已保存计划事项');
      onSaved(row);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="修改计划事项" okText="保存" cancelText="取消" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} width={640} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical"
        initialValues={{ title: item.title, kind: item.kind, month: item.month ?? 0, monthTo: item.monthTo ?? item.month ?? 0, owner: item.owner ?? '', status: item.status, reason: item.statusReason ?? '' }}>
        <Form.Item name="title" label="事项" rules={[{ required: true, whitespace: true, message: '事项不能为空' }]}><Input.TextArea autoSize maxLength={300} /></Form.Item>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="kind" label="类别"><Select options={kinds} /></Form.Item></Col>
          <Col span={5}><Form.Item name="month" label="月份"><Select options={MONTHS} onChange={(m: number) => form.setFieldValue('monthTo', m)} /></Form.Item></Col>
          <Col span={5}><Form.Item name="monthTo" label="至"><Select disabled={!month} options={MONTHS.filter((m) => m.value >= (month ?? 0) && m.value > 0)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="owner" label="负责人"><Input maxLength={50} /></Form.Item></Col>
        </Row>
        <Form.Item name="status" label="状态"><Radio.Group optionType="button" options={PLAN_ITEM_STATUSES.map((s) => ({ value: s, label: PLAN_ITEM_STATUS_LABELS[s] }))} /></Form.Item>
        {status === 'cancelled' && (
          <Form.Item name="reason" label="取消原因" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}><Input maxLength={500} /></Form.Item>
        )}
        {item.activityIds.length > 0 && <Typography.Text type="secondary">已有 {item.activityIds.length} 条活动台账落实此事项。</Typography.Text>}
      </Form>
    </Modal>
  );
}
