import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ColumnChooser } from '../../components/members/ColumnChooser';
import { MemberTable, type SortState } from '../../components/members/MemberTable';
import { loadColumnKeys, MEMBER_COLUMNS, saveColumnKeys } from '../../components/members/member-columns';
import { useGroupTree } from '../../components/members/use-group-tree';
import { useMemberPages } from '../../components/members/use-member-pages';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { MemberFilters } from './MemberFilters';
import { ExportButton } from './import/ExportButton';
import { rememberListAddress } from './list-address';
import {
  DEFAULT_FILTER,
  filterFromParams,
  filterToParams,
  filterToQuery,
  hasFilters,
  type MemberFilter,
  type MemberSortField,
} from './member-filter';
import { ListSearch, ListToolbar } from '../../components/list';
import { MEMBER_TOTAL_CAP } from '../../../../shared/contract/members';

const SEARCH_DELAY_MS = 200;

/** 会员名册: one search box, filters, and the virtual table of every member that matches. */
export function MemberListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const query = useMemo(() => filterToQuery(filter), [filter]);
  const [reloadKey, setReloadKey] = useState(0);
  const cache = useMemberPages(query, reloadKey);
  const { tree } = useGroupTree();
  const [columnKeys, setColumnKeys] = useState(loadColumnKeys);
  const columns = useMemo(() => MEMBER_COLUMNS.filter((c) => columnKeys.includes(c.key)), [columnKeys]);
  const searchRef = useRef<InputRef>(null);
  // Set when the clerk opens a member or the form, so a search still waiting for its pause does not pull the
  // address back to the list a moment later.
  const leaving = useRef(false);
  const go = (to: string) => {
    leaving.current = true;
    void navigate(to);
  };

  // The box shows what is typed at once; the list follows after a short pause.
  const [text, setText] = useState(filter.search);
  const [shownSearch, setShownSearch] = useState(filter.search);
  if (shownSearch !== filter.search) {
    // The address changed from outside (back button, menu): the box follows it.
    setShownSearch(filter.search);
    setText(filter.search);
  }

  const update = (patch: Partial<MemberFilter>) => setParams(filterToParams({ ...filter, ...patch }), { replace: true });

  useEffect(() => {
    if (text === filter.search) return;
    const timer = setTimeout(() => {
      if (leaving.current) return;
      // Marked as ours, so the sync above does not put an older text back while the clerk keeps typing.
      setShownSearch(text);
      setParams(filterToParams({ ...filter, search: text }), { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter, setParams]);

  useEffect(() => rememberListAddress(params.toString()), [params]);

  useShortcut('ctrl+f', () => searchRef.current?.focus({ cursor: 'all' }));
  useShortcut('ctrl+n', () => go('/members/new'));

  const sort: SortState = { sortBy: filter.sortBy, sortOrder: filter.sortOrder };
  const chooseColumns = (keys: string[]) => {
    setColumnKeys(keys);
    saveColumnKeys(keys);
  };

  return (
    <div>
      <ListToolbar>
        <ListSearch inputRef={searchRef} testId="member-search" label="搜索会员" placeholder="姓名、拼音首字母、身份证号、手机号或会员证号" width={440} value={text} onChange={setText} />
        <ListToolbar.Spacer />
        <ColumnChooser value={columnKeys} onChange={chooseColumns} />
        <Button icon={<ImportOutlined />} onClick={() => go('/members/import')} data-testid="import-roster">
          导入花名册
        </Button>
        <ExportButton query={query} total={cache.total} />
        <Tooltip title={`新增会员（${keyLabel('ctrl+n')}）`}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => go('/members/new')}>
            新增会员
          </Button>
        </Tooltip>
      </ListToolbar>
      <div style={{ marginBottom: 12 }}>
        <MemberFilters filter={filter} onChange={update} tree={tree} />
      </div>
      <Space style={{ marginBottom: 8 }} size="middle">
        <Typography.Text data-testid="member-total">
          {cache.total == null
            ? cache.error
              ? '未能统计'
              : '正在统计…'
            : cache.capped
              ? `超过 ${MEMBER_TOTAL_CAP.toLocaleString()} 人（再输入几个字可缩小范围）`
              : `共 ${cache.total} 人`}
        </Typography.Text>
        {(hasFilters(filter) || filter.search) && (
          <Typography.Link
            onClick={() => {
              setText('');
              setParams(filterToParams({ ...DEFAULT_FILTER, sortBy: filter.sortBy, sortOrder: filter.sortOrder }), { replace: true });
            }}
          >
            清除搜索和筛选
          </Typography.Link>
        )}
      </Space>
      <MemberTable
        cache={cache}
        columns={columns}
        sort={sort}
        onSort={(s) => update({ sortBy: s.sortBy as MemberSortField, sortOrder: s.sortOrder })}
        onOpen={(row) => go(`/members/${row.id}`)}
        onRetry={() => setReloadKey((k) => k + 1)}
        height="max(320px, calc(100vh - 330px))"
      />
    </div>
  );
}
