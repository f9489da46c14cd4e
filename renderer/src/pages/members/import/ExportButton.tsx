import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../api';
import { saveFile } from '../../../api/platform';
import type { MemberListQuery } from '../member-filter';

const TEMPLATES = [
  { key: 'standard', label: '工会台账花名册（全部字段）' },
  { key: 'hainan', label: '上级工会实名制模板（海南省总工会 20 列）' },
] as const;

/** 导出当前筛选: the list's query (no paging) written to .xlsx with the chosen template, then saved/downloaded. */
export function ExportButton({ query, total }: { query: MemberListQuery; total: number | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (template: 'standard' | 'hainan') => {
    setBusy(true);
    try {
      const ref = await api.call('members.export', { query, template });
      const saved = await saveFile(ref);
      if (saved) message.success(`已导出 ${ref.count} 人（${ref.fileName}）`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      disabled={busy || total === 0}
      trigger={['click']}
      menu={{ items: TEMPLATES.map((t) => ({ key: t.key, label: t.label })), onClick: ({ key }) => void run(key as 'standard' | 'hainan') }}
    >
      <Button icon={<ExportOutlined />} loading={busy} data-testid="export-filtered">
        导出当前筛选 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
