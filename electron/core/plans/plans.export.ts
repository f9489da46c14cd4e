/**
 * The year's 活动台账 as .xlsx, and the 工作总结 material as a .docx draft — Word, not PDF, because clerks
 * rewrite summaries in Word/WPS. Written with `docx` (a maintained writer).
 */
import fs from 'node:fs';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { FileRef } from '../../../shared/contract/app';
import type { YearSummary } from '../../../shared/contract/plans';
import { yuan } from '../../../shared/domain/dues';
import type { AppContext } from '../context';
import { writeCell, type WriteKind } from '../spreadsheet/cell-writer';
import { listActivities } from './activities.service';
import { yearSummary } from './records.service';

const COLUMNS: { header: string; width: number; kind: WriteKind }[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '活动名称', width: 28, kind: 'text' },
  { header: '类别', width: 14, kind: 'text' },
  { header: '日期', width: 12, kind: 'code' },
  { header: '地点', width: 16, kind: 'text' },
  { header: '主办/承办', width: 14, kind: 'text' },
  { header: '参加人数', width: 10, kind: 'number' },
  { header: '经费（元）', width: 12, kind: 'number' },
  { header: '经费来源', width: 12, kind: 'text' },
  { header: '负责人', width: 10, kind: 'text' },
];

export async function activitiesXlsx(ctx: AppContext, year: number): Promise<FileRef> {
  const { rows, costFen, participants } = listActivities(ctx, { year });
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  const ws = wb.addWorksheet(`${year}年活动台账`, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  writeCell(ws.getCell(1, 1), `${year}年工会活动台账目录`, 'text');
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  COLUMNS.forEach((c, i) => {
    writeCell(ws.getCell(2, i + 1), c.header, 'text');
    ws.getCell(2, i + 1).font = { bold: true };
  });
  rows.forEach((r, i) => {
    const values = [i + 1, r.name, r.kindLabel, r.startDate, r.place, r.organizer, r.participantCount, r.costFen / 100, r.costSource, r.leader];
    const row = ws.getRow(i + 3);
    values.forEach((v, c) => writeCell(row.getCell(c + 1), v, COLUMNS[c]!.kind));
    row.getCell(8).numFmt = '0.00';
  });
  const total = ws.getRow(rows.length + 3);
  writeCell(total.getCell(2), '合计', 'text');
  writeCell(total.getCell(7), participants, 'number');
  writeCell(total.getCell(8), costFen / 100, 'number');
  total.getCell(8).numFmt = '0.00';
  const out = ctx.files.createOutput(`${year}年活动台账.xlsx`);
  await wb.xlsx.writeFile(out.path);
  return out.ref();
}

const p = (text: string) => new Paragraph({ children: [new TextRun({ text, font: '仿宋', size: 28 })], spacing: { line: 460 }, indent: { firstLine: 560 } });
const h = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, font: '黑体', size: 30 })] });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, font: '宋体', size: 22 })] })] });
const table = (headers: string[], rows: (string | number)[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: headers.map((x) => cell(x, true)) }), ...rows.map((r) => new TableRow({ children: r.map((x) => cell(String(x))) }))],
  });

/** The paragraphs of the draft, also used by the tests to read the file back. */
export function summaryParagraphs(s: YearSummary, unionName: string): { title: string; facts: string[] } {
  const planned = s.months.reduce((n, m) => n + m.planned, 0);
  const done = s.months.reduce((n, m) => n + m.done, 0);
  return {
    title: `${unionName}${s.year}年工作总结（素材）`,
    facts: [
      `全年工作计划共安排事项 ${planned} 项，已完成 ${done} 项${planned ? `，完成率 ${Math.round((done / planned) * 100)}%` : ''}。`,
      `全年组织各类活动 ${s.activities} 次，参加 ${s.participants} 人次，使用经费 ${yuan(s.costFen)} 元。`,
      `获得各级表彰 ${s.awards} 项；开展慰问 ${s.careVisits} 人次；受理劳动争议调解 ${s.mediation.total} 件，达成协议 ${s.mediation.agreed} 件，尚在调解 ${s.mediation.open} 件。`,
      `教代会（职代会）提案 ${s.proposals} 件；校务（厂务）公开事项 ${s.disclosures} 项。`,
    ],
  };
}

export async function summaryDocx(ctx: AppContext, year: number, unionName: string): Promise<FileRef> {
  const s = yearSummary(ctx, year);
  const { title, facts } = summaryParagraphs(s, unionName);
  const doc = new Document({
    creator: '工会台账',
    title,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, font: '方正小标宋简体', size: 40, bold: true })] }),
          p('（以下为系统汇总的全年数据，供撰写工作总结时参考、改写。）'),
          h('一、全年概况'),
          ...facts.map(p),
          h('二、各月计划完成情况'),
          table(['月份', '计划事项', '已完成'], s.months.filter((m) => m.planned).map((m) => [`${m.month}月`, m.planned, m.done])),
          h('三、各类工作情况'),
          table(['类别', '计划事项', '已完成', '活动次数'], s.kinds.filter((k) => k.planned || k.activities).map((k) => [k.label, k.planned, k.done, k.activities])),
          h('四、存在的不足和明年打算'),
          p('（请在此填写。）'),
        ],
      },
    ],
  });
  const out = ctx.files.createOutput(`${year}年工作总结素材.docx`);
  fs.writeFileSync(out.path, await Packer.toBuffer(doc));
  return out.ref();
}
