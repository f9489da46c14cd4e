/**
 * A roster as a union clerk receives it: a merged title row, a two-row grouped header (基本信息 / 联系方式 over
 * their sub-columns), a column whose header the importer cannot know (岗位, which is 职务 here), a wrong ID
 * checksum, the same person twice, and a 制表人 footer. Written with exceljs, like the files of other systems.
 */
import ExcelJS from 'exceljs';

export const MESSY_PEOPLE = [
  { name: '李建国', gender: '男', birth: '1985.03', id: '110108198503120011', phone: '13800138000', post: '教研组长', no: 'HY2024001' },
  { name: '王秀英', gender: '女', birth: '1990年7月', id: '310115199007040026', phone: '13900139000', post: '教师', no: 'HY2024002' },
  { name: '张伟', gender: '男', birth: '19781225', id: '440306197812250039', phone: '13700137000', post: '会计', no: 'HY2024003' },
  { name: '赵敏', gender: '女', birth: '1965-10-01', id: '32010219651001004X', phone: '13600136000', post: '后勤', no: 'HY2024004' },
];
/** Row 8: a wrong check digit (should be 6). */
export const BAD_ID = { name: '钱多多', id: '310115199007040025' };
/** Excel rows: title 1, header 2–3, people from 4. */
export const MESSY_ROWS = { header: [2, 3], first: 4, badId: 8, duplicate: 9, duplicateOf: 4, footer: 11 };

export async function writeMessyRoster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.getCell('A1').value = '某某中学工会会员花名册（2025年12月）';
  ws.mergeCells('A1:H1');
  ws.getRow(2).values = ['序号', '基本信息', null, null, '证件与联系方式', null, '岗位', '会员证号'];
  ws.mergeCells('B2:D2');
  ws.mergeCells('E2:F2');
  ws.mergeCells('A2:A3');
  ws.mergeCells('G2:G3');
  ws.mergeCells('H2:H3');
  ws.getRow(3).values = [null, '姓名', '性别', '出生年月', '公民身份号码', '手机号码'];
  const rows = [
    ...MESSY_PEOPLE.map((p) => [p.name, p.gender, p.birth, p.id, p.phone, p.post, p.no]),
    [BAD_ID.name, '女', '1990.07', BAD_ID.id, '13500135000', '教师', 'HY2024005'],
    // The first person again, typed by someone else.
    [MESSY_PEOPLE[0]!.name, '男', '1985.03', MESSY_PEOPLE[0]!.id, '13800138000', '教研组长', 'HY2024001'],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.values = [i + 1, ...r];
    row.getCell(5).numFmt = '@';
    row.getCell(6).numFmt = '@';
  });
  ws.getCell('A11').value = '制表人：工会办公室　　审核：';
  await wb.xlsx.writeFile(file);
}
