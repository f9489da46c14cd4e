import { UndoOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ProposalImportBatch } from '../../../../../shared/contract';
import { api, errorMessage } from '../../../api';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

interface UndoProps {
  batchId: number;
  count: number;
  onUndone: () => void;
  size?: 'small' | 'middle';
  primary?: boolean;
}

/** 撤销这次导入, after a confirmation; a refusal (someone worked on the proposals since) is shown as is. */
export function UndoImportButton({ batchId, count, onUndone, size = 'middle', primary = false }: UndoProps) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    try {
      const r = await api.call('proposals.importUndo', { batchId });
      void message.success(`已撤销：移除 ${r.removed} 件，撤销前已备份。`);
      onUndone();
    } catch (e) {
      modal.warning({ title: '没有撤销', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title="撤销这次导入？"
      description={`这次导入登记的 ${count} 件提案和意见建议（连同补记的办理过程）将被移除。撤销前会先备份。`}
      okText="撤销导入"
      cancelText="不撤销"
      onConfirm={() => void undo()}
    >
      <Button size={size} danger={!primary} type={primary ? 'primary' : 'default'} icon={<UndoOutlined />} loading={busy}>
        撤销这次导入
      </Button>
    </Popconfirm>
  );
}

/** The session's earlier imports, newest first, each undoable while nothing was done to it. */
export function ImportBatches({ sessionId, revision }: { sessionId: number; revision: number }) {
  const [batches, setBatches] = useState<ProposalImportBatch[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setBatches(await api.call('proposals.importBatches', { sessionId }));
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }, [sessionId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void load();
  }, [load, revision]);
  if (problem) return <Typography.Text type="danger">{problem}</Typography.Text>;
  if (!batches?.length) return null;
  return (
    <div style={{ marginTop: 24 }}>
      <Typography.Title level={5}>本届次的导入记录</Typography.Title>
      <Table<ProposalImportBatch>
        size="small"
        rowKey="id"
        data-testid="import-batches"
        dataSource={batches}
        pagination={false}
        columns={[
          { title: '批次', dataIndex: 'id', width: 64 },
          { title: '时间', dataIndex: 'createdAt', width: 140, render: when },
          { title: '文件', dataIndex: 'fileName', ellipsis: true, render: (v: string, b) => `${v}${b.sheet ? `（${b.sheet}）` : ''}` },
          { title: '经办人', dataIndex: 'actor', width: 90 },
          { title: '登记', dataIndex: 'created', width: 64, align: 'right' },
          { title: '跳过', dataIndex: 'skipped', width: 64, align: 'right' },
          {
            title: '',
            key: 'undo',
            width: 190,
            render: (_v, b) =>
              b.undoneAt ? (
                <Tag>已于 {when(b.undoneAt)} 撤销</Tag>
              ) : (
                <UndoImportButton batchId={b.id} count={b.created} size="small" onUndone={() => void load()} />
              ),
          },
        ]}
      />
    </div>
  );
}
