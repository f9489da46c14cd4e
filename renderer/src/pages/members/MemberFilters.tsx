import { DatePicker, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { POLITICAL_STATUSES } from '../../../../shared/domain/member-labels';
import { GroupTreeSelect } from '../../components/members/GroupTreeSelect';
import type { GroupTreeNode } from '../../components/members/use-group-tree';
import { STATUS_CHOICES, type MemberFilter, type StatusChoice } from './member-filter';

interface Props {
  filter: MemberFilter;
  onChange: (patch: Partial<MemberFilter>) => void;
  tree: GroupTreeNode[];
}

/** The narrowing choices next to the search box: status, group, sex, age, political status, joined between. */
export function MemberFilters({ filter, onChange, tree }: Props) {
  return (
    <Space wrap size={[8, 8]} data-testid="member-filters">
      <Select<StatusChoice>
        aria-label="状态"
        data-testid="filter-status"
        style={{ width: 210 }}
        value={filter.status}
        onChange={(status) => onChange({ status })}
        options={STATUS_CHOICES}
        prefix="状态"
        popupMatchSelectWidth={false}
      />
      <GroupTreeSelect
        aria-label="工会小组"
        tree={tree}
        style={{ width: 200 }}
        value={filter.groupId ?? null}
        onChange={(id) => onChange({ groupId: id ?? undefined })}
        placeholder="全部工会小组"
      />
      <Select<'男' | '女'>
        aria-label="性别"
        style={{ width: 96 }}
        allowClear
        placeholder="性别"
        value={filter.gender}
        onChange={(gender) => onChange({ gender: gender ?? undefined })}
        options={[
          { value: '男', label: '男' },
          { value: '女', label: '女' },
        ]}
      />
      <Space.Compact>
        <InputNumber<number>
          aria-label="最小年龄"
          placeholder="年龄从"
          min={0}
          max={150}
          precision={0}
          style={{ width: 84 }}
          value={filter.ageMin ?? null}
          onChange={(v) => onChange({ ageMin: v ?? undefined })}
        />
        <InputNumber<number>
          aria-label="最大年龄"
          placeholder="到"
          min={0}
          max={150}
          precision={0}
          style={{ width: 64 }}
          value={filter.ageMax ?? null}
          onChange={(v) => onChange({ ageMax: v ?? undefined })}
        />
      </Space.Compact>
      <Select<string>
        aria-label="政治面貌"
        style={{ width: 140 }}
        allowClear
        showSearch
        placeholder="政治面貌"
        value={filter.politicalStatus}
        onChange={(politicalStatus) => onChange({ politicalStatus: politicalStatus ?? undefined })}
        options={POLITICAL_STATUSES.map((v) => ({ value: v, label: v }))}
        popupMatchSelectWidth={false}
      />
      <DatePicker.RangePicker
        aria-label="入会时间"
        style={{ width: 250 }}
        placeholder={['入会时间从', '到']}
        allowEmpty={[true, true]}
        value={[filter.joinedFrom ? dayjs(filter.joinedFrom) : null, filter.joinedTo ? dayjs(filter.joinedTo) : null]}
        onChange={(range) =>
          onChange({
            joinedFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            joinedTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
    </Space>
  );
}
