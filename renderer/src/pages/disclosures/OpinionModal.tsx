import { Alert, App, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OpinionInput, OpinionRow } from '../../../../shared/contract';
import { OPINION_CHANNELS } from '../../../../shared/domain/disclosure-labels';
import { addWorkdays } from '../../../../shared/domain/workdays';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { useModalForm } from '../../hooks/use-modal-form';
import { useAppState } from '../../state/app-state';

interface Values {
  receivedOn?: Dayjs;
  channel?: string;
  anonymous: boolean;
  reporter?: string;
  contact?: string;
  content?: string;
  disclosureId?: number | null;
  forwardedTo?: string;
  forwardedOn?: Dayjs | null;
  dueOn?: Dayjs;
  remarks?: string;
}

interface Props {
  open: boolean;
  /** Editing this one; null registers a new opinion. */
  original: OpinionRow | null;
  /** A new opinion about this disclosure (from its detail page). */
  disclosureId?: number | null;
  onClose: () => void;
  onDone: (o: OpinionRow) => void;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** 登记意见 / 编辑意见: 答复期限 follows the receipt date (working days from 设置) until the clerk sets it. */
export function OpinionModal({ open, original, disclosureId, onClose, onDone }: Props) {
  const { settings } = useAppState();
  const { message } = App.useApp();
  const { form, saving, problem, setProblem, submit } = useModalForm<Values>({ unwrap: 'opinion' });
  const anonymous = Form.useWatch('anonymous', form);
  const disclosures = useChannel('disclosures.list', open ? {} : null);
  const calendar = { holidays: settings.holidays, workdays: settings.makeupWorkdays };
  const dueFor = (d: Dayjs) => dayjs(addWorkdays(d.format('YYYY-MM-DD'), settings.opinionReplyDays, calendar));

  const initial: Values = original
    ? {
        receivedOn: dayjs(original.receivedOn),
        channel: original.channel,
        anonymous: original.anonymous,
        reporter: original.reporter ?? '',
        contact: original.contact ?? '',
        content: original.content,
        disclosureId: original.disclosureId,
        forwardedTo: original.forwardedTo ?? '',
        forwardedOn: original.forwardedOn ? dayjs(original.forwardedOn) : null,
        dueOn: dayjs(original.dueOn),
        remarks: original.remarks ?? '',
      }
    : { receivedOn: dayjs(), channel: OPINION_CHANNELS[0], anonymous: false, disclosureId: disclosureId ?? null, dueOn: dueFor(dayjs()) };

  const save = async (v: Values) => {
    const opinion: OpinionInput = {
      receivedOn: day(v.receivedOn) ?? '',
      channel: v.channel as OpinionInput['channel'],
      anonymous: v.anonymous,
      reporter: v.anonymous ? null : v.reporter?.trim() || null,
      contact: v.anonymous ? null : v.contact?.trim() || null,
      content: v.content ?? '',
      disclosureId: v.disclosureId ?? null,
      forwardedTo: v.forwardedTo?.trim() || null,
      forwardedOn: v.forwardedTo?.trim() ? day(v.forwardedOn) : null,
      dueOn: day(v.dueOn),
      remarks: v.remarks?.trim() || null,
    };
    const saved = original
      ? await api.call('opinions.update', { id: original.id, opinion, expectedUpdatedAt: original.updatedAt })
      : await api.call('opinions.create', { opinion });
    message.success(original ? '已保存' : '已登记意见');
    onDone(saved);
  };

  return (
    <Modal
      title={original ? '编辑意见' : '登记意见'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit(save)}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      width={720}
      afterOpenChange={(visible) => !visible && setProblem(null)}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="opinion-problem" />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        aria-label="意见"
        initialValues={initial}
        onValuesChange={(changed: Partial<Values>) => {
          // A new receipt date moves the default deadline along, unless the clerk set the deadline by hand.
          if (changed.receivedOn && !form.isFieldTouched('dueOn')) form.setFieldValue('dueOn', dueFor(changed.receivedOn));
        }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
              <DatePicker aria-label="收到日期" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="channel" label="渠道" rules={[{ required: true, message: '请选择渠道' }]}>
              <Select aria-label="渠道" options={OPINION_CHANNELS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="dueOn"
              label="答复期限"
              tooltip={`默认为收到后 ${settings.opinionReplyDays} 个工作日（跳过周末和设置中的节假日）`}
              rules={[{ required: true, message: '请选择答复期限' }]}
            >
              <DatePicker aria-label="答复期限" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="anonymous" valuePropName="checked" label="反映人">
              <Checkbox aria-label="匿名">匿名</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reporter" label="姓名" rules={[{ required: !anonymous, whitespace: true, message: '请填写反映人，或勾选匿名' }]}>
              <Input aria-label="反映人姓名" maxLength={50} disabled={anonymous} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contact" label="联系方式">
              <Input aria-label="联系方式" maxLength={50} disabled={anonymous} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="content" label="意见内容" rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}>
              <Input.TextArea aria-label="意见内容" maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="disclosureId" label="相关公开事项">
              <Select
                aria-label="相关公开事项"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="可不选"
                loading={!disclosures.data}
                options={(disclosures.data?.rows ?? []).map((d) => ({ value: d.id, label: `${d.regNo} ${d.title}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="forwardedTo" label="转交部门">
              <Input aria-label="转交部门" maxLength={100} placeholder="填写后状态为「办理中」" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="forwardedOn" label="转交日期">
              <DatePicker aria-label="转交日期" style={{ width: '100%' }} placeholder="默认今天" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="remarks" label="备注">
              <Input.TextArea aria-label="意见备注" maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
        {original?.reply && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            已于 {original.repliedOn} 答复；答复内容请用「答复」修改。
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
