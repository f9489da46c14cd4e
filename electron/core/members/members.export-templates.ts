import type { Settings } from '../../../shared/contract/settings';
import { MEMBER_EVENT_LABELS, MEMBER_STATUS_LABELS, type MemberEventType, type MemberStatus } from '../../../shared/domain/member-lifecycle';
import { ID_TYPE_LABELS, type IdType } from '../../../shared/domain/member-labels';
import { MEMBER_FIELDS, type FieldSpec, type MemberField } from '../../../shared/domain/member-fields';

/** One member as export templates see it: stored values plus the derived ones (group name, last event). */
export interface ExportMember {
  name: string;
  gender: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  nativePlace: string | null;
  idType: string;
  idNumber: string | null;
  politicalStatus: string | null;
  education: string | null;
  degree: string | null;
  jobTitle: string | null;
  professionalTitle: string | null;
  workUnit: string | null;
  department: string | null;
  staffNo: string | null;
  employmentStatus: string | null;
  householdType: string | null;
  householdPlace: string | null;
  phone: string | null;
  joinDate: string | null;
  memberNo: string | null;
  group: string | null;
  isMigrantWorker: boolean | null;
  monthlyWage: number | null;
  remarks: string | null;
  status: MemberStatus;
  lastEvent: { type: MemberEventType; date: string; reason: string | null } | null;
}

export type ColumnKind = 'text' | 'code' | 'date' | 'number';

export interface ExportColumn {
  header: string;
  width: number;
  kind: ColumnKind;
  value(m: ExportMember, index: number): string | number | null;
}

/** Templates are data: a new upper-level union's layout is one more entry here. */
export interface ExportTemplate {
  name: string;
  label: string;
  sheetName: string;
  /** Rows written above the header (title, unit, notes); the header follows them. */
  preamble(settings: Settings, today: string): string[];
  columns: ExportColumn[];
  /** A closing note row after the data (the Hainan platform skips its last row as 填表说明). */
  footer?: string;
}

const yesNo = (v: boolean | null) => (v === null ? null : v ? '是' : '否');
const compactDate = (iso: string | null) => (iso ? iso.replace(/-/g, '') : null);

/** Header and width of our own layout come from the field table, so the export reads back through the import's synonyms. */
const own = (k: MemberField) => ({ header: MEMBER_FIELDS[k].label, width: (MEMBER_FIELDS[k] as FieldSpec).exportWidth ?? 12 });

/** Our own layout: every field of the 登记表, one header row, dates as real dates — what import reads back. */
export const STANDARD_TEMPLATE: ExportTemplate = {
  name: 'standard',
  label: '工会台账会员花名册（全部字段）',
  sheetName: '会员花名册',
  preamble: () => [],
  columns: [
    { ...own('name'), kind: 'text', value: (m) => m.name },
    { ...own('gender'), kind: 'text', value: (m) => m.gender },
    { ...own('birthDate'), kind: 'date', value: (m) => m.birthDate },
    { ...own('ethnicity'), kind: 'text', value: (m) => m.ethnicity },
    { ...own('nativePlace'), kind: 'text', value: (m) => m.nativePlace },
    { ...own('idType'), kind: 'text', value: (m) => ID_TYPE_LABELS[m.idType as IdType] ?? m.idType },
    { ...own('idNumber'), kind: 'code', value: (m) => m.idNumber },
    { ...own('politicalStatus'), kind: 'text', value: (m) => m.politicalStatus },
    { ...own('education'), kind: 'text', value: (m) => m.education },
    { ...own('degree'), kind: 'text', value: (m) => m.degree },
    { ...own('jobTitle'), kind: 'text', value: (m) => m.jobTitle },
    { ...own('professionalTitle'), kind: 'text', value: (m) => m.professionalTitle },
    { ...own('workUnit'), kind: 'text', value: (m) => m.workUnit },
    { ...own('department'), kind: 'text', value: (m) => m.department },
    { ...own('staffNo'), kind: 'code', value: (m) => m.staffNo },
    { ...own('employmentStatus'), kind: 'text', value: (m) => m.employmentStatus },
    { ...own('householdType'), kind: 'text', value: (m) => m.householdType },
    { ...own('householdPlace'), kind: 'text', value: (m) => m.householdPlace },
    { ...own('phone'), kind: 'code', value: (m) => m.phone },
    { ...own('joinDate'), kind: 'date', value: (m) => m.joinDate },
    { ...own('memberNo'), kind: 'code', value: (m) => m.memberNo },
    { ...own('group'), kind: 'text', value: (m) => m.group },
    { ...own('isMigrantWorker'), kind: 'text', value: (m) => yesNo(m.isMigrantWorker) },
    { ...own('monthlyWage'), kind: 'number', value: (m) => m.monthlyWage },
    { header: '会籍状态', width: 10, kind: 'text', value: (m) => MEMBER_STATUS_LABELS[m.status] },
    { ...own('remarks'), kind: 'text', value: (m) => m.remarks },
  ],
};

