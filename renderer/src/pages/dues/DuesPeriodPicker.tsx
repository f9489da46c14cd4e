import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { DuesPeriodKind } from '../../../../shared/domain/dues';
import { periodMonths } from '../../../../shared/domain/dues';

/** The period's first month as a dayjs (2026-Q3 → 2026-07-01). */
const startOf = (period: string) => dayjs(`${periodMonths(period)![0]}-01`);

/**
 * The period the dues page works in, in the kind 设置 chose: a month, a quarter, 上/下半年 or a year. The value is
 * the period code the core reads (2026-10, 2026-Q3, 2026-H1, 2026).
 */
export function DuesPeriodPicker({ kind, value, onChange }: { kind: DuesPeriodKind; value: string; onChange: (period: string) => void }) {
  const start = startOf(value);
  if (kind === 'month') {
    return <DatePicker picker="month" aria-label="月份" value={start} allowClear={false} onChange={(d) => d && onChange(d.format('YYYY-MM'))} />;
  }
  if (kind === 'quarter') {
    return (
      <DatePicker
        picker="quarter"
        aria-label="季度"
        value={start}
        allowClear={false}
        onChange={(d) => d && onChange(`${d.year()}-Q${Math.floor(d.month() / 3) + 1}`)}
      />
    );
  }
  const year = <DatePicker picker="year" aria-label="年份" value={start} allowClear={false} onChange={(d) => d && onChange(kind === 'year' ? String(d.year()) : `${d.year()}-${value.slice(5) || 'H1'}`)} />;
  if (kind === 'year') return year;
  return (
    <Space.Compact>
      {year}
      <Select
        aria-label="半年"
        value={value.slice(5) || 'H1'}
        style={{ width: 100 }}
        options={[
          { value: 'H1', label: '上半年' },
          { value: 'H2', label: '下半年' },
        ]}
        onChange={(h: string) => onChange(`${value.slice(0, 4)}-${h}`)}
      />
    </Space.Compact>
  );
}
