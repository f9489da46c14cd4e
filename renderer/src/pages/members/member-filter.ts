import type { MemberQuery } from '../../../../shared/contract';
import { MEMBER_SORT_FIELDS } from '../../../../shared/contract/members';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, type MemberStatus } from '../../../../shared/domain/member-lifecycle';

export type MemberSortField = (typeof MEMBER_SORT_FIELDS)[number];

/** The status choice of the list: the current members by default, everyone, the ones who left, or one status. */
export type StatusChoice = 'current' | 'all' | 'gone' | MemberStatus;

const GONE: MemberStatus[] = ['transferred_out', 'left', 'expelled', 'deceased'];

export const STATUS_CHOICES: { value: StatusChoice; label: string }[] = [
  { value: 'current', label: '在册和保留会籍' },
  { value: 'all', label: '全部（含已离开）' },
  { value: 'gone', label: '已离开（转出、退会、开除、已故）' },
  ...MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] })),
];

/**
 * What the clerk has chosen on the list page. It lives in the address (so 返回 from a member restores it) and
 * turns into a members.list query without paging by `filterToQuery` — the same shape an export can take.
 */
export interface MemberFilter {
  search: string;
  status: StatusChoice;
  groupId?: number;
  gender?: '男' | '女';
  ageMin?: number;
  ageMax?: number;
  politicalStatus?: string;
  joinedFrom?: string;
  joinedTo?: string;
  sortBy: MemberSortField;
  sortOrder: 'asc' | 'desc';
}

export const DEFAULT_FILTER: MemberFilter = { search: '', status: 'current', sortBy: 'name', sortOrder: 'asc' };

export type MemberListQuery = Omit<MemberQuery, 'offset' | 'limit'>;

export function statusesOf(choice: StatusChoice): MemberStatus[] | undefined {
  if (choice === 'current') return undefined;
  if (choice === 'all') return [...MEMBER_STATUSES];
  if (choice === 'gone') return GONE;
  return [choice];
}

export function filterToQuery(f: MemberFilter): MemberListQuery {
  const q: MemberListQuery = { sortBy: f.sortBy, sortOrder: f.sortOrder };
  const search = f.search.trim();
  if (search) q.search = search.slice(0, 50);
  const statuses = statusesOf(f.status);
  if (statuses) q.statuses = statuses;
  if (f.groupId) q.groupId = f.groupId;
  if (f.gender) q.gender = f.gender;
  if (f.ageMin != null) q.ageMin = f.ageMin;
  if (f.ageMax != null) q.ageMax = f.ageMax;
  if (f.politicalStatus) q.politicalStatus = f.politicalStatus;
  if (f.joinedFrom) q.joinedFrom = f.joinedFrom;
  if (f.joinedTo) q.joinedTo = f.joinedTo;
  return q;
}

const int = (v: string | null) => {
  if (v == null || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};
const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function filterFromParams(p: URLSearchParams): MemberFilter {
  const status = p.get('status') as StatusChoice | null;
  const sortBy = p.get('sort') as MemberSortField | null;
  const gender = p.get('gender');
  return {
    search: p.get('q') ?? '',
    status: status && STATUS_CHOICES.some((c) => c.value === status) ? status : 'current',
    groupId: int(p.get('group')) || undefined,
    gender: gender === '男' || gender === '女' ? gender : undefined,
    ageMin: int(p.get('ageMin')),
    ageMax: int(p.get('ageMax')),
    politicalStatus: p.get('political') || undefined,
    joinedFrom: date(p.get('joinedFrom')),
    joinedTo: date(p.get('joinedTo')),
    sortBy: sortBy && (MEMBER_SORT_FIELDS as readonly string[]).includes(sortBy) ? sortBy : 'name',
    sortOrder: p.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

export function filterToParams(f: MemberFilter): URLSearchParams {
  const p = new URLSearchParams();
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') p.set(k, String(v));
  };
  put('q', f.search);
  if (f.status !== 'current') put('status', f.status);
  put('group', f.groupId);
  put('gender', f.gender);
  put('ageMin', f.ageMin);
  put('ageMax', f.ageMax);
  put('political', f.politicalStatus);
  put('joinedFrom', f.joinedFrom);
  put('joinedTo', f.joinedTo);
  if (f.sortBy !== 'name') put('sort', f.sortBy);
  if (f.sortOrder !== 'asc') put('order', f.sortOrder);
  return p;
}

/** True when anything besides the search text narrows the list (for the 清除筛选 button). */
export const hasFilters = (f: MemberFilter): boolean =>
  f.status !== 'current' ||
  !!f.groupId ||
  !!f.gender ||
  f.ageMin != null ||
  f.ageMax != null ||
  !!f.politicalStatus ||
  !!f.joinedFrom ||
  !!f.joinedTo;
