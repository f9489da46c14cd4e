import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import type { CataloguePeriod } from '../../../../shared/domain/disclosure-labels';

type Mode = 'all' | 'year' | 'month';

interface Props {
  value: CataloguePeriod | null;
  onChange: (p: CataloguePeriod | null) => void;
  /** Lists may show every year; a catalogue is always for a month or a year. */
  allowAll?: boolean;
}

/** 全部 / 按年 / 按月 and the year or month itself. */
export function PeriodPicker({ value, onChange, allowAll = false }: Props) {
  const mode: Mode = !value ? 'all' : value.month ? 'month' : 'year';
  const current = value ? dayjs(new Date(value.year, (value.month ?? 1) - 1, 1)) : dayjs();
  const switchTo = (m: Mode) => {
    if (m === 'all') onChange(null);
    else if (m === 'year') onChange({ year: current.year(), month: null });
    else onChange({ year: current.year(), month: value?.month ?? (value ? 1 : current.month() + 1) });
  };
  return (
    <Space size={8}>
      <Segmented<Mode>
        aria-label="期间"
        value={mode}
        onChange={switchTo}
        options={[...(allowAll ? [{ value: 'all' as const, label: '全部' }] : []), { value: 'year', label: '按年' }, { value: 'month', label: '按月' }]}
      />
      {value && (
        <DatePicker
          aria-label={value.month ? '月份' : '年份'}
          data-testid="period-picker"
          picker={value.month ? 'month' : 'year'}
          allowClear={false}
          value={current}
          format={value.month ? 'YYYY年M月' : 'YYYY年'}
          onChange={(d) => d && onChange(value.month ? { year: d.year(), month: d.month() + 1 } : { year: d.year(), month: null })}
          style={{ width: 130 }}
        />
      )}
    </Space>
  );
}
