import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { ProposalDetail } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { pickFile, saveFile } from '../../api/platform';
import { formatBytes } from '../../format';

/** 附件: scans of the signed sheet, surveys, photos; kept inside the database so backups carry them. */
export function AttachmentsCard({ p, onChange }: { p: ProposalDetail; onChange: (p: ProposalDetail) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await what();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const add = () =>
    run(async () => {
      const ref = await pickFile({ title: '选择附件', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'xls', 'xlsx', 'txt'] });
      if (ref) onChange(await api.call('proposals.attachmentAdd', { proposalId: p.id, token: ref.token }));
    });
  return (
    <Card
      size="small"
      title="附件"
      extra={
        <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => void add()}>
          添加附件
        </Button>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        dataSource={p.attachments}
        locale={{ emptyText: '没有附件' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Popconfirm key="rm" title={`删除附件「${a.fileName}」？`} okText="删除" cancelText="取消" onConfirm={() => void run(async () => onChange(await api.call('proposals.attachmentRemove', { id: a.id })))}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${a.fileName}`} />
              </Popconfirm>,
            ]}
          >
            <Typography.Link onClick={() => void run(async () => void (await saveFile(await api.call('proposals.attachmentGet', { id: a.id }))))}>
              <PaperClipOutlined /> {a.fileName}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatBytes(a.sizeBytes)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
