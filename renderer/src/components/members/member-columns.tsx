import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MemberListRow } from '../../../../shared/contract';
import { MEMBER_SORT_FIELDS } from '../../../../shared/contract/members';
import { MemberFlags, StatusTag } from './StatusTag';
import { memberLabel } from '../../../../shared/domain/member-fields';

type SortField = (typeof MEMBER_SORT_FIELDS)[number];

export interface MemberColumn {
  key: string;
  title: string;
  width: number;
  /** The server-side sort this column's header switches on; names sort by pinyin. */
  sortField?: SortField;
  /** Shown when the clerk has not chosen columns yet. */
  initial: boolean;
  /** Always shown: a row without a name would mean nothing. */
  fixed?: boolean;
  render: (r: MemberListRow) => ReactNode;
}

const text = (v: string | number | null | undefined) => (v == null || v === '' ? '' : String(v));

export const MEMBER_COLUMNS: MemberColumn[] = [
  {
    key: 'name',
    title: memberLabel('name'),
    width: 150,
    sortField: 'name',
    initial: true,
    fixed: true,
    render: (r) => (
      <>
        <Typography.Text strong>{r.name}</Typography.Text>
        <MemberFlags flags={r.flags} />
      </>
    ),
  },
  { key: 'gender', title: memberLabel('gender'), width: 60, initial: true, render: (r) => text(r.gender) },
  { key: 'age', title: '年龄', width: 60, initial: true, render: (r) => text(r.age) },
  { key: 'birthDate', title: memberLabel('birthDate'), width: 110, sortField: 'birthDate', initial: false, render: (r) => text(r.birthDate) },
  {
    key: 'idNumber',
    title: memberLabel('idNumber'),
    width: 180,
    initial: true,
    render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text(r.idNumberMasked)}</span>,
  },
  { key: 'memberNo', title: memberLabel('memberNo'), width: 120, sortField: 'memberNo', initial: true, render: (r) => text(r.memberNo) },
  { key: 'staffNo', title: memberLabel('staffNo'), width: 90, initial: false, render: (r) => text(r.staffNo) },
  { key: 'phone', title: memberLabel('phone'), width: 130, initial: true, render: (r) => text(r.phone) },
  { key: 'group', title: memberLabel('group'), width: 150, sortField: 'group', initial: true, render: (r) => text(r.group) },
  { key: 'workUnit', title: memberLabel('workUnit'), width: 160, initial: false, render: (r) => text(r.workUnit) },
  { key: 'department', title: memberLabel('department'), width: 130, initial: false, render: (r) => text(r.department) },
  { key: 'politicalStatus', title: memberLabel('politicalStatus'), width: 110, initial: false, render: (r) => text(r.politicalStatus) },
  { key: 'education', title: memberLabel('education'), width: 100, initial: false, render: (r) => text(r.education) },
  { key: 'jobTitle', title: memberLabel('jobTitle'), width: 120, initial: false, render: (r) => text(r.jobTitle) },
  { key: 'professionalTitle', title: memberLabel('professionalTitle'), width: 120, initial: false, render: (r) => text(r.professionalTitle) },
  { key: 'joinDate', title: memberLabel('joinDate'), width: 110, sortField: 'joinDate', initial: true, render: (r) => text(r.joinDate) },
  { key: 'status', title: '状态', width: 96, initial: true, render: (r) => <StatusTag status={r.status} /> },
];

const STORAGE_KEY = 'ledger.members.columns.v1';

/** The clerk's column choice, kept in this browser profile; unknown keys from an older version are ignored. */
export function loadColumnKeys(): string[] {
  const fallback = MEMBER_COLUMNS.filter((c) => c.initial).map((c) => c.key);
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return fallback;
    const keys = JSON.parse(raw) as unknown;
    if (!Array.isArray(keys)) return fallback;
    const known = MEMBER_COLUMNS.filter((c) => c.fixed || keys.includes(c.key)).map((c) => c.key);
    return known.length > 1 ? known : fallback;
  } catch {
    return fallback;
  }
}

export function saveColumnKeys(keys: string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
  } catch {
    // A full or disabled storage only means the choice is not remembered next time.
  }
}
