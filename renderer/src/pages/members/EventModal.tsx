import { Alert, App, AutoComplete, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { MemberDetail } from '../../../../shared/contract';
import {
  checkTransition,
  MEMBER_EVENT_LABELS,
  MEMBER_EVENT_REASONS,
  MEMBER_EVENT_TYPES,
  type MemberEventType,
} from '../../../../shared/domain/member-lifecycle';
import { api } from '../../api';
import { notAfterToday } from '../../components/form-errors';
import { useModalForm } from '../../hooks/use-modal-form';
import { useAppState } from '../../state/app-state';
import { todayIso } from './today';

type EventType = Exclude<MemberEventType, 'group_move'>;

interface Values {
  type?: EventType;
  date?: Dayjs;
  reason?: string;
  otherUnion?: string;
  handler?: string;
  remark?: string;
}

/** The events the member's history allows today (退会 after 保留会籍, not a second 保留会籍 …). */
export function allowedEventTypes(m: Pick<MemberDetail, 'events'>, today = todayIso()): EventType[] {
  const history = m.events.map((e) => ({ type: e.type, date: e.date, id: e.id }));
  return MEMBER_EVENT_TYPES.filter((t): t is EventType => t !== 'group_move').filter(
    (type) => checkTransition(history, { type, date: today }) === null,
  );
}

const needsUnion = (t: EventType | undefined) => t === 'transfer_in' || t === 'transfer_out';

interface Props {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
  onDone: (m: MemberDetail) => void;
}

/** 办理会籍变动: one lifecycle event with date, reason, 对方工会, 经办人 and 备注; the status follows from it. */
export function EventModal({ member, open, onClose, onDone }: Props) {
  const { settings } = useAppState();
  const { message } = App.useApp();
  const { form, saving, problem: refusal, setProblem: setRefusal, submit } = useModalForm<Values>({ onlyGeneral: true });
  const type = Form.useWatch('type', form);
  const allowed = useMemo(() => allowedEventTypes(member), [member]);

  const save = async (values: Values) => {
    const detail = await api.call('members.addEvent', {
      memberId: member.id,
      type: values.type!,
      date: values.date!.format('YYYY-MM-DD'),
      reason: values.reason?.trim() || null,
      otherUnion: needsUnion(values.type) ? values.otherUnion?.trim() || null : null,
      handler: values.handler?.trim() || null,
      remark: values.remark?.trim() || null,
    });
    message.success(`已办理「${MEMBER_EVENT_LABELS[values.type!]}」`);
    onDone(detail);
  };

  return (
    <Modal
      title={`办理会籍变动：${member.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit(save)}
      okText="办理"
      confirmLoading={saving}
      okButtonProps={{ disabled: !allowed.length }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setRefusal(null);
      }}
      width={560}
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="event-refusal" />}
      {!allowed.length && (
        <Alert type="info" showIcon title="该会员当前的会籍状态下没有可以办理的变动。" style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        aria-label="会籍变动"
        initialValues={{ type: allowed[0], date: dayjs(), handler: settings.operator || undefined }}
        onValuesChange={(changed: Values) => {
          if ('type' in changed) form.setFieldValue('reason', undefined);
        }}
      >
        <Form.Item name="type" label="变动类型" rules={[{ required: true, message: '请选择变动类型' }]}>
          <Select<EventType>
            aria-label="变动类型"
            options={allowed.map((t) => ({ value: t, label: MEMBER_EVENT_LABELS[t] }))}
            placeholder="选择变动类型"
          />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }, notAfterToday]}>
          <DatePicker style={{ width: 200 }} aria-label="日期" />
        </Form.Item>
        <Form.Item name="reason" label="原因">
          <AutoComplete
            aria-label="原因"
            options={(type ? (MEMBER_EVENT_REASONS[type] ?? []) : []).map((r) => ({ value: r }))}
            placeholder={type && MEMBER_EVENT_REASONS[type] ? '可选择常用原因，也可直接填写' : '可不填'}
            maxLength={200}
            allowClear
          />
        </Form.Item>
        {needsUnion(type) && (
          <Form.Item
            name="otherUnion"
            label={type === 'transfer_out' ? '对方工会（转往）' : '对方工会（转入自）'}
            rules={[{ required: true, whitespace: true, message: type === 'transfer_out' ? '请填写转往哪个工会' : '请填写从哪个工会转入' }]}
          >
            <Input aria-label="对方工会" maxLength={100} placeholder="如：某区教育工会" />
          </Form.Item>
        )}
        <Form.Item name="handler" label="经办人">
          <Input aria-label="经办人" maxLength={30} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="remark" label="备注">
          <Input.TextArea aria-label="备注" maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
