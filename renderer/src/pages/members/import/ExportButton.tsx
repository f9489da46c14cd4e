import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { api, errorMessage, isApiError } from '../../../api';
import { saveFile } from '../../../api/platform';
import { JobProgressModal } from '../../../components/import/JobProgressModal';
import { useJob } from '../../../components/import/use-job';
import { usePiiExport, type PiiAsk } from '../../../components/pii/use-pii-export';
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

export function ExportButton({ query, total }: { query: MemberListQuery; total: number | null }) {
  const { message } = App.useApp();
  const job = useJob('members.exportCancel');
  const busy = job.running;
  // Full ID numbers leave the app: the shared question (完整号码 with its reason, or 遮盖号码), #16.
  const pii = usePiiExport();
  const choose = async (template: Template) => {
    try {
      const ask = await pii.ask('会员花名册');
      if (ask) await run(template, ask);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const run = async (template: Template, ask: PiiAsk) => {
    try {
      const ref = await job.run((jobId) => api.call('members.export', { query, template, jobId, ...ask }));
      const saved = await saveFile(ref);
      if (saved) message.success(`已导出 ${ref.count} 人（${ref.fileName}${ref.masked ? '，号码已遮盖' : ''}）`);
    } catch (e) {
      if (isApiError(e) && e.code === 'CANCELLED') message.info('已取消导出');
      else message.error(errorMessage(e));
    }
  };
  return (
    <>
      {pii.modal}
      <JobProgressModal job={job} title="正在导出会员花名册" note="取消后不会生成文件。" />
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
