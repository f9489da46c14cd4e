import { DatePicker, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { BirthdayRow } from '../../../../shared/contract';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { DecadeList } from './DecadeList';
import { GreetingList } from './GreetingList';

/** 本月生日: serving members (在册) born in the chosen month, by day; 保留会籍 members are not listed. */
export function BirthdaysPage() {
  const [mode, setMode] = useState<'month' | 'decade'>('month');
  const switcher = (
    <Segmented<'month' | 'decade'> style={{ marginBottom: 12 }} value={mode} onChange={setMode} options={[{ value: 'month', label: '按月' }, { value: 'decade', label: '逢十' }]} />
  );
  if (mode === 'decade')
    return (
      <div>
        {switcher}
        <DecadeList />
      </div>
    );
  return <MonthList switcher={switcher} />;
}

function MonthList({ switcher }: { switcher: ReactNode }) {
  const [month, setMonth] = useState(dayjs());
  const q = { year: month.year(), month: month.month() + 1 };
  const list = useChannel('care.birthdays', q);
  return (
    <div>
      {switcher}
      <GreetingList<BirthdayRow>
        filters={<DatePicker picker="month" aria-label="月份" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} />}
        list={list}
        countText={(n) => `${month.year()}年${month.month() + 1}月过生日的会员 ${n} 人`}
        countTestId="birthday-count"
        actions={{
          docKey: `${q.year}-${q.month}`,
          title: '生日慰问名单',
          html: () => api.call('care.birthdaysHtml', q),
          pdf: () => api.call('care.birthdaysPdf', q),
          xlsx: () => api.call('care.birthdaysXlsx', q),
          testId: 'birthday-print',
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          {
            title: '生日',
            dataIndex: 'date',
            width: 220,
            render: (d: string, r) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日${r.lunar ? `（${r.lunar}）` : ''}`,
          },
          { title: '今年周岁', dataIndex: 'age', width: 100 },
          { title: '部门', dataIndex: 'department' },
        ]}
      />
    </div>
  );
}
