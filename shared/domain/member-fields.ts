/**
 * The member record's one field table (DOMAIN.md §1.2–1.4): label, column in the database, longest text
 * accepted, the header spellings real rosters use, and the column width of our own export. The zod contract,
 * the form, the detail page, the list columns, the import mapping, the import's diff and undo messages and the
 * standard export all read their labels from here, so a renamed field is renamed once.
 *
 * Synonyms are compared after `normalizeHeader` (electron/core/spreadsheet/header-text.ts): spaces, marks like
 * * and （必填）, and case do not matter.
 */
export interface FieldSpec {
  /** What the clerk sees on the form, the detail page, list headers and our own export. */
  readonly label: string;
  /** snake_case column in `members`; absent for fields kept elsewhere (family members) or derived. */
  readonly column?: string;
  /** Longest text accepted, in characters (JS string length). */
  readonly maxLength?: number;
  /** Header spellings of roster columns meaning this field; the first is the canonical header. */
  readonly synonyms?: readonly string[];
  /** Column width (characters) in the standard export. */
  readonly exportWidth?: number;
}

export const MEMBER_FIELDS = {
  name: {
    label: '姓名', column: 'name', maxLength: 30, exportWidth: 10,
    synonyms: ['姓名', '会员姓名', '会员名称', '职工姓名', '员工姓名', '人员姓名', '教职工姓名', '名字'],
  },
  gender: { label: '性别', column: 'gender', exportWidth: 6, synonyms: ['性别'] },
  birthDate: {
    label: '出生日期', column: 'birth_date', exportWidth: 12,
    synonyms: ['出生日期', '出生年月', '生年月日', '生日', '出生年月日', '出生时间'],
  },
  ethnicity: { label: '民族', column: 'ethnicity', maxLength: 20, exportWidth: 8, synonyms: ['民族'] },
  nativePlace: { label: '籍贯', column: 'native_place', maxLength: 50, exportWidth: 12, synonyms: ['籍贯', '出生地'] },
  idType: {
    label: '证件类型', column: 'id_type', exportWidth: 12,
    synonyms: ['证件类型', '证件类别', '有效证件类别', '有效证件类型', '身份证件类型'],
  },
  idNumber: {
    label: '证件号码', column: 'id_number', maxLength: 40, exportWidth: 21,
    synonyms: ['公民身份号码', '身份证号码', '身份证号', '身份证', '证件号码', '证件号', '有效证件号码', '身份证件号码', '身份证件号'],
  },
  politicalStatus: { label: '政治面貌', column: 'political_status', maxLength: 20, exportWidth: 10, synonyms: ['政治面貌', '政治身份'] },
  education: {
    label: '学历', column: 'education', maxLength: 20, exportWidth: 10,
    synonyms: ['学历', '文化程度', '当前学历', '最高学历', '学历层次'],
  },
  degree: { label: '学位', column: 'degree', maxLength: 20, exportWidth: 8, synonyms: ['学位', '最高学位'] },
  jobTitle: { label: '职务', column: 'job_title', maxLength: 50, exportWidth: 12, synonyms: ['职务', '职位', '现任职务', '行政职务'] },
  professionalTitle: {
    label: '职称', column: 'professional_title', maxLength: 50, exportWidth: 12,
    synonyms: ['职称', '专业技术职务', '技术职称', '专业技术职称'],
  },
  workUnit: {
    label: '工作单位', column: 'work_unit', maxLength: 100, exportWidth: 18,
    synonyms: ['工作单位', '单位名称', '所在单位', '单位', '工作单位名称'],
  },
  department: {
    label: '部门', column: 'department', maxLength: 100, exportWidth: 14,
    synonyms: ['部门', '所在部门', '科室', '所在科室', '部门名称', '处室', '所在处室'],
  },
  staffNo: {
    label: '工号', column: 'staff_no', maxLength: 30, exportWidth: 10,
    synonyms: ['工号', '职工号', '员工号', '员工编号', '职工编号', '人员编号', '工作证号'],
  },
  employmentStatus: {
    label: '人员类别', column: 'employment_status', maxLength: 20, exportWidth: 10,
    synonyms: ['就业状况', '就业情况', '就业状态', '工作状态', '人员类别', '职工类型', '人员类型', '人员身份', '在职状态'],
  },
  householdType: {
    label: '户籍类型', column: 'household_type', maxLength: 20, exportWidth: 10,
    synonyms: ['户籍类型', '户口类型', '户口性质', '户籍性质'],
  },
  householdPlace: {
    label: '户籍所在地', column: 'household_place', maxLength: 100, exportWidth: 16,
    synonyms: ['户籍所在地', '户口所在地', '户籍地址', '户籍地', '户口所在地址', '户口地址'],
  },
  phone: {
    label: '手机号码', column: 'phone', maxLength: 20, exportWidth: 14,
    synonyms: ['手机号码', '手机号', '手机', '移动电话', '联系电话', '电话', '电话号码', '联系方式', '手机号码/电话'],
  },
  joinDate: {
    label: '入会时间', column: 'join_date', exportWidth: 12,
    synonyms: ['入会时间', '入会日期', '首次入会时间', '入会年月', '加入工会时间'],
  },
  memberNo: {
    label: '会员证号', column: 'member_no', maxLength: 40, exportWidth: 14,
    synonyms: ['会员证号', '会员证号码', '会员编号', '会员号', '会员卡号', '会员证编号'],
  },
  group: {
    label: '工会小组', column: 'group_id', exportWidth: 14,
    synonyms: ['所属工会', '分会', '分工会', '工会小组', '所在工会', '所属分会', '所属小组', '所在小组', '小组', '所属工会小组'],
  },
  isMigrantWorker: { label: '是否农民工', column: 'is_migrant_worker', exportWidth: 10, synonyms: ['是否农民工', '农民工'] },
  monthlyWage: {
    label: '月工资', column: 'monthly_wage_fen', exportWidth: 10,
    synonyms: ['工资', '月工资', '月薪', '基本工资', '月收入', '工资收入'],
  },
  workHistory: { label: '工作简历', column: 'work_history', maxLength: 4000 },
  remarks: { label: '备注', column: 'remarks', maxLength: 2000, exportWidth: 24, synonyms: ['备注', '备注说明'] },
} as const satisfies Record<string, FieldSpec>;

export type MemberField = keyof typeof MEMBER_FIELDS;

export const memberLabel = (field: MemberField): string => MEMBER_FIELDS[field].label;

/** The fields with a longest length: the free-text ones. */
export type MemberTextField = { [K in MemberField]: (typeof MEMBER_FIELDS)[K] extends { maxLength: number } ? K : never }[MemberField];

/** Longest accepted text of a free-text field (the contract's `text(max, label)`). */
export const memberMax = (field: MemberTextField): number => MEMBER_FIELDS[field].maxLength;

/** Database column → label, for diffs and undo messages that speak of stored rows. */
export const MEMBER_COLUMN_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(MEMBER_FIELDS as Record<string, FieldSpec>)
    .filter((f) => f.column)
    .map((f) => [f.column, f.label]),
);
