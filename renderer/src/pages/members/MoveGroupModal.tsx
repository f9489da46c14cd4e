import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MemberDetail } from '../../../../shared/contract';
import { api } from '../../api';
import { GroupTreeSelect } from '../../components/members/GroupTreeSelect';
import { useGroupTree } from '../../components/members/use-group-tree';
import { useModalForm } from '../../hooks/use-modal-form';

interface Values {
  toGroupId?: number | null;
  date?: Dayjs;
  reason?: string;
}

interface Props {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 调整小组: moves the member to another 工会小组; the move is written to the history. */
export function MoveGroupModal({ member, open, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const { tree } = useGroupTree();
  const { form, saving, problem, setProblem, submit } = useModalForm<Values>({ noFieldIssues: true });

  const save = async (values: Values) => {
    const toGroupId = values.toGroupId ?? null;
    if (toGroupId === (member.groupId ?? null)) return setProblem('会员已在这个小组，无需调整。');
    await api.call('members.moveGroup', {
      memberIds: [member.id],
      toGroupId,
      date: values.date!.format('YYYY-MM-DD'),
      reason: values.reason?.trim() || null,
    });
    message.success('已调整工会小组');
    onDone();
  };

  return (
    <Modal
      title={`调整工会小组：${member.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit(save)}
      okText="调整"
      confirmLoading={saving}
      destroyOnHidden
      width={520}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <p>
        现在所在：<b>{member.group ?? '（未分组）'}</b>
      </p>
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ toGroupId: member.groupId ?? null, date: dayjs() }}>
        <Form.Item name="toGroupId" label="调整到" extra="清空表示移出小组（未分组）">
          <GroupTreeSelect tree={tree} aria-label="调整到" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: 200 }} aria-label="日期" />
        </Form.Item>
        <Form.Item name="reason" label="原因">
          <Input maxLength={200} placeholder="如：任课调整" aria-label="原因" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
