import { Alert, App, Col, Collapse, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CARE_FORM_LABELS, CARE_FORMS, frequencyText } from '../../../../shared/domain/care-labels';
import { api, errorMessage, isApiError } from '../../api';
import { useChannel } from '../../api/use-channel';
import { MemberPicker } from '../../components/members/MemberPicker';
import { SettlementFields, settlementInput, type SettlementValues } from './SettlementFields';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

interface Values extends SettlementValues {
  memberId: number;
  occasion: string;
  eventDate?: Dayjs | null;
  visitDate: Dayjs;
  visitors?: string;
  form: 'cash' | 'gift' | 'both';
  amount: number;
  reason?: string;
  notes?: string;
}

/** 登记慰问. Over the occasion's 标准 the 超标准原因 field shows and is required (the core checks it too). */
export function VisitModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const occasion = Form.useWatch('occasion', form);
  const amount = Form.useWatch('amount', form);
  const occasions = useChannel('care.occasionsGet', open ? {} : null);
  const cap = occasions.data?.find((o) => o.key === occasion)?.capYuan ?? null;
  // Over the 次数 rule only the core can tell (it counts the member's visits): its refusal opens the field too.
  const [overCount, setOverCount] = useState(false);
  const overCap = cap != null && typeof amount === 'number' && amount > cap;
  const needReason = overCap || overCount;

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows the field messages
    setSaving(true);
    setProblem(null);
    try {
      await api.call('care.create', {
        visit: {
          memberId: v.memberId,
          occasion: v.occasion,
          eventDate: day(v.eventDate),
          visitDate: day(v.visitDate)!,
          visitors: v.visitors ?? null,
          form: v.form,
          amount: v.amount,
          reason: v.reason ?? null,
          notes: v.notes ?? null,
          ...settlementInput(v),
        },
      });
      message.success('已登记慰问');
      form.resetFields();
      setOverCount(false);
      onSaved();
    } catch (e) {
      if (isApiError(e) && e.issues.some((i) => i.path.at(-1) === 'reason')) setOverCount(true);
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="登记慰问" okText="保存" cancelText="取消" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} width={640} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="visit-problem" />}
      <Form form={form} layout="vertical" initialValues={{ visitDate: dayjs(), form: 'cash' }}>
        <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
          <MemberPicker />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="occasion" label="慰问事由" rules={[{ required: true, message: '请选择慰问事由' }]}>
              <Select
                aria-label="慰问事由"
                loading={!occasions.loaded}
                options={(occasions.data ?? []).map((o) => ({ value: o.key, label: `${o.label}（标准 ${o.capYuan} 元，${frequencyText(o)}）` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="form" label="慰问形式" rules={[{ required: true }]}>
              <Select aria-label="慰问形式" options={CARE_FORMS.map((f) => ({ value: f, label: CARE_FORM_LABELS[f] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="eventDate" label="发生日期">
              <DatePicker aria-label="发生日期" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="visitDate" label="慰问日期" rules={[{ required: true, message: '请选择慰问日期' }]}>
              <DatePicker aria-label="慰问日期" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
              <InputNumber aria-label="金额" min={0} max={100000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {needReason && (
          <Form.Item name="reason" label={overCap ? `超标准原因（超过 ${cap} 元）` : '超标准原因（超过次数）'} rules={[{ required: true, message: '超过标准，请填写原因' }]}>
            <Input aria-label="超标准原因" maxLength={500} />
          </Form.Item>
        )}
        <Form.Item name="visitors" label="慰问人">
          <Input aria-label="慰问人" maxLength={200} placeholder="如：工会主席 王某、小组长 李某" />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea aria-label="备注" maxLength={2000} rows={2} />
        </Form.Item>
        <Collapse
          size="small"
          items={[{ key: 'settle', label: '审批、签字与入账（可稍后在列表中填写）', forceRender: true, children: <SettlementFields /> }]}
        />
      </Form>
    </Modal>
  );
}
