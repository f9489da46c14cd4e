import type { MemberFields } from '../../../shared/contract/members';
import { todayIso } from '../../../shared/domain/dates';
import { checkOtherId, checkResidentId } from '../../../shared/domain/id-number';
import { normalizeSpaces, toHalfWidth } from '../../../shared/domain/text';
import type { FieldIssue } from '../errors';
import { namePinyin, pinyinSortKey } from './member-pinyin';
import type { WritableRow } from './members.repo';

export interface Prepared {
  row: WritableRow;
  warnings: string[];
  /** Field problems that refuse the record (the form shows each on its field). */
  issues: FieldIssue[];
}

const clean = (v: string | null | undefined): string | null => {
  if (v == null) return null;
  const s = normalizeSpaces(toHalfWidth(v));
  return s === '' ? null : s;
};

/** Every 1- and 2-character slice of a name, for the short-fragment search the trigram index cannot do. */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const out = new Set<string>();
  chars.forEach((c, i) => {
    out.add(c.toLowerCase());
    if (i + 1 < chars.length) out.add((c + chars[i + 1]).toLowerCase());
  });
  return [...out];
}

export function searchIds(row: Pick<WritableRow, 'id_number' | 'phone' | 'member_no' | 'staff_no'>): string[] {
  return [row.id_number, row.phone?.replace(/\D/g, ''), row.member_no, row.staff_no].filter((v): v is string => !!v);
}

/**
 * Turns form or sheet fields into a storable row: normalises text, checks the ID number by its type, and lets
 * a valid resident ID decide 出生日期 and 性别 (a typed value that disagrees becomes a warning, never wins).
 */
/** The ISO date `n` years after `iso` (29 February → 1 March in a common year, by string order). */
const addYears = (iso: string, n: number): string => `${String(Number(iso.slice(0, 4)) + n).padStart(4, '0')}${iso.slice(4)}`;

export function prepareMember(fields: MemberFields, today: Date, pathPrefix: (string | number)[] = []): Prepared {
  const warnings: string[] = [];
  const issues: FieldIssue[] = [];
  const name = clean(fields.name)?.replace(/\s+/g, '') ?? '';
  if (!name) issues.push({ path: [...pathPrefix, 'name'], message: '请填写姓名' });

  let idNumber: string | null = null;
  let idChecked = 0;
  let birthDate = fields.birthDate ?? null;
  let gender = fields.gender ?? null;
  const rawId = clean(fields.idNumber);
  if (rawId) {
    if (fields.idType === 'resident') {
      const check = checkResidentId(rawId, today);
      if (!check.ok) {
        issues.push({ path: [...pathPrefix, 'idNumber'], message: check.reason });
      } else {
        idNumber = check.normalized;
        idChecked = 1;
        if (check.upgradedFrom) warnings.push(`15 位身份证号 ${check.upgradedFrom} 已升级为 18 位 ${check.normalized}`);
        if (birthDate && birthDate !== check.birthDate) {
          warnings.push(`填写的出生日期 ${birthDate} 与身份证号不符，已按身份证号记为 ${check.birthDate}`);
        }
        if (gender && gender !== check.sex) warnings.push(`填写的性别「${gender}」与身份证号不符，已按身份证号记为「${check.sex}」`);
        birthDate = check.birthDate;
        gender = check.sex;
      }
    } else {
      const check = checkOtherId(fields.idType, rawId);
      if (!check.ok) issues.push({ path: [...pathPrefix, 'idNumber'], message: check.reason });
      else {
        idNumber = check.normalized;
        idChecked = 1;
      }
    }
  }

  const py = namePinyin(name);
  const phone = clean(fields.phone);
  const row: WritableRow = {
    name,
    name_pinyin: py.full,
    name_initials: py.initials,
    sort_key: pinyinSortKey(name),
    gender,
    birth_date: birthDate,
    ethnicity: clean(fields.ethnicity),
    native_place: clean(fields.nativePlace),
    id_type: fields.idType,
    id_number: idNumber,
    id_checked: idChecked,
    political_status: clean(fields.politicalStatus),
    education: clean(fields.education),
    degree: clean(fields.degree),
    job_title: clean(fields.jobTitle),
    professional_title: clean(fields.professionalTitle),
    work_unit: clean(fields.workUnit),
    department: clean(fields.department),
    staff_no: clean(fields.staffNo),
    employment_status: clean(fields.employmentStatus),
    household_type: clean(fields.householdType),
    household_place: clean(fields.householdPlace),
    phone: phone ? phone.replace(/\s+/g, '') : null,
    join_date: fields.joinDate ?? null,
    member_no: clean(fields.memberNo),
    group_id: fields.groupId ?? null,
    is_migrant_worker: fields.isMigrantWorker == null ? null : fields.isMigrantWorker ? 1 : 0,
    monthly_wage_fen: fields.monthlyWage == null ? null : Math.round(fields.monthlyWage * 100),
    family_json: JSON.stringify(fields.familyMembers ?? []),
    work_history: fields.workHistory?.trim() || null,
    remarks: fields.remarks?.trim() || null,
  };
  if (birthDate && birthDate > todayIso(today)) {
    issues.push({ path: [...pathPrefix, 'birthDate'], message: '出生日期不能晚于今天' });
  }
  if (row.join_date && birthDate && row.join_date < birthDate) {
    issues.push({ path: [...pathPrefix, 'joinDate'], message: '入会时间早于出生日期' });
  } else if (row.join_date && birthDate && row.join_date < addYears(birthDate, 16)) {
    // The Trade Union Law admits workers of working age (16): an earlier date is almost always a typo.
    warnings.push(`入会时间 ${row.join_date} 时不满 16 周岁（出生日期 ${birthDate}），请核对`);
  }
  // A future date is saved (a planned 入会 may be entered ahead) but never silently: the clerk is told.
  if (row.join_date && row.join_date > todayIso(today)) warnings.push(`入会时间 ${row.join_date} 晚于今天，请核对`);
  return { row, warnings, issues };
}
