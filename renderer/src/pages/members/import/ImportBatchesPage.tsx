import { Alert, App, Button, Card, Descriptions, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ImportBatch } from '../../../../../shared/contract';
import { api, errorMessage, isApiError } from '../../../api';
import { JobProgressModal } from '../../../components/import/JobProgressModal';
import { useJob } from '../../../components/import/use-job';
import { UNDO_NOTE } from './undo-note';
import { formatDateTime as time } from '../../../format';
import { IssuesDownload } from './ImportFindings';

/** One batch opened: where it came from, what it did, every skipped row with why, and its 问题行 to download. */
function BatchDetails({ b }: { b: ImportBatch }) {
  return (
    <div data-testid={`batch-details-${b.id}`}>
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="文件">{b.fileName}</Descriptions.Item>
        <Descriptions.Item label="工作表">{b.sheet ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="操作人">{b.actor}</Descriptions.Item>
        <Descriptions.Item label="读取">{b.rowsRead} 行</Descriptions.Item>
        <Descriptions.Item label="结果">
          新建 {b.created}，更新 {b.updated}，无变化 {b.unchanged}，跳过 {b.skipped}
        </Descriptions.Item>
        <Descriptions.Item label="新建的组织">{b.createdUnits.length ? b.createdUnits.join('、') : '无'}</Descriptions.Item>
      </Descriptions>
      {b.skippedRows.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>未导入的行（{b.skipped} 行）</Typography.Text>}
          dataSource={b.skippedRows}
          pagination={b.skippedRows.length > 8 ? { pageSize: 8, size: 'small' } : false}
          renderItem={(r) => (
            <List.Item>
              {b.sheet?.includes('、') ? `「${r.sheet}」` : ''}第 {r.row} 行：{r.reason}
            </List.Item>
          )}
          footer={b.skippedRowsMore ? <Typography.Text type="secondary">另有 {b.skippedRowsMore} 行，见下载的问题行</Typography.Text> : undefined}
          style={{ marginBottom: 8 }}
        />
      )}
      <Space>
        {b.issueRows > 0 ? (
          <IssuesDownload batchId={b.id} rows={b.issueRows} size="small" />
        ) : (
          <Typography.Text type="secondary">这一批没有跳过或需要核对的行可下载。</Typography.Text>
        )}
      </Space>
    </div>
  );
}


/** 导入记录: every roster import with its counts; a batch not yet undone can be undone as a whole. */
export function ImportBatchesPage() {
  const { message } = App.useApp();
  const [batches, setBatches] = useState<ImportBatch[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const undoJob = useJob('members.importUndoCancel');

  const load = useCallback(async () => {
    try {
      setBatches(await api.call('members.importBatches', {}));
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void load();
  }, [load]);

  const undo = async (b: ImportBatch) => {
    setBusy(b.id);
    setProblem(null);
    try {
      const r = await undoJob.run((jobId) => api.call('members.importUndo', { batchId: b.id, jobId }));
      message.success(`已撤销第 ${b.id} 批导入：移除 ${r.removed} 人，恢复 ${r.restored} 人`);
      await load();
    } catch (e) {
      if (isApiError(e) && e.code === 'CANCELLED') message.info(e.message);
      else setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="导入记录">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="batches-problem" />}
      <JobProgressModal job={undoJob} title={`正在撤销第 ${busy ?? ''} 批导入`} note={UNDO_NOTE} />
      <Table<ImportBatch>
        rowKey="id"
        size="small"
        loading={batches === null && !problem}
        dataSource={batches ?? []}
        aria-label="导入记录"
        locale={{ emptyText: '还没有导入过花名册' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (b) => <BatchDetails b={b} />, expandRowByClick: false }}
        columns={[
          { title: '批次', dataIndex: 'id', width: 64 },
          { title: '导入时间', dataIndex: 'createdAt', width: 160, render: time },
          { title: '文件', dataIndex: 'fileName', render: (f: string, b) => `${f}${b.sheet ? `（${b.sheet}）` : ''}` },
          { title: '操作人', dataIndex: 'actor', width: 80 },
          {
            title: '结果',
            width: 260,
            render: (_v, b) => `新建 ${b.created}，更新 ${b.updated}，无变化 ${b.unchanged}，跳过 ${b.skipped}${b.issueRows ? `；问题行 ${b.issueRows}` : ''}`,
          },

          {
            title: '状态',
            width: 170,
            render: (_v, b) => (b.undoneAt ? <Tag>已于 {time(b.undoneAt)} 撤销</Tag> : <Tag color="green">有效</Tag>),
          },
          {
            title: '',
            width: 90,
            render: (_v, b) =>
              b.undoneAt ? null : (
                <Popconfirm
                  title={`撤销第 ${b.id} 批导入？`}
                  description={<Typography.Text>新建的 {b.created} 人将被移除，更新的 {b.updated} 人恢复原值；撤销前会先备份。</Typography.Text>}
                  okText="撤销"
                  okButtonProps={{ danger: true }}
                  cancelText="不撤销"
                  onConfirm={() => undo(b)}
                >
                  <Button size="small" danger loading={busy === b.id} data-testid={`undo-batch-${b.id}`}>
                    撤销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
