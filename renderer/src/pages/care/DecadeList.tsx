import { DatePicker, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DecadeRow } from '../../../../shared/contract';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { GreetingList } from './GreetingList';

/** 逢十: members (在册 and 保留会籍) reaching 10, 20 … (from the lower age) in the chosen year. */
export function DecadeList() {
  const [year, setYear] = useState(dayjs());
  const [minAge, setMinAge] = useState(60);
  const q = { year: year.year(), minAge };
  const list = useChannel('care.decade', q);
  return (
    <GreetingList<DecadeRow>
      filters={
        <>
          <DatePicker picker="year" aria-label="年度" value={year} allowClear={false} onChange={(d) => d && setYear(d)} />
          <span>
            起始年龄{' '}
            <InputNumber aria-label="起始年龄" min={0} max={120} precision={0} value={minAge} onChange={(v) => setMinAge(typeof v === 'number' ? v : 0)} /> 岁
          </span>
        </>
      }
      list={list}
      countText={(n) => `${year.year()}年逢十生日 ${n} 人`}
      countTestId="decade-count"
      actions={{
        docKey: `${q.year}-${q.minAge}`,
        title: '逢十生日慰问名单',
        html: () => api.call('care.decadeHtml', q),
        pdf: () => api.call('care.decadePdf', q),
        xlsx: () => api.call('care.decadeXlsx', q),
        testId: 'decade-print',
      }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 120 },
        { title: '出生日期', dataIndex: 'birthDate', width: 120 },
        { title: '当年生日', dataIndex: 'date', width: 120, render: (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` },
        { title: '周岁', dataIndex: 'age', width: 80 },
        { title: '会籍', dataIndex: 'retained', width: 100, render: (r: boolean) => (r ? '保留会籍' : '在册') },
        { title: '部门', dataIndex: 'department' },
      ]}
    />
  );
}
