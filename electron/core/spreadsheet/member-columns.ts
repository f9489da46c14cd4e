/**
 * Roster header → member field (DOMAIN.md §1.4). Real sheets spell one field many ways (公民身份号码 /
 * 身份证号码 / 证件号码 …), decorate it (姓名*, 身份证号\n（必填）), qualify it (学生联系电话) and sometimes
 * name somebody else (家长联系电话 is not the member's phone). Matching is done on the normalised header:
 *   exact synonym                       → confidence 1
 *   synonym at the end after a neutral qualifier (学生联系电话, 会员姓名) → 0.7
 * A qualifier naming another person (家长, 配偶, 紧急联系人 …) never matches. Each field goes to one column
 * (the most confident, then the leftmost); the others are left unmapped with a note, never merged.
 */
import { createHash } from 'node:crypto';
import type { DetectedColumn, DetectOptions, TableDetection } from './detect';
import { detectTable } from './detect';
import { headerHints, normalizeHeader, type HeaderHints } from './header-text';
import type { SheetGrid } from './types';

export const MEMBER_IMPORT_FIELDS = [
  { key: 'name', label: '姓名' },
  { key: 'gender', label: '性别' },
  { key: 'birthDate', label: '出生日期' },
  { key: 'ethnicity', label: '民族' },
  { key: 'nativePlace', label: '籍贯' },
  { key: 'idType', label: '证件类型' },
  { key: 'idNumber', label: '证件号码' },
  { key: 'politicalStatus', label: '政治面貌' },
  { key: 'education', label: '学历' },
  { key: 'degree', label: '学位' },
  { key: 'jobTitle', label: '职务' },
  { key: 'professionalTitle', label: '职称' },
  { key: 'workUnit', label: '工作单位' },
  { key: 'department', label: '部门' },
  { key: 'staffNo', label: '工号' },
  { key: 'employmentStatus', label: '人员类别' },
  { key: 'householdType', label: '户籍类型' },
  { key: 'householdPlace', label: '户籍所在地' },
  { key: 'phone', label: '手机号码' },
  { key: 'joinDate', label: '入会时间' },
  { key: 'memberNo', label: '会员证号' },
  { key: 'group', label: '所属工会小组' },
  { key: 'isMigrantWorker', label: '是否农民工' },
  { key: 'monthlyWage', label: '月工资' },
  { key: 'remarks', label: '备注' },
  { key: 'seq', label: '序号（不导入）' },
] as const;

export type MemberFieldKey = (typeof MEMBER_IMPORT_FIELDS)[number]['key'];
export const MEMBER_FIELD_LABELS = Object.fromEntries(MEMBER_IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<MemberFieldKey, string>;

/** Normalised header spellings per field (see `normalizeHeader`). */
export const MEMBER_SYNONYMS: Record<MemberFieldKey, readonly string[]> = {
  seq: ['序号', '序', 'no', 'no.', '行号'],
  name: ['姓名', '会员姓名', '会员名称', '职工姓名', '员工姓名', '人员姓名', '教职工姓名', '名字'],
  gender: ['性别'],
  birthDate: ['出生日期', '出生年月', '生年月日', '生日', '出生年月日', '出生时间'],
  ethnicity: ['民族'],
  nativePlace: ['籍贯', '出生地'],
  idType: ['证件类型', '证件类别', '有效证件类别', '有效证件类型', '身份证件类型'],
  idNumber: ['公民身份号码', '身份证号码', '身份证号', '身份证', '证件号码', '证件号', '有效证件号码', '身份证件号码', '身份证件号'],
  politicalStatus: ['政治面貌', '政治身份'],
  education: ['学历', '文化程度', '当前学历', '最高学历', '学历层次'],
  degree: ['学位', '最高学位'],
  jobTitle: ['职务', '职位', '现任职务', '行政职务'],
  professionalTitle: ['职称', '专业技术职务', '技术职称', '专业技术职称'],
  workUnit: ['工作单位', '单位名称', '所在单位', '单位', '工作单位名称'],
  department: ['部门', '所在部门', '科室', '所在科室', '部门名称', '处室', '所在处室'],
  staffNo: ['工号', '职工号', '员工号', '员工编号', '职工编号', '人员编号', '工作证号'],
  employmentStatus: ['就业状况', '就业情况', '就业状态', '工作状态', '人员类别', '职工类型', '人员类型', '人员身份', '在职状态'],
  householdType: ['户籍类型', '户口类型', '户口性质', '户籍性质'],
  householdPlace: ['户籍所在地', '户口所在地', '户籍地址', '户籍地', '户口所在地址', '户口地址'],
  phone: ['手机号码', '手机号', '手机', '移动电话', '联系电话', '电话', '电话号码', '联系方式', '手机号码/电话'],
  joinDate: ['入会时间', '入会日期', '首次入会时间', '入会年月', '加入工会时间'],
  memberNo: ['会员证号', '会员证号码', '会员编号', '会员号', '会员卡号', '会员证编号'],
  group: ['所属工会', '分会', '分工会', '工会小组', '所在工会', '所属分会', '所属小组', '所在小组', '小组', '所属工会小组'],
  isMigrantWorker: ['是否农民工', '农民工'],
  monthlyWage: ['工资', '月工资', '月薪', '基本工资', '月收入', '工资收入'],
  remarks: ['备注', '备注说明'],
};

/** Header words seen in rosters that are not member fields: they still show a row is a header. */
const OTHER_HEADER_WORDS = [
  '年龄', '学号', '学籍号', '家庭住址', '家庭地址', '现住址', '现居住地', '邮箱', '电子邮箱', 'qq', 'qq号', '入职时间', '入职日期',
  '参加工作时间', '会籍变化类型', '会籍变化日期', '会籍变化原因', '技能等级', '是否八大群体', '状态', '班级', '部门编号', '毕业院校', '专业',
  '婚姻状况', '健康状况', '家长姓名', '家长联系电话', '宿舍号', '邮编', '邮政编码', '进校日期',
];

/** Qualifiers that make a header about somebody else (家长联系电话, 配偶姓名). */
const OTHER_PERSON = /(家长|父亲|母亲|父母|配偶|爱人|丈夫|妻子|子女|紧急联系人|监护人|家属|亲属|推荐人|介绍人|联系人|负责人|经办人|原)$/;

const EXACT = new Map<string, MemberFieldKey>();
for (const [field, words] of Object.entries(MEMBER_SYNONYMS) as [MemberFieldKey, readonly string[]][]) {
  for (const w of words) EXACT.set(normalizeHeader(w), field);
}
const BY_LENGTH = [...EXACT.keys()].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length);
const OTHER = new Set(OTHER_HEADER_WORDS.map(normalizeHeader));

