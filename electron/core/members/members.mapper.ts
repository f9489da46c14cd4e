import type { MemberDetail, MemberEvent, MemberFields, MemberListRow } from '../../../shared/contract/members';
import type { MemberStatus } from '../../../shared/domain/member-lifecycle';
import type { MemberEventType } from '../../../shared/domain/member-lifecycle';
import { ageOn } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/id-number';
import type { EventRow, MemberRow } from './members.repo';

type Flag = 'noId' | 'idUnchecked';

export function memberFlags(row: Pick<MemberRow, 'id_number' | 'id_checked'>): Flag[] {
  if (!row.id_number) return ['noId'];
  return row.id_checked ? [] : ['idUnchecked'];
}

const age = (birth: string | null, today: Date) => (birth ? ageOn(birth, today) : null);

export function toListRow(r: MemberRow & { group_name: string | null }, today: Date): MemberListRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: age(r.birth_date, today),
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    idType: r.id_type,
    memberNo: r.member_no,
    staffNo: r.staff_no,
    phone: r.phone,
    groupId: r.group_id,
    group: r.group_name,
    workUnit: r.work_unit,
    department: r.department,
    politicalStatus: r.political_status,
    education: r.education,
    jobTitle: r.job_title,
    professionalTitle: r.professional_title,
    joinDate: r.join_date,
    status: r.status as MemberStatus,
    flags: memberFlags(r),
  };
}

export function toEvent(e: EventRow): MemberEvent {
  return {
    id: e.id,
    type: e.type as MemberEventType,
    date: e.date,
    reason: e.reason,
    handler: e.handler,
    remark: e.remark,
    otherUnion: e.other_union,
    fromGroup: e.from_group,
    toGroup: e.to_group,
    createdAt: e.created_at,
  };
}

export function rowToFields(r: MemberRow): MemberFields {
  return {
    name: r.name,
    gender: r.gender as '男' | '女' | null,
    birthDate: r.birth_date,
    ethnicity: r.ethnicity,
    nativePlace: r.native_place,
    idType: r.id_type as MemberFields['idType'],
    idNumber: r.id_number,
    politicalStatus: r.political_status,
    education: r.education,
    degree: r.degree,
    jobTitle: r.job_title,
    professionalTitle: r.professional_title,
    workUnit: r.work_unit,
    department: r.department,
    staffNo: r.staff_no,
    employmentStatus: r.employment_status,
    householdType: r.household_type,
    householdPlace: r.household_place,
    phone: r.phone,
    joinDate: r.join_date,
    memberNo: r.member_no,
    groupId: r.group_id,
    isMigrantWorker: r.is_migrant_worker === null ? null : r.is_migrant_worker === 1,
    monthlyWage: r.monthly_wage_fen === null ? null : r.monthly_wage_fen / 100,
    familyMembers: JSON.parse(r.family_json) as MemberFields['familyMembers'],
    workHistory: r.work_history,
    remarks: r.remarks,
  };
}

export function toDetail(
  r: MemberRow & { group_name: string | null },
  events: EventRow[],
  today: Date,
  warnings: string[] = [],
): MemberDetail {
  return {
    ...rowToFields(r),
    id: r.id,
    group: r.group_name,
    status: r.status as MemberStatus,
    age: age(r.birth_date, today),
    flags: memberFlags(r),
    events: events.map(toEvent),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    warnings,
  };
}
