/**
 * A realistic roster .xlsx for the import bench: Chinese names, valid ID numbers and phone numbers as text
 * cells (the way our own export writes them), dates as real dates, shared strings and styles like Excel.
 * Written with exceljs's streaming WorkbookWriter so 100k rows never sit in memory.
 */
import ExcelJS from 'exceljs';
import { generateMembers, rng } from './gen-members';

const UNITS = ['第一中学', '实验小学', '市人民医院', '城建集团', '供电公司', '区政府办公室'];
const DEPARTMENTS = ['办公室', '教务处', '后勤处', '财务科', '人事科', '工会', '信息中心'];
const JOBS = ['科员', '教师', '护士', '工程师', '会计', '主任'];
const TITLES = ['', '初级', '中级', '副高级', '正高级'];
const EDUCATION = ['大学本科', '大学专科', '研究生', '普通高中', '中等专科'];
const ETHNIC = ['汉族', '汉族', '汉族', '回族', '满族', '壮族'];

/** Header and cell of each column; a roster wider than 20 columns gets 备注2, 备注3 … */
type Member = ReturnType<typeof generateMembers>[number];
export type Col = { header: string; value: (m: Member, i: number, r: () => number) => ExcelJS.CellValue; numFmt?: string; text?: boolean };

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;
const birth = (id: string) => new Date(Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14))));

const COLUMNS: Col[] = [
  { header: '序号', value: (_m, i) => i + 1 },
  { header: '姓名', value: (m) => m.name },
  { header: '性别', value: (m) => (Number(m.idNumber?.[16]) % 2 === 1 ? '男' : '女') },
  { header: '出生日期', value: (m) => birth(m.idNumber as string), numFmt: 'yyyy-mm-dd' },
  { header: '民族', value: (_m, _i, r) => pick(ETHNIC, r) },
  { header: '身份证号', value: (m) => m.idNumber ?? '', text: true },
  { header: '政治面貌', value: (m) => m.politicalStatus ?? '群众' },
  { header: '学历', value: (_m, _i, r) => pick(EDUCATION, r) },
  { header: '工作单位', value: (_m, _i, r) => pick(UNITS, r) },
  { header: '部门', value: (_m, _i, r) => pick(DEPARTMENTS, r) },
  { header: '职务', value: (_m, _i, r) => pick(JOBS, r) },
  { header: '职称', value: (_m, _i, r) => pick(TITLES, r) },
  { header: '手机号码', value: (m) => m.phone ?? '', text: true },
  { header: '入会时间', value: (m) => new Date(`${m.joinDate}T00:00:00Z`), numFmt: 'yyyy"年"m"月"d"日"' },
  { header: '会员证号', value: (m) => m.memberNo ?? '', text: true },
  { header: '工会小组', value: (_m, i) => `第${(i % 12) + 1}小组` },
  { header: '户籍类型', value: (_m, _i, r) => (r() < 0.7 ? '非农业' : '农业') },
  { header: '人员类别', value: (_m, _i, r) => (r() < 0.9 ? '在岗' : '退休') },
  { header: '月工资', value: (_m, _i, r) => Math.round(3000 + r() * 9000), numFmt: '#,##0.00' },
  { header: '备注', value: (_m, i) => (i % 17 === 0 ? '2023年转入' : '') },
];

export function columns(n: number): Col[] {
  const out = COLUMNS.slice(0, n);
  for (let k = out.length; k < n; k++) out.push({ header: `备注${k - COLUMNS.length + 2}`, value: (_m, i) => (i % 5 === 0 ? `附注${i}` : '') });
  return out;
}

/** Writes `rows` members (plus the header row) with `cols` columns to `file`. */
export async function writeRosterXlsx(file: string, rows: number, cols = 20): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('会员花名册');
  const defs = columns(cols);
  ws.columns = defs.map((d) => ({ header: d.header, width: 14, ...(d.numFmt ? { style: { numFmt: d.numFmt } } : d.text ? { style: { numFmt: '@' } } : {}) }));
  ws.getRow(1).commit();
  const r = rng(7);
  // One call, so ID numbers are unique across the whole file (duplicates would be an import finding).
  const members = generateMembers(rows, 1000);
  members.forEach((m, i) => ws.addRow(defs.map((d) => d.value(m, i, r))).commit());
  ws.commit();
  await wb.commit();
}
