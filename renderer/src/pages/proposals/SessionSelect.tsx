import { Select } from 'antd';
import type { CongressSession } from '../../../../shared/contract';

interface Props {
  sessions: CongressSession[];
  value: number | null;
  onChange: (id: number) => void;
  width?: number;
}

/** 届次 chooser: 五届二次 with the full title beside it. */
export function SessionSelect({ sessions, value, onChange, width = 260 }: Props) {
  return (
    <Select<number>
      aria-label="届次"
      data-testid="session-select"
      value={value ?? undefined}
      onChange={onChange}
      placeholder="选择届次"
      style={{ width }}
      options={sessions.map((s) => ({ value: s.id, label: `${s.label}（${s.startDate?.slice(0, 4) ?? '日期未定'}）`, title: s.label }))}
      notFoundContent="还没有届次"
    />
  );
}
