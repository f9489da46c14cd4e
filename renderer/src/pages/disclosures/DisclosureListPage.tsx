import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table, Tag, Tooltip, Typography, type InputRef, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { DisclosureListRow } from '../../../../shared/contract';
import { ALL_DISCLOSURE_FORMS, DISCLOSURE_FORMS } from '../../../../shared/domain/disclosure-labels';
import { useChannel } from '../../api/use-channel';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';
import { EMPTY_FILTER, filterFromParams, filterToParams, filterToQuery, periodText, rememberListAddress, type DisclosureFilter } from './disclosure-filter';
import { scopeLabel, timingLabel } from './labels';
import { PeriodPicker } from './PeriodPicker';
import { ListSearch, ListToolbar } from '../../components/list';

const SEARCH_DELAY_MS = 250;

const COLUMNS: TableColumnsType<DisclosureListRow> = [
  { key: 'regNo', title: '登记号', dataIndex: 'regNo', width: 96, render: (v: string) => <span data-testid="reg-no">{v}</span> },
  {
    key: 'title',
    title: '公开事项',
    dataIndex: 'title',
    ellipsis: true,
    render: (v: string, r) => (
      <Space size={6}>
        <Typography.Link data-testid="disclosure-title">{v}</Typography.Link>
        {r.attachmentCount > 0 && (
          <Tooltip title={`${r.attachmentCount} 个附件`}>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              <PaperClipOutlined /> {r.attachmentCount}
            </Typography.Text>
          </Tooltip>
        )}
      </Space>
    ),
  },
  { key: 'category', title: '类别', dataIndex: 'category', width: 104 },
  {
    key: 'forms',
    title: '公开形式',
    dataIndex: 'forms',
    width: 210,
    render: (forms: string[]) => forms.map((f) => <Tag key={f} style={{ marginInlineEnd: 4 }}>{f}</Tag>),
  },
  { key: 'scope', title: '范围', dataIndex: 'scope', width: 86, render: scopeLabel },
  { key: 'timing', title: '时限', dataIndex: 'timing', width: 60, render: timingLabel },
  { key: 'disclosedOn', title: '公开日期', dataIndex: 'disclosedOn', width: 104 },
  { key: 'until', title: '公开期限', dataIndex: 'until', width: 104, render: (v: string | null) => v ?? '—' },
  { key: 'department', title: '责任部门', dataIndex: 'department', width: 120, ellipsis: true, render: (v: string | null) => v ?? '—' },
  {
    key: 'opinions',
    title: '意见',
    width: 96,
    render: (_v, r) =>
      r.overdueOpinionCount > 0 ? (
        <Tag color="red" data-testid="row-overdue">{`${r.overdueOpinionCount} 条逾期`}</Tag>
      ) : r.opinionCount > 0 ? (
        `${r.opinionCount} 条`
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
];

/** 公开事项 list: the period, 类别 and 形式 filters and a text search, all kept in the address. */
export function DisclosureListPage() {
  const navigate = useNavigate();
  const { settings } = useAppState();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const query = useMemo(() => filterToQuery(filter), [filter]);
  const list = useChannel('disclosures.list', query);
  const searchRef = useRef<InputRef>(null);
  const [text, setText] = useState(filter.search);
  const update = (patch: Partial<DisclosureFilter>) => setParams(filterToParams({ ...filter, ...patch }), { replace: true });

  useEffect(() => {
    if (text === filter.search) return;
    const timer = setTimeout(() => setParams(filterToParams({ ...filter, search: text }), { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter, setParams]);
  useEffect(() => rememberListAddress(params.toString()), [params]);

  useShortcut('ctrl+n', () => void navigate('/disclosure/new'));
  useShortcut('ctrl+f', () => searchRef.current?.focus({ cursor: 'all' }));

  const categories = [...new Set([...settings.disclosureCategories, ...(filter.category ? [filter.category] : [])])];
  const forms = [...new Set([...DISCLOSURE_FORMS[settings.unitType], ...(filter.form && ALL_DISCLOSURE_FORMS.includes(filter.form) ? [filter.form] : [])])];
  const filtered = !!(filter.period || filter.category || filter.form || filter.search);

  return (
    <div>
      <ListToolbar>
        <PeriodPicker allowAll value={filter.period} onChange={(period) => update({ period })} />
        <Select
          aria-label="类别"
          data-testid="filter-category"
          allowClear
          placeholder="全部类别"
          style={{ width: 140 }}
          value={filter.category || undefined}
          onChange={(v?: string) => update({ category: v ?? '' })}
          options={categories.map((c) => ({ value: c, label: c }))}
        />
        <Select
          aria-label="公开形式"
          data-testid="filter-form"
          allowClear
          placeholder="全部形式"
          style={{ width: 140 }}
          value={filter.form || undefined}
          onChange={(v?: string) => update({ form: v ?? '' })}
          options={forms.map((c) => ({ value: c, label: c }))}
        />
        <ListSearch inputRef={searchRef} label="搜索公开事项" testId="disclosure-search" placeholder="公开事项、登记号、责任部门或内容" width={300} value={text} onChange={setText} />
        <ListToolbar.Spacer />
        <Tooltip title={`登记公开事项（${keyLabel('ctrl+n')}）`}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/disclosure/new')}>
            登记公开事项
          </Button>
        </Tooltip>
      </ListToolbar>
      {list.problem && <Alert type="error" showIcon title={list.problem} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="disclosure-total">
          {list.data ? `${filter.period ? `${periodText(filter.period)}：` : ''}共 ${list.data.total} 项` : '正在读取…'}
        </Typography.Text>
        {filtered && (
          <Typography.Link
            onClick={() => {
              setText('');
              setParams(filterToParams(EMPTY_FILTER), { replace: true });
            }}
          >
            清除筛选
          </Typography.Link>
        )}
      </Space>
      <Table<DisclosureListRow>
        data-testid="disclosure-table"
        size="middle"
        rowKey="id"
        columns={COLUMNS}
        dataSource={list.data?.rows ?? []}
        loading={!list.data && !list.problem}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1150 }}
        onRow={(r) => ({ onClick: () => void navigate(`/disclosure/${r.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: filtered ? '没有符合条件的公开事项' : '还没有登记公开事项，点击「登记公开事项」开始。' }}
      />
    </div>
  );
}
