import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CongressSession, SessionInput } from '../../../../shared/contract';
import { sessionTitle } from '../../../../shared/domain/proposal-workflow';
import { api } from '../../api';
import { useModalForm } from '../../hooks/use-modal-form';

interface Values {
  term?: number;
  meeting?: number;
  name?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  collectionDeadline?: Dayjs | null;
  replyDeadline?: Dayjs | null;
  minSeconders?: number;
  remarks?: string;
}

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

interface Props {
  open: boolean;
  /** null: a new session. */
  session: CongressSession | null;
  /** Suggested 届/次 for a new session: the next meeting of the newest term. */
  suggestion: { term: number; meeting: number };
  onClose: () => void;
  onSaved: (s: CongressSession) => void;
}

/** 新建届次 / 编辑届次: 第X届第Y次 with its dates, deadlines and the seconders rule. */
export function SessionModal({ open, session, suggestion, onClose, onSaved }: Props) {
  const { form, saving, problem, submit } = useModalForm<Values>();
  const term = Form.useWatch('term', form);
  const meeting = Form.useWatch('meeting', form);

  const save = async (v: Values) => {
    const input: SessionInput = {
      term: v.term!,
      meeting: v.meeting!,
      name: v.name?.trim() || null,
      startDate: iso(v.startDate),
      endDate: iso(v.endDate),
      collectionDeadline: iso(v.collectionDeadline),
      replyDeadline: iso(v.replyDeadline),
      minSeconders: v.minSeconders ?? 2,
      remarks: v.remarks?.trim() || null,
    };
    onSaved(session ? await api.call('sessions.update', { id: session.id, session: input }) : await api.call('sessions.create', input));
  };

  const dateField = (name: keyof Values, label: string, help?: string) => (
    <Col span={12}>
      <Form.Item name={name} label={label} extra={help}>
        <DatePicker style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      title={session ? `编辑届次：${session.label}` : '新建届次'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit(save)}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      width={620}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        aria-label="届次"
        initialValues={
          session
            ? {
                term: session.term,
                meeting: session.meeting,
                name: session.name ?? undefined,
                startDate: day(session.startDate),
                endDate: day(session.endDate),
                collectionDeadline: day(session.collectionDeadline),
                replyDeadline: day(session.replyDeadline),
                minSeconders: session.minSeconders,
                remarks: session.remarks ?? undefined,
              }
            : { ...suggestion, minSeconders: 2 }
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="term" label="届" rules={[{ required: true, message: '请填写第几届' }]}>
              <InputNumber min={1} max={99} style={{ width: '100%' }} aria-label="届" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="meeting" label="次" rules={[{ required: true, message: '请填写第几次会议' }]}>
              <InputNumber min={1} max={99} style={{ width: '100%' }} aria-label="次" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="届次">
              <span data-testid="session-preview">{term && meeting ? sessionTitle(term, meeting) : '—'}</span>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label="会议名称" extra="可不填；不填时按单位类型写作「第X届教职工代表大会第Y次会议」。">
          <Input maxLength={60} aria-label="会议名称" />
        </Form.Item>
        <Row gutter={12}>
          {dateField('startDate', '开幕日期')}
          {dateField('endDate', '闭幕日期')}
          {dateField('collectionDeadline', '提案征集截止', '逾期提交的按惯例不再立案，登记时会提示。')}
          {dateField('replyDeadline', '答复截止', '交办时默认的办理期限。')}
        </Row>
        <Form.Item name="minSeconders" label="附议人至少" extra="附议人不足的，登记为意见建议。多数学校规定 2 人。">
          <InputNumber min={0} max={20} addonAfter="人" aria-label="附议人至少" />
        </Form.Item>
        <Form.Item name="remarks" label="备注">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} aria-label="备注" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