/**
 * The Hainan provincial platform's 20-column real-name template (DOMAIN.md §1.3): four heading rows, data from
 * row 5, dates as yyyyMMdd, a 填表说明 row last.
 */
export const HAINAN_TEMPLATE: ExportTemplate = {
  name: 'hainan',
  label: '会员实名制信息采集表（海南省总工会平台 20 列）',
  sheetName: '会员信息',
  preamble: (s, today) => [
    '工会会员实名制信息采集表',
    `填报单位（盖章）：${s.unionName || s.unitName}`,
    `填报日期：${today}`,
  ],
  footer: '填表说明：出生日期、会籍变化日期为 8 位数字（如 19850312）；证件号码为文本；本行不导入。',
  columns: [
    { header: '序号', width: 6, kind: 'number', value: (_m, i) => i + 1 },
    { header: '姓名', width: 10, kind: 'text', value: (m) => m.name },
    { header: '性别', width: 6, kind: 'text', value: (m) => m.gender },
    { header: '出生日期', width: 11, kind: 'code', value: (m) => compactDate(m.birthDate) },
    { header: '民族', width: 8, kind: 'text', value: (m) => m.ethnicity },
    { header: '就业状况', width: 10, kind: 'text', value: (m) => m.employmentStatus },
    { header: '有效证件类别', width: 14, kind: 'text', value: (m) => ID_TYPE_LABELS[m.idType as IdType] ?? m.idType },
    { header: '证件号码', width: 21, kind: 'code', value: (m) => m.idNumber },
    { header: '学历', width: 10, kind: 'text', value: (m) => m.education },
    { header: '技能等级', width: 10, kind: 'text', value: () => null },
    { header: '移动电话', width: 14, kind: 'code', value: (m) => m.phone },
    { header: '户籍类型', width: 10, kind: 'text', value: (m) => m.householdType },
    { header: '户籍所在地', width: 16, kind: 'text', value: (m) => m.householdPlace },
    { header: '会籍变化类型', width: 12, kind: 'text', value: (m) => (m.lastEvent ? MEMBER_EVENT_LABELS[m.lastEvent.type] : null) },
    { header: '会籍变化日期', width: 12, kind: 'code', value: (m) => compactDate(m.lastEvent?.date ?? null) },
    { header: '会籍变化原因', width: 14, kind: 'text', value: (m) => m.lastEvent?.reason ?? null },
    { header: '政治面貌', width: 10, kind: 'text', value: (m) => m.politicalStatus },
    { header: '工作单位', width: 18, kind: 'text', value: (m) => m.workUnit },
    { header: '籍贯', width: 12, kind: 'text', value: (m) => m.nativePlace },
    { header: '是否农民工', width: 10, kind: 'text', value: (m) => yesNo(m.isMigrantWorker) },
  ],
};

export const EXPORT_TEMPLATES: readonly ExportTemplate[] = [STANDARD_TEMPLATE, HAINAN_TEMPLATE];
