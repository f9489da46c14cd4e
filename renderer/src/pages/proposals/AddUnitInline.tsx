import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { HandlingUnit } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';

interface Props {
  /** No unit exists yet: the field says so and invites the first one. */
  empty: boolean;
  onAdded: (unit: HandlingUnit) => void;
}

/**
 * A new 承办部门 typed right in the 交办 dialog: without it, a first 交办 dead-ends in 「请先在「承办部门」中添加」,
 * and the clerk loses the dialog to go and add one.
 */
export function AddUnitInline({ empty, onAdded }: Props) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async () => {
    const n = name.trim();
    if (!n) return;
    setBusy(true);
    setProblem(null);
    try {
      const u = await api.call('handlingUnits.create', { name: n });
      setName('');
      onAdded(u);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginTop: 6 }}>
      {empty && <Typography.Text type="secondary">还没有承办部门，可在这里直接添加：</Typography.Text>}
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input
          aria-label="新承办部门名称"
          placeholder="新承办部门名称，如 后勤管理处"
          maxLength={50}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault();
            void add();
          }}
          data-testid="new-unit-name"
        />
        <Button onClick={() => void add()} loading={busy} disabled={!name.trim()} data-testid="new-unit-add">
          添加部门
        </Button>
      </Space.Compact>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </div>
  );
}
