import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Button, Empty, Result, Spin } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { MemberListRow } from '../../../../shared/contract';
import { errorMessage } from '../../api';
import type { MemberColumn } from './member-columns';
import type { MemberPageCache } from './member-page-cache';
import './member-table.css';

const ROW_H = 40;
const HEAD_H = 41;

export type SortState = { sortBy: string; sortOrder: 'asc' | 'desc' };

interface Props {
  cache: MemberPageCache;
  columns: MemberColumn[];
  sort: SortState;
  onSort?: (next: SortState) => void;
  onOpen: (row: MemberListRow) => void;
  /** CSS height of the scrolling box, e.g. 'calc(100vh - 320px)'. */
  height: string;
  onRetry?: () => void;
  emptyText?: string;
  label?: string;
}

/** Next sort on a header click: ascending, then descending, then back to the pinyin order of names. */
function nextSort(current: SortState, field: string): SortState {
  if (current.sortBy !== field) return { sortBy: field, sortOrder: 'asc' };
  if (current.sortOrder === 'asc') return { sortBy: field, sortOrder: 'desc' };
  return { sortBy: 'name', sortOrder: 'asc' };
}

/**
 * The member list as a virtual table: only the rows on screen exist in the DOM, and their data comes from
 * the page cache, which fetches pages of 200 as the clerk scrolls. Stays smooth at 100,000 members.
 */
export function MemberTable({ cache, columns, sort, onSort, onOpen, height, onRetry, emptyText, label = '会员名册' }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = cache.total ?? 0;
  // The build has no React Compiler, so the virtualizer's unmemoisable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 12,
    scrollMargin: HEAD_H,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    cache.want(first, last);
  }, [cache, first, last]);

  // A new query starts at its first row.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [cache]);

  const template = columns.map((c, i) => (i === columns.length - 1 ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((s, c) => s + c.width, 0);

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, row: MemberListRow | undefined) => {
    if (!row) return;
    if (e.key === 'Enter') onOpen(row);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const sibling = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (sibling as HTMLElement | null)?.focus();
    }
  };

  let body;
  if (cache.total == null && cache.error) {
    body = (
      <Result
        status="warning"
        title="会员名册没有加载出来"
        subTitle={errorMessage(cache.error)}
        extra={onRetry && <Button onClick={onRetry}>重试</Button>}
      />
    );
  } else if (cache.total == null) {
    body = (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin description="正在加载…" />
      </div>
    );
  } else if (cache.total === 0) {
    body = <Empty style={{ padding: 48 }} image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? '没有符合条件的会员'} />;
  }

  return (
    <div
      ref={scrollRef}
      className="member-table"
      style={{ height }}
      role="table"
      aria-label={label}
      aria-rowcount={count + 1}
      data-testid="member-table"
    >
      <div className="member-table__head" style={{ gridTemplateColumns: template, minWidth }} role="row" aria-rowindex={1}>
        {columns.map((c) => {
          const active = c.sortField && sort.sortBy === c.sortField;
          const sortable = !!c.sortField && !!onSort;
          return (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={active ? (sort.sortOrder === 'asc' ? 'ascending' : 'descending') : undefined}
              className={`member-table__th${sortable ? ' member-table__th--sortable' : ''}`}
              title={sortable ? (c.key === 'name' ? '按姓名拼音排序' : `按${c.title}排序`) : undefined}
              onClick={sortable ? () => onSort(nextSort(sort, c.sortField!)) : undefined}
            >
              {c.title}
              {sortable && (
                <span
                  aria-hidden
                  style={{ display: 'inline-flex', flexDirection: 'column', fontSize: 10, lineHeight: '8px', color: '#bfbfbf' }}
                >
                  <CaretUpOutlined style={{ color: active && sort.sortOrder === 'asc' ? '#c62f2f' : undefined }} />
                  <CaretDownOutlined style={{ color: active && sort.sortOrder === 'desc' ? '#c62f2f' : undefined }} />
                </span>
              )}
            </div>
          );
        })}
      </div>
      {body ?? (
        <div role="rowgroup" style={{ position: 'relative', height: virtualizer.getTotalSize(), minWidth }}>
          {items.map((item) => {
            const row = cache.rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={row ? 0 : -1}
                data-member-id={row?.id}
                className={`member-table__row${row ? '' : ' member-table__row--loading'}`}
                style={{
                  gridTemplateColumns: template,
                  height: ROW_H,
                  width: '100%',
                  minWidth,
                  transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
                }}
                onClick={row ? () => onOpen(row) : undefined}
                onKeyDown={(e) => onRowKey(e, row)}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className="member-table__td">
                    {row ? <span className="member-table__cell">{c.render(row)}</span> : <span className="member-table__placeholder" />}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
