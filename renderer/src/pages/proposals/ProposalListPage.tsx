import { BookOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PrintRequest, ProposalListRow } from '../../../../shared/contract';
import { PROPOSAL_STATE_LABELS, PROPOSAL_STATES, type ProposalState } from '../../../../shared/domain/proposal-workflow';
import { api, errorMessage } from '../../api';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { PrintModal } from './PrintModal';
import { SessionSelect } from './SessionSelect';
import { StateTag } from './StateTag';
import { useCurrentSession, useSessions } from './use-sessions';
import { ListSearch, ListToolbar } from '../../components/list';

const SEARCH_DELAY_MS = 200;

/** 提案登记簿: the items of one session by number, with state, overdue and text filters kept in the address. */
export function ProposalListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { sessions, loaded } = useSessions();
  const { current, choose } = useCurrentSession(sessions);
  const state = (params.get('state') || undefined) as ProposalState | undefined;
  const overdue = params.get('overdue') === '1';
  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  const [rows, setRows] = useState<ProposalListRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [print, setPrint] = useState<PrintRequest | null>(null);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (text === search) return;
    const timer = setTimeout(() => setParam('q', text.trim() || null), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  });

  const query = useMemo(
    () => (current ? { sessionId: current.id, ...(state ? { states: [state] } : {}), ...(overdue ? { overdue: true } : {}), ...(search ? { search } : {}) } : null),
    [current, state, overdue, search],
  );
  useEffect(() => {
    if (!query) return;
    let live = true;
    api
      .call('proposals.list', { ...query, limit: 2000 })
      .then((r) => live && (setRows(r.rows), setProblem(null)))
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [query]);

  const newAddress = current ? `/proposals/new?session=${current.id}` : '/proposals/new';
  useShortcut('ctrl+n', () => void navigate(newAddress), !!current);

  if (loaded && !sessions.length) {
    return (
      <Empty description="还没有届次。先在「届次与代表」中新建一届代表大会并添加代表，再登记提案。">
        <Button type="primary" onClick={() => void navigate('/proposals/sessions')}>
          去新建届次
        </Button>
      </Empty>
    );
  }

  return (
    <div>
      <ListToolbar>
        <SessionSelect sessions={sessions} value={current?.id ?? null} onChange={choose} width={170} />
        <Select<ProposalState>
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={state}
          onChange={(v) => setParam('state', v ?? null)}
          options={PROPOSAL_STATES.map((s) => ({ value: s, label: PROPOSAL_STATE_LABELS[s] }))}
        />
        <Space size={4}>
          <Switch size="small" checked={overdue} onChange={(on) => setParam('overdue', on ? '1' : null)} aria-label="只看逾期未答复" />
          <Typography.Text>只看逾期未答复</Typography.Text>
        </Space>
        <ListSearch label="搜索提案" placeholder="案由、提案人或流水号" width={180} value={text} onChange={setText} />
        <ListToolbar.Spacer />
        <Button icon={<ImportOutlined />} disabled={!current} onClick={() => current && void navigate(`/proposals/import?session=${current.id}`)}>
          导入提案
        </Button>
        <Button icon={<BookOutlined />} disabled={!current} onClick={() => current && setPrint({ form: 'compilation', sessionId: current.id })}>
          打印提案汇编
        </Button>
        <Tooltip title={`登记提案（${keyLabel('ctrl+n')}）`}>
          <Button type="primary" icon={<PlusOutlined />} disabled={!current} onClick={() => void navigate(newAddress)}>
            登记提案
          </Button>
        </Tooltip>
      </ListToolbar>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Typography.Text data-testid="proposal-total" style={{ display: 'block', marginBottom: 8 }}>
        {rows ? `共 ${rows.length} 件` : '正在读取…'}
        {current && current.overdueCount > 0 && !overdue && (
          <Typography.Link style={{ marginLeft: 12 }} onClick={() => setParam('overdue', '1')}>
            其中逾期未答复 {current.overdueCount} 件
          </Typography.Link>
        )}
      </Typography.Text>
      <Table<ProposalListRow>
        size="small"
        rowKey="id"
        data-testid="proposal-table"
        dataSource={rows ?? []}
        loading={!rows}
        pagination={rows && rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        onRow={(r) => ({ onDoubleClick: () => void navigate(`/proposals/${r.id}`) })}
        locale={{ emptyText: search || state || overdue ? '没有符合条件的提案' : '本届次还没有登记提案' }}
        columns={[
          { title: '编号', dataIndex: 'number', width: 200, render: (v: string, r) => <Link to={`/proposals/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{v}</Link> },
          {
            title: '案由',
            dataIndex: 'title',
            ellipsis: true,
            render: (v: string, r) => (
              <span>
                {v}
                {r.mergedInto && <Typography.Text type="secondary">（并入 {r.mergedInto.number}）</Typography.Text>}
              </span>
            ),
          },
          { title: '类别', dataIndex: 'category', width: 120, ellipsis: true },
          { title: '提案人', dataIndex: 'proposerName', width: 80 },
          { title: '代表团', dataIndex: 'delegation', width: 96, ellipsis: true },
          { title: '主办部门', dataIndex: 'leadUnit', width: 100, ellipsis: true },
          {
            title: '答复期限',
            dataIndex: 'deadline',
            width: 96,
            render: (v: string | null, r) => (v ? <Typography.Text type={r.overdue ? 'danger' : undefined}>{v}</Typography.Text> : ''),
          },
          { title: '状态', dataIndex: 'state', width: 120, render: (_v, r) => <StateTag row={r} /> },
          { title: '答复', dataIndex: 'replyClass', width: 56, align: 'center' },
        ]}
      />
      <PrintModal request={print} onClose={() => setPrint(null)} />
    </div>
  );
}
