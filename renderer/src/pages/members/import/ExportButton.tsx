import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, isApiError } from '../../../api';
import { saveFile } from '../../../api/platform';
import { ProgressPanel } from '../../../components/import/ProgressPanel';
import { useJob } from '../../../components/import/use-job';
import type { MemberListQuery } from '../member-filter';

const TEMPLATES = [
  { key: 'standard', label: '工会台账花名册（全部字段）' },
  { key: 'hainan', label: '上级工会实名制模板（海南省总工会 20 列）' },
] as const;

/**
 * 导出当前筛选: the list's query (no paging) written to .xlsx with the chosen template, then saved/downloaded.
 * The export runs in the main process's task thread; a long one shows its progress and can be cancelled.
 */
type Template = 'standard' | 'hainan';

/** Reasons a union office gives most often; the clerk may type any other. */
const REASONS = ['报送上级工会', '会员实名制核对', '会费核算', '年度统计'];

export function ExportButton({ query, total }: { query: MemberListQuery; total: number | null }) {
  const { message } = App.useApp();
  const job = useJob('members.exportCancel');
  const busy = job.running;
  const [asking, setAsking] = useState<Template | null>(null);
  const [reason, setReason] = useState('');
  // Full ID numbers leave the app: once several people log in, each export says why (#16, logged with the file).
  const choose = async (template: Template) => {
    try {
      const s = await api.call('operators.current', {});
      if (s.loginEnabled) {
        setReason('');
        setAsking(template);
      } else await run(template);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const run = async (template: Template, why?: string) => {
    try {
      const ref = await job.run((jobId) => api.call('members.export', { query, template, jobId, ...(why ? { reason: why } : {}) }));
      const saved = await saveFile(ref);
      if (saved) message.success(`已导出 ${ref.count} 人（${ref.fileName}）`);
    } catch (e) {
      if (isApiError(e) && e.code === 'CANCELLED') message.info('已取消导出');
      else message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Modal
        open={asking !== null}
        title="导出原因"
        okText="导出"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setAsking(null)}
        onOk={() => {
          const t = asking;
          setAsking(null);
          if (t) void run(t, reason.trim());
        }}
        data-testid="export-reason"
      >
        <Typography.Paragraph>导出的花名册含完整身份证号，请写明用途；原因、文件名和人数会记入修改记录。</Typography.Paragraph>
        <Input value={reason} maxLength={100} placeholder="如：报送上级工会" onChange={(e) => setReason(e.target.value)} autoFocus />
        <Space wrap style={{ marginTop: 8 }}>
          {REASONS.map((r) => (
            <Tag key={r} style={{ cursor: 'pointer' }} onClick={() => setReason(r)}>
              {r}
            </Tag>
          ))}
        </Space>
      </Modal>
      <Modal open={job.slow} footer={null} closable={false} mask={{ closable: false }} width={560} title={null}>
        <ProgressPanel title="正在导出会员花名册" progress={job.progress} onCancel={job.cancel} note="取消后不会生成文件。" />
      </Modal>
      <Dropdown
      disabled={busy || total === 0}
      trigger={['click']}
      menu={{ items: TEMPLATES.map((t) => ({ key: t.key, label: t.label })), onClick: ({ key }) => void choose(key as Template) }}
    >
      <Button icon={<ExportOutlined />} loading={busy} data-testid="export-filtered">
        导出当前筛选 <DownOutlined />
        </Button>
      </Dropdown>
    </>
  );
}
