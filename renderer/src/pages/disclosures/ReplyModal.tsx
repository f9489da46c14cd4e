import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OpinionRow } from '../../../../shared/contract';
import { api } from '../../api';
import { useModalForm } from '../../hooks/use-modal-form';
import { useAppState } from '../../state/app-state';

interface Values {
  reply?: string;
  repliedOn?: Dayjs;
  repliedBy?: string;
}

interface Props {
  opinion: OpinionRow | null;
  onClose: () => void;
  onDone: (o: OpinionRow) => void;
}

/** 答复: the answer, its date and who gave it; the opinion becomes 已答复. */
export function ReplyModal({ opinion, onClose, onDone }: Props) {
  const { settings } = useAppState();
  const { message } = App.useApp();
  const { form, saving, problem, setProblem, submit } = useModalForm<Values>({ noFieldIssues: true });

  const save = async (o: OpinionRow, v: Values) => {
    const saved = await api.call('opinions.reply', {
      id: o.id,
      reply: v.reply ?? '',
      repliedOn: v.repliedOn!.format('YYYY-MM-DD'),
      repliedBy: v.repliedBy?.trim() || null,
    });
    message.success('已记录答复');
    onDone(saved);
  };

  return (
    <Modal
      title="答复意见"
      open={!!opinion}
      onCancel={onClose}
      onOk={() => opinion && void submit((v) => save(opinion, v))}
      okText="保存答复"
      confirmLoading={saving}
      destroyOnHidden
      width={640}
      afterOpenChange={(visible) => !visible && setProblem(null)}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {opinion && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ whiteSpace: 'pre-wrap' }}>
          {opinion.receivedOn} {opinion.channel}：{opinion.content}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        aria-label="答复"
        initialValues={{
          reply: opinion?.reply ?? '',
          repliedOn: opinion?.repliedOn ? dayjs(opinion.repliedOn) : dayjs(),
          repliedBy: opinion?.repliedBy ?? settings.operator,
        }}
      >
        <Form.Item name="reply" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
          <Input.TextArea aria-label="答复内容" maxLength={4000} autoSize={{ minRows: 4, maxRows: 10 }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="repliedOn" label="答复日期" rules={[{ required: true, message: '请选择答复日期' }]}>
            <DatePicker aria-label="答复日期" />
          </Form.Item>
          <Form.Item name="repliedBy" label="答复人">
            <Input aria-label="答复人" maxLength={30} style={{ width: 200 }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
