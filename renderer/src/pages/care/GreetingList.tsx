import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ComponentProps, ReactNode } from 'react';
import type { ChannelAnswer } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { GreetingActions } from './GreetingActions';

interface Props<T> {
  /** The pickers (月份, 年度, 起始年龄 …) at the left of the toolbar. */
  filters: ReactNode;
  list: ChannelAnswer<T[]>;
  countText: (n: number) => string;
  countTestId: string;
  actions: ComponentProps<typeof GreetingActions>;
  columns: ColumnsType<T>;
}

/** A greeting list (生日, 逢十): its pickers, the count, 打印名单 / 导出 Excel, and the members in it. */
export function GreetingList<T extends { memberId: number }>({ filters, list, countText, countTestId, actions, columns }: Props<T>) {
  return (
    <div>
      <ListToolbar>
        {filters}
        <Typography.Text data-testid={countTestId}>{list.data ? countText(list.data.length) : ''}</Typography.Text>
        <div style={{ flex: 1 }} />
        <GreetingActions {...actions} />
      </ListToolbar>
      {list.problem && <Alert type="error" showIcon message={list.problem} />}
      <Table<T> rowKey="memberId" size="small" loading={!list.loaded} dataSource={list.data ?? []} pagination={false} columns={columns} />
    </div>
  );
}
