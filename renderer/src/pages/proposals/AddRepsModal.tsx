import { Alert, AutoComplete, Form, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { GroupTreeSelect } from '../../components/members/GroupTreeSelect';
import { useGroupTree } from '../../components/members/use-group-tree';

interface Option {
  value: number;
  label: string;
}

interface Props {
  open: boolean;
  sessionId: number;
  /** Delegations already used in this session, offered for reuse. */
  delegations: string[];
  onClose: () => void;
  onDone: (added: number, alreadyThere: number) => void;
}

const SEARCH_DELAY_MS = 200;

/**
 * 添加代表: representatives are members from the files. Pick people by name or pinyin, or take everyone in a
 * 分工会 / 工会小组 at once (delegations usually follow the 分工会), then name their 代表团.
 */
export function AddRepsModal({ open, sessionId, delegations, onClose, onDone }: Props) {
  const [chosen, setChosen] = useState<Option[]>([]);
  const [options, setOptions] = useState<Option[]>([]);
  const [search, setSearch] = useState('');
  const [delegation, setDelegation] = useState('');
  const [groupId, setGroupId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { tree, units } = useGroupTree();
  const seq = useRef(0);

  useEffect(() => {
    const q = search.trim();
    if (!q) return;
    const timer = setTimeout(() => {
      const mine = ++seq.current;
      api
        .call('members.list', { search: q.slice(0, 50), limit: 30 })
        .then((r) => {
          if (mine === seq.current) setOptions(r.rows.map((m) => ({ value: m.id, label: [m.name, m.group].filter(Boolean).join('　') })));
        })
        .catch((e: unknown) => setProblem(errorMessage(e)));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const takeGroup = async (id: number | null) => {
    setGroupId(id);
    if (!id) return;
    try {
      const r = await api.call('members.list', { groupId: id, limit: 1000 });
      setChosen((prev) => {
        const have = new Set(prev.map((o) => o.value));
        return [...prev, ...r.rows.filter((m) => !have.has(m.id)).map((m) => ({ value: m.id, label: [m.name, m.group].filter(Boolean).join('　') }))];
      });
      const unit = units.find((u) => u.id === id);
      if (unit && !delegation.trim()) setDelegation(unit.kind === 'branch' ? unit.name.replace(/分工会$/, '代表团') : unit.name);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const submit = async () => {
    if (!chosen.length) return setProblem('请先选择代表。');
    if (!delegation.trim()) return setProblem('请填写代表团。');
    setSaving(true);
    setProblem(null);
    try {
      const r = await api.call('representatives.add', {
        sessionId,
        entries: chosen.map((o) => ({ memberId: o.value, delegation: delegation.trim() })),
      });
      onDone(r.added, r.alreadyThere);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="添加代表"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={chosen.length ? `添加 ${chosen.length} 人` : '添加'}
      confirmLoading={saving}
      destroyOnHidden
      width={620}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="reps-problem" />}
      <Form layout="vertical">
        <Form.Item label="代表（从会员档案中选择）">
          <Select<Option[]>
            mode="multiple"
            labelInValue
            aria-label="选择代表"
            data-testid="rep-picker"
            value={chosen}
            onChange={(v) => setChosen(v)}
            options={options}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="输入姓名或拼音首字母查找，可选多人"
            notFoundContent={search.trim() ? '没有找到' : '输入姓名、拼音首字母或会员证号'}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label="或按组织添加" extra="选中的分工会或工会小组的全部在册会员会加入上面的名单。">
          <GroupTreeSelect tree={tree} value={groupId} onChange={(v) => void takeGroup(v)} placeholder="选择分工会或工会小组" aria-label="按组织添加" />
        </Form.Item>
        <Form.Item label="代表团" required>
          <AutoComplete
            aria-label="代表团"
            value={delegation}
            onChange={setDelegation}
            options={delegations.map((d) => ({ value: d }))}
            placeholder="如：第一代表团、机关代表团"
            maxLength={40}
          />
        </Form.Item>
      </Form>
      <Space>
        <Typography.Text type="secondary">已在本届代表名单中的会员会自动跳过。</Typography.Text>
      </Space>
    </Modal>
  );
}
