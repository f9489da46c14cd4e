import dayjs, { type Dayjs } from 'dayjs';
import type { MemberDetail, MemberInput } from '../../../../shared/contract';
import type { IdType } from '../../../../shared/domain/member-labels';
import type { FieldIssue } from '../../api';

/** The form's own shape: dates as dayjs for the pickers, the arrival of a new member as three fields. */
export interface MemberFormValues {
  name?: string | null;
  gender?: '男' | '女' | null;
  birthDate?: Dayjs | null;
  ethnicity?: string | null;
  nativePlace?: string | null;
  idType: IdType;
  idNumber?: string | null;
  politicalStatus?: string | null;
  education?: string | null;
  degree?: string | null;
  jobTitle?: string | null;
  professionalTitle?: string | null;
  workUnit?: string | null;
  department?: string | null;
  staffNo?: string | null;
  employmentStatus?: string | null;
  householdType?: string | null;
  householdPlace?: string | null;
  phone?: string | null;
  joinDate?: Dayjs | null;
  memberNo?: string | null;
  groupId?: number | null;
  isMigrantWorker?: boolean | null;
  monthlyWage?: number | null;
  familyMembers?: { name?: string; relation?: string; workUnit?: string }[];
  workHistory?: string | null;
  remarks?: string | null;
  arrivalType?: 'join' | 'transfer_in';
  arrivalDate?: Dayjs | null;
  arrivalOtherUnion?: string | null;
}

const TEXT_FIELDS = [
  'name',
  'ethnicity',
  'nativePlace',
  'idNumber',
  'politicalStatus',
  'education',
  'degree',
  'jobTitle',
  'professionalTitle',
  'workUnit',
  'department',
  'staffNo',
  'employmentStatus',
  'householdType',
  'householdPlace',
  'phone',
  'memberNo',
  'workHistory',
  'remarks',
] as const;

const day = (iso: string | null | undefined) => (iso ? dayjs(iso) : null);
const iso = (d: Dayjs | null | undefined) => (d && d.isValid() ? d.format('YYYY-MM-DD') : null);
/** An emptied field is "not filled in" (null), never an empty string stored as data. */
const textOrNull = (s: string | null | undefined) => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

export const NEW_MEMBER_VALUES: MemberFormValues = { idType: 'resident', familyMembers: [], arrivalType: 'join' };

export function detailToValues(m: MemberDetail): MemberFormValues {
  const v: MemberFormValues = { idType: m.idType ?? 'resident' };
  for (const k of TEXT_FIELDS) v[k] = m[k] ?? null;
  return {
    ...v,
    gender: m.gender ?? null,
    birthDate: day(m.birthDate),
    joinDate: day(m.joinDate),
    groupId: m.groupId ?? null,
    isMigrantWorker: m.isMigrantWorker ?? null,
    monthlyWage: m.monthlyWage ?? null,
    familyMembers: m.familyMembers.map((f) => ({ ...f })),
  };
}

export function valuesToInput(v: MemberFormValues): MemberInput {
  const out: MemberInput = { name: (v.name ?? '').trim(), idType: v.idType };
  for (const k of TEXT_FIELDS) if (k !== 'name') out[k] = textOrNull(v[k]);
  return {
    ...out,
    gender: v.gender ?? null,
    birthDate: iso(v.birthDate),
    joinDate: iso(v.joinDate),
    groupId: v.groupId ?? null,
    isMigrantWorker: v.isMigrantWorker ?? null,
    monthlyWage: v.monthlyWage ?? null,
    familyMembers: (v.familyMembers ?? [])
      .map((f) => ({ name: (f.name ?? '').trim(), relation: (f.relation ?? '').trim(), workUnit: (f.workUnit ?? '').trim() }))
      // A row left completely empty is an unused line of the paper form, not a family member.
      .filter((f) => f.name || f.relation || f.workUnit),
  };
}

export type Arrival = { type: 'join' | 'transfer_in'; date: string; otherUnion?: string | null; handler?: string | null };

/** 入会 is dated by 入会时间 (no date: no event yet); 转入 has its own date and the union it came from. */
export function valuesToArrival(v: MemberFormValues, handler: string): Arrival | undefined {
  const h = handler.trim() || null;
  if (v.arrivalType === 'transfer_in') {
    const date = iso(v.arrivalDate);
    return date ? { type: 'transfer_in', date, otherUnion: textOrNull(v.arrivalOtherUnion), handler: h } : undefined;
  }
  const date = iso(v.joinDate);
  return date ? { type: 'join', date, handler: h } : undefined;
}

/** The core's paths (['member','idNumber'], ['arrival','otherUnion']) as the form's field names. */
export function issueToFieldPath(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'member') return path.slice(1);
  if (path[0] === 'arrival') {
    const k = path[1];
    if (k === 'date') return ['arrivalDate'];
    if (k === 'otherUnion') return ['arrivalOtherUnion'];
    if (k === 'type') return ['arrivalType'];
    return [];
  }
  return path;
}

export const mapIssues = (issues: FieldIssue[]): FieldIssue[] => issues.map((i) => ({ ...i, path: issueToFieldPath(i.path) }));
