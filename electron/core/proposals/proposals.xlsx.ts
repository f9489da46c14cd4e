import ExcelJS from 'exceljs';
import type { ProposalListRow, ProposalStats, Rate } from '../../../shared/contract/proposals';
import { REPLY_CLASS_LABELS, SATISFACTION_LABELS } from '../../../shared/domain/proposal-workflow';
import { rowValues } from '../spreadsheet/cell-writer';

/** Rates go to Excel as real fractions with a percent format, so the office can chart and sum them. */
const frac = (r: Rate): number | null => (r.denominator ? r.numerator / r.denominator : null);

type Cell = string | number | null;

function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], rows: Cell[][], percentCols: number[] = []): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow(rowValues([title])).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.max(1, headers.length));
  const h = ws.addRow(rowValues(headers));
  h.font = { bold: true };
  h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  // Titles, names and units are the clerk's text: through the cell writer, so "=…" is never a formula.
  for (const r of rows) ws.addRow(rowValues(r));
  headers.forEach((hd, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(hd.length, ...rows.map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(8, longest * 2 + 2));
    if (percentCols.includes(i)) col.numFmt = '0.0%';
  });
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
}

/** The statistics of one session as a workbook: the overview, each breakdown, and the list of items. */
export async function statsWorkbook(st: ProposalStats, rows: ProposalListRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  wb.created = new Date();
  const t = st.session.title;
  sheet(
    wb,
    '总体情况',
    `${t}提案统计`,
    ['项目', '数量', '比率'],
    [
      ['收到提案', st.received, null],
      ['立案', st.filed, frac(st.filingRate)],
      ['并案', st.merged, null],
      ['转为意见建议', st.converted, null],
      ['不予立案', st.rejected, null],
      ['撤案', st.withdrawn, null],
      ['待审查', st.pending, null],
      ['已交办', st.assigned, null],
      ['已答复（办复率）', st.replied, frac(st.replyRate)],
      ...st.replyClasses.map((c): Cell[] => [`${c.replyClass} 类：${REPLY_CLASS_LABELS[c.replyClass]}`, c.count, frac(c.share)]),
      ['解决率（A+B）', st.replyClasses.filter((c) => c.replyClass !== 'C').reduce((n, c) => n + c.count, 0), frac(st.solvedRate)],
      ['逾期未答复', st.overdue, null],
      ['已反馈', st.feedback, null],
      [SATISFACTION_LABELS.satisfied, st.satisfied, null],
      [SATISFACTION_LABELS.basic, st.basicallySatisfied, null],
      [SATISFACTION_LABELS.unsatisfied, st.unsatisfied, null],
      ['满意率（满意+基本满意）', st.satisfied + st.basicallySatisfied, frac(st.satisfactionRate)],
      ['已办结', st.closed, null],
      ['意见建议（附议人不足登记）', st.opinions.registered, null],
      ['意见建议（审查转入）', st.opinions.converted, null],
      ['意见建议已答复', st.opinions.replied, null],
    ],
    [2],
  );
  sheet(
    wb,
    '按类别',
    `${t}提案按类别统计`,
    ['类别', '收到', '立案', '占立案比例', '已答复'],
    st.byCategory.map((c) => [c.category, c.received, c.filed, frac(c.share), c.replied]),
    [3],
  );
  sheet(
    wb,
    '按承办部门',
    `${t}提案按承办部门统计`,
    ['承办部门', '主办', '协办', '已答复', 'A 类', 'B 类', 'C 类', '逾期', '已反馈', '满意率'],
    st.byUnit.map((u) => [u.name, u.lead, u.co, u.replied, u.a, u.b, u.c, u.overdue, u.feedback, frac(u.satisfactionRate)]),
    [9],
  );
  sheet(
    wb,
    '按代表团',
    `${t}提案按代表团统计`,
    ['代表团', '代表人数', '提出提案', '立案', '立案率'],
    st.byDelegation.map((d) => [d.delegation, d.representatives, d.received, d.filed, frac(d.filingRate)]),
    [4],
  );
  sheet(
    wb,
    '提案清单',
    `${t}提案及意见建议清单`,
    ['编号', '案由', '类别', '提案人', '代表团', '附议人数', '提交日期', '状态', '主办部门', '答复期限', '答复类别', '提案人意见'],
    rows.map((r) => [
      r.number,
      r.title,
      r.category,
      r.proposerName,
      r.delegation,
      r.seconderCount,
      r.submittedDate,
      r.stateLabel + (r.overdue ? '（逾期）' : ''),
      r.leadUnit,
      r.replyDue,
      r.replyClass,
      r.feedback ? SATISFACTION_LABELS[r.feedback] : null,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
