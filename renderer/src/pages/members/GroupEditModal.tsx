import { Alert, App, Form, Input, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { UnionUnit } from '../../../../shared/contract';
import { api } from '../../api';
import { MemberPicker } from '../../components/members/MemberPicker';
import type { GroupTreeNode } from '../../components/members/use-group-tree';
import { useModalForm } from '../../hooks/use-modal-form';

/** What the dialog does: a new 分工会, a new 工会小组 (under a 分工会 or on its own), or edit one unit. */
export type GroupEdit = { mode: 'create'; kind: 'branch' | 'group'; parentId: number | null } | { mode: 'edit'; unit: UnionUnit };

interface Values {
  name?: string;
  parentId?: number | null;
  leaderMemberId?: number | null;
}

interface Props {
  edit: GroupEdit | null;
  tree: GroupTreeNode[];
  onClose: () => void;
  onDone: (unit: UnionUnit) => void;
}

const KIND_LABEL = { branch: '分工会', group: '工会小组' } as const;

export function GroupEditModal({ edit, tree, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const { form, saving, problem, submit } = useModalForm<Values>();
  // Only a 分工会 can hold 工会小组.
  const branches = useMemo(() => tree.filter((n) => n.unit.kind === 'branch').map((n) => ({ value: n.value, title: n.title })), [tree]);
  if (!edit) return null;
  const kind = edit.mode === 'create' ? edit.kind : edit.unit.kind;
  const leaderLabel = kind === 'group' ? '组长' : '负责人';

  const save = async (v: Values) => {
    const unit =
      edit.mode === 'create'
        ? await api.call('groups.create', {
            parentId: kind === 'group' ? (v.parentId ?? null) : null,
            kind,
            name: (v.name ?? '').trim(),
            leaderMemberId: v.leaderMemberId ?? null,
          })
        : await api.call('groups.update', { id: edit.unit.id, name: (v.name ?? '').trim(), leaderMemberId: v.leaderMemberId ?? null });
    message.success(edit.mode === 'create' ? `已建立${KIND_LABEL[kind]}「${unit.name}」` : '已保存');
    onDone(unit);
  };

  const initial: Values =
    edit.mode === 'create'
      ? { parentId: edit.parentId, leaderMemberId: null }
      : { name: edit.unit.name, leaderMemberId: edit.unit.leaderMemberId };
  return (
    <Modal
      open
      title={edit.mode === 'create' ? `新建${KIND_LABEL[kind]}` : `修改${KIND_LABEL[kind]}「${edit.unit.name}」`}
      okText={edit.mode === 'create' ? '建立' : '保存'}
      confirmLoading={saving}
      onOk={() => void submit(save)}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="group-problem" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} preserve={false} aria-label="组织">
        {edit.mode === 'create' && kind === 'group' && (
          <Form.Item name="parentId" label="所属分工会" extra="不选表示直接隶属本级工会">
            <TreeSelect<number | null>
              treeData={branches}
              fieldNames={{ label: 'title', value: 'value' }}
              allowClear
              placeholder="选择分工会"
            />
          </Form.Item>
        )}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={50} placeholder={kind === 'group' ? '如：高一语文组' : '如：语文教研组分工会'} autoFocus />
        </Form.Item>
        <Form.Item name="leaderMemberId" label={leaderLabel}>
          <MemberPicker
            initial={edit.mode === 'edit' && edit.unit.leaderMemberId ? { value: edit.unit.leaderMemberId, label: edit.unit.leaderName ?? '' } : null}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
