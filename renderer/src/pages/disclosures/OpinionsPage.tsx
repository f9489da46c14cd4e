import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Switch, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { OpinionQuery } from '../../../../shared/contract';
import { OPINION_STATUS_LABELS, OPINION_STATUSES, type OpinionStatus } from '../../../../shared/domain/disclosure-labels';
import { useChannel } from '../../api/use-channel';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';
import { OpinionModal } from './OpinionModal';
import { OpinionTable } from './OpinionTable';
import { ListSearch, ListToolbar } from '../../components/list';

type StatusFilter = OpinionStatus | 'all' | 'open';

/** 意见反馈: every opinion, filtered by status, overdue only, or text; ?overdue=1 comes from 首页. */
export function OpinionsPage() {
  const { settings } = useAppState();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as StatusFilter | null) ?? 'all';
  const overdueOnly = params.get('overdue') === '1';
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [session, setSession] = useState(0);

  const query = useMemo<OpinionQuery>(
    () => ({
      ...(status === 'open' ? { statuses: ['pending', 'in_progress'] } : status !== 'all' ? { statuses: [status] } : {}),
      overdueOnly,
      ...(search.trim() ? { search: search.trim() } : {}),
    }),
    [status, overdueOnly, search],
  );
  const list = useChannel('opinions.list', query);

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, val] of Object.entries(patch)) {
      if (val === null) next.delete(k);
      else next.set(k, val);
    }
    setParams(next, { replace: true });
  };
  const add = () => {
    setSession((n) => n + 1);
    setAdding(true);
  };
  useShortcut('ctrl+n', add);

  return (
    <div>
      <ListToolbar>
        <Segmented<StatusFilter>
          aria-label="状态"
          value={status}
          onChange={(v) => set({ status: v === 'all' ? null : v })}
          options={[
            { value: 'all', label: '全部' },
            { value: 'open', label: '未答复' },
            ...OPINION_STATUSES.map((s) => ({ value: s, label: OPINION_STATUS_LABELS[s] })),
          ]}
        />
        <Space size={6}>
          <Switch aria-label="只看逾期" checked={overdueOnly} onChange={(on) => set({ overdue: on ? '1' : null })} data-testid="overdue-only" />
          <Typography.Text>只看逾期</Typography.Text>
        </Space>
        <ListSearch label="搜索意见" placeholder="意见内容、反映人、转交部门或答复" width={280} value={search} onChange={setSearch} />
        <ListToolbar.Spacer />
        <Tooltip title={`登记意见（${keyLabel('ctrl+n')}）`}>
          <Button type="primary" icon={<PlusOutlined />} onClick={add}>
            登记意见
          </Button>
        </Tooltip>
      </ListToolbar>
      {list.problem && <Alert type="error" showIcon title={list.problem} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="opinion-total">
        {list.data ? `共 ${list.data.total} 条` : '正在读取…'}　答复期限默认为收到后 {settings.opinionReplyDays} 个工作日，逾期未答复的标为红色。
      </Typography.Paragraph>
      <OpinionTable
        rows={list.data?.rows ?? []}
        loading={!list.data && !list.problem}
        onChanged={list.reload}
        emptyText={overdueOnly ? '没有逾期未答复的意见' : '还没有意见记录，点击「登记意见」开始。'}
      />
      <OpinionModal
        key={`new-${session}`}
        open={adding}
        original={null}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          void list.reload();
        }}
      />
    </div>
  );
}
