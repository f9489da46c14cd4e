/**
 * A proposal register as offices keep it in Excel, generated with exceljs: a title row merged across the
 * table, an instruction row, a two-row header (提案人 and 办理情况 as merged groups, the other headers merged
 * down), several 附议人 in one cell with mixed separators, result columns, and a footer. The people are the
 * ones `seedRegisterPeople` puts into the member files and the session.
 */
import ExcelJS from 'exceljs';

export interface RegisterRow {
  title: string;
  proposer: string;
  delegation?: string;
  seconders?: string;
  category?: string;
  unit?: string;
  /** A Date is written as a date cell, a string as typed text. */
  date?: Date | string;
  reasons?: string;
  suggestions?: string;
  review?: string;
  replyClass?: string;
  replyDate?: Date | string;
  satisfaction?: string;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Row 1 of the data is Excel row 5 (title, instructions, two header rows above it). */
export const FIRST_DATA_ROW = 5;

export const MESSY_ROWS: RegisterRow[] = [
  {
    title: '关于改善教工食堂就餐环境的建议',
    proposer: '张三丰',
    delegation: '第一代表团',
    seconders: '李秀英、王建国',
    category: '后勤管理与服务',
    unit: '后勤管理处',
    date: day('2026-03-10'),
    reasons: '午餐高峰排队时间长，菜品单一。',
    suggestions: '增加窗口，每周公布菜谱。',
    review: '立案',
    replyClass: 'A',
    replyDate: day('2026-03-25'),
    satisfaction: '满意',
  },
  // one seconder: registered as 意见建议
  { title: '图书馆周末延长开放时间', proposer: '李秀英', delegation: '第一代表团', seconders: '张三丰', category: '教学与管理', unit: '教务处', date: '2026.3.11' },
  // nobody of that name in the member files
  { title: '增设校园自行车棚', proposer: '陈路人', seconders: '张三丰、李秀英', category: '后勤管理与服务', date: day('2026-03-11') },
  // a member who is not a representative of the session
  { title: '教职工体检增加项目', proposer: '周非代', delegation: '第二代表团', seconders: '赵敏，钱学森', category: '教职工权益', unit: '人事处', date: day('2026-03-12') },
  // two representatives named 王芳: without a 代表团 it cannot be decided
  { title: '规范调课审批流程', proposer: '王芳', seconders: '赵敏 钱学森', category: '规章制度建设', unit: '教务处', date: day('2026-03-12') },
  // a category that is not in the configured list
  { title: '校门口增设减速带', proposer: '赵敏', delegation: '第二代表团', seconders: '钱学森/孙小美', category: '校园安全', unit: '后勤管理处', date: day('2026-03-13') },
  // 附议人 with three different separators; the namesake told apart by the 代表团 column
  {
    title: '完善青年教师导师制度',
    proposer: '王芳',
    delegation: '第二代表团',
    seconders: '赵敏，钱学森/孙小美；张三丰',
    category: '教学与管理',
    unit: '人事处',
    date: '2026年3月14日',
    review: '同意立案',
  },
];

export async function registerWorkbook(rows: RegisterRow[] = MESSY_ROWS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('提案登记');
  ws.getCell('A1').value = '某某市第一中学第五届教职工代表大会第二次会议提案登记表';
  ws.mergeCells('A1:N1');
  ws.getCell('A2').value = '填表说明：附议人可填多人，用顿号分隔；日期写到日。';
  ws.mergeCells('A2:N2');
  const standing: [string, string][] = [
    ['A', '序号'],
    ['B', '案由'],
    ['E', '附议人'],
    ['F', '类别'],
    ['G', '建议承办部门'],
    ['H', '提交日期'],
    ['I', '理由'],
    ['J', '办法'],
  ];
  for (const [col, text] of standing) {
    ws.getCell(`${col}3`).value = text;
    ws.mergeCells(`${col}3:${col}4`);
  }
  ws.getCell('C3').value = '提案人';
  ws.mergeCells('C3:D3');
  ws.getCell('C4').value = '姓名';
  ws.getCell('D4').value = '代表团';
  ws.getCell('K3').value = '办理情况';
  ws.mergeCells('K3:N3');
  ws.getCell('K4').value = '审查意见';
  ws.getCell('L4').value = '答复类别';
  ws.getCell('M4').value = '答复日期';
  ws.getCell('N4').value = '满意度';
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.title,
      r.proposer,
      r.delegation ?? null,
      r.seconders ?? null,
      r.category ?? null,
      r.unit ?? null,
      r.date ?? null,
      r.reasons ?? null,
      r.suggestions ?? null,
      r.review ?? null,
      r.replyClass ?? null,
      r.replyDate ?? null,
      r.satisfaction ?? null,
    ]);
  });
  for (const col of ['H', 'M']) ws.getColumn(col).numFmt = 'yyyy-mm-dd';
  ws.addRow([]);
  ws.addRow(['制表人：李干事', null, null, null, null, null, null, '2026年4月1日']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