export interface FieldGuess {
  field: MemberFieldKey;
  confidence: number;
}

/** The field a header names, or null. */
export function guessMemberField(headerText: string): FieldGuess | null {
  const n = normalizeHeader(headerText);
  if (!n) return null;
  const exact = EXACT.get(n);
  if (exact) return { field: exact, confidence: 1 };
  for (const syn of BY_LENGTH) {
    if (!n.endsWith(syn)) continue;
    const qualifier = n.slice(0, n.length - syn.length);
    if (OTHER_PERSON.test(qualifier) || qualifier.length > 6) return null;
    return { field: EXACT.get(syn) as MemberFieldKey, confidence: 0.7 };
  }
  return null;
}

/** For `detectTable`: how surely a header cell names something a roster has. 序号 alone counts little. */
export function memberHeaderScore(text: string): number {
  const n = normalizeHeader(text);
  if (!n) return 0;
  if (OTHER.has(n)) return 0.5;
  const g = guessMemberField(text);
  if (!g) return 0;
  return g.field === 'seq' ? 0.3 : g.confidence;
}

export const detectMemberTable = (grid: SheetGrid, opts: DetectOptions = {}): TableDetection =>
  detectTable(grid, { headerScore: memberHeaderScore, ...opts });

export interface ColumnMapping {
  /** 0-based sheet column. */
  index: number;
  /** The detected column's unique header ("组/名" under a grouped header). */
  header: string;
  field: MemberFieldKey | null;
  /** 1 exact synonym, 0.7 qualified, 1 for a user's choice, 0 unmapped. */
  confidence: number;
  /** Set when the user picked the field (remembered per header signature). */
  userChosen?: boolean;
  hints: HeaderHints;
  /** Why a recognisable column was left unmapped (Chinese). */
  note?: string;
}

export interface MemberMapping {
  columns: ColumnMapping[];
  /** Stable id of the header layout, for remembering a corrected mapping. */
  signature: string;
  /** Fields without a column that an import needs (姓名). */
  missingRequired: MemberFieldKey[];
}

/** sha256 of the normalised header names in order (16 hex characters). */
export function headerSignature(columns: Pick<DetectedColumn, 'header'>[]): string {
  const names = columns.map((c) => c.header.split('/').map(normalizeHeader).join('/'));
  return createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 16);
}

/**
 * Maps detected columns onto member fields. `overrides` (header → field or null) are the user's corrections,
 * e.g. remembered for this `headerSignature`; they win over guesses and take the field from any other column.
 */
export function mapMemberColumns(columns: DetectedColumn[], overrides: Record<string, MemberFieldKey | null> = {}): MemberMapping {
  const guesses = columns.map((c) => {
    const text = c.name || c.header;
    if (Object.hasOwn(overrides, c.header)) {
      const field = overrides[c.header] ?? null;
      return { col: c, guess: field ? { field, confidence: 1 } : null, user: true };
    }
    return { col: c, guess: guessMemberField(text), user: false };
  });
  const owner = new Map<MemberFieldKey, number>();
  const rank = (i: number) => {
    const g = guesses[i]!;
    return (g.user ? 10 : 0) + (g.guess?.confidence ?? 0);
  };
  guesses.forEach((g, i) => {
    if (!g.guess || g.guess.field === 'seq') return;
    const prev = owner.get(g.guess.field);
    if (prev === undefined || rank(i) > rank(prev)) owner.set(g.guess.field, i);
  });
  const mapped: ColumnMapping[] = guesses.map((g, i) => {
    const hints = headerHints(g.col.header);
    const base = { index: g.col.index, header: g.col.header, hints, ...(g.user ? { userChosen: true } : {}) };
    if (!g.guess) return { ...base, field: null, confidence: 0 };
    const field = g.guess.field;
    if (field !== 'seq' && owner.get(field) !== i) {
      const winner = guesses[owner.get(field) as number]!.col;
      return { ...base, field: null, confidence: 0, note: `也像「${MEMBER_FIELD_LABELS[field]}」，但已由「${winner.header}」列导入` };
    }
    return { ...base, field, confidence: g.guess.confidence };
  });
  return {
    columns: mapped,
    signature: headerSignature(columns),
    missingRequired: owner.has('name') ? [] : ['name'],
  };
}
