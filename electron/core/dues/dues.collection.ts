/**
 * 收缴清单 per 工会小组 (print → PDF, and the .xlsx handed in for 上解) and the yearly summary per group. Built from
 * the period sheet (a longer period is the sum of its months), so what is printed is what the dues page shows.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { FileRef } from '../../../shared/contract/app';
import type { DuesPeriodRow, DuesYearSummary } from '../../../shared/contract/dues';
import { PAYER_LABELS } from '../../../shared/domain/care-labels';
import { todayIso } from '../../../shared/domain/dates';
import { periodLabel, periodMonths, yuan } from '../../../shared/domain/dues';
import { naturalCompare } from '../../../shared/domain/natural-order';
import { rmbCapital } from '../../../shared/domain/rmb-capital';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { collectionHtml, type CollectionDoc } from '../print/dues-collection';
import { getSettings } from '../settings/settings.service';
import { writeCell, type WriteKind } from '../spreadsheet/cell-writer';
import * as repo from './dues.repo';
import { periodSheet, sumRows, toRow } from './dues.service';
import { piiExport, type PiiAsk } from '../operators/pii';
import type { PiiWriter } from '../../../shared/domain/pii';

export const NO_GROUP = '未分组';

interface Group {
  name: string;
  rows: DuesPeriodRow[];
  dueFen: number;
  paidFen: number;
  unpaidCount: number;
}

/** 第二小组 before 第十小组 (numerals read as numbers, natural-order.ts); members without a group last. */
const byGroupName = (a: string, b: string) => (a === NO_GROUP ? 1 : b === NO_GROUP ? -1 : naturalCompare(a, b));

/** Rows grouped by 工会小组 (分工会 / 工会小组 when the group sits under a branch). */
function groupsOf(rows: DuesPeriodRow[]): Group[] {
  const by = new Map<string, Group>();
  for (const r of rows) {
    const name = r.groupName ?? NO_GROUP;
    let g = by.get(name);
    if (!g) by.set(name, (g = { name, rows: [], dueFen: 0, paidFen: 0, unpaidCount: 0 }));
    g.rows.push(r);
    g.dueFen += r.dueFen;
    g.paidFen += r.paidFen;
    if (r.unpaidMonths > 0) g.unpaidCount++;
  }
  return [...by.values()].sort((a, b) => byGroupName(a.name, b.name));
}

function collectionDoc(ctx: AppContext, period: string, groupName?: string | null): CollectionDoc {
  const sheet = periodSheet(ctx, period);
  if (!sheet.rows.length) throw new AppError('VALIDATION', `${sheet.label}还没有核算会费，请先核算。`);
  let groups = groupsOf(sheet.rows);
  if (groupName) {
    groups = groups.filter((g) => g.name === groupName);
    if (!groups.length) throw new AppError('NOT_FOUND', `${sheet.label}的会费中没有工会小组「${groupName}」`);
  }
  const s = getSettings(ctx);
  const due = groups.reduce((n, g) => n + g.dueFen, 0);
  const paid = groups.reduce((n, g) => n + g.paidFen, 0);
  return {
    title: '会费收缴清单',
    subtitle: `${s.unionName || s.unitName || ''}　${sheet.label}`.trim(),
    groups: groups.map((g) => ({
      name: g.name,
      lines: g.rows.map((r, i) => ({
        seq: i + 1,
        name: r.name,
        wage: r.wageFen == null ? '' : yuan(r.wageFen),
        base: yuan(r.baseFen),
        months: r.months,
        due: r.exempt ? '免交' : yuan(r.dueFen),
        paid: r.paidOn ? yuan(r.paidFen) : '',
        paidOn: r.paidOn ?? '',
        mark: [r.unpaidMonths > 0 ? `未缴 ${r.unpaidMonths} 个月` : '', r.reason ?? ''].filter(Boolean).join('；'),
      })),
      due: yuan(g.dueFen),
      dueCapital: rmbCapital(g.dueFen),
      paid: yuan(g.paidFen),
      paidCapital: rmbCapital(g.paidFen),
      unpaidCount: g.unpaidCount,
    })),
    summary: groups.map((g) => ({ name: g.name, members: g.rows.length, due: yuan(g.dueFen), paid: yuan(g.paidFen), unpaidCount: g.unpaidCount })),
    due: yuan(due),
    dueCapital: rmbCapital(due),
    paid: yuan(paid),
    paidCapital: rmbCapital(paid),
    printedOn: todayIso(ctx.clock()),
  };
}

export function collectionPreview(ctx: AppContext, period: string, group?: string | null): { html: string; groups: number; count: number } {
  const doc = collectionDoc(ctx, period, group);
  return { html: collectionHtml(doc), groups: doc.groups.length, count: doc.groups.reduce((n, g) => n + g.lines.length, 0) };
}

const fileStem = (period: string) => period.trim().toUpperCase();

export async function collectionPdf(ctx: AppContext, period: string, group?: string | null): Promise<FileRef> {
  if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const pdf = await ctx.ports.pdf.render(collectionHtml(collectionDoc(ctx, period, group)), {});
  const out = ctx.files.createOutput(`会费收缴清单-${fileStem(period)}${group ? `-${group}` : ''}.pdf`);
  fs.writeFileSync(out.path, pdf);
  return out.ref();
}

const COLS: { header: string; width: number; kind: WriteKind }[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '工会小组', width: 16, kind: 'text' },
  { header: '姓名', width: 10, kind: 'text' },
  { header: '身份证号', width: 21, kind: 'code' },
  { header: '月工资（元）', width: 12, kind: 'number' },
  { header: '计缴基数（元）', width: 13, kind: 'number' },
  { header: '月数', width: 6, kind: 'number' },
  { header: '应缴会费（元）', width: 13, kind: 'number' },
  { header: '实缴会费（元）', width: 13, kind: 'number' },
  { header: '缴纳日期', width: 12, kind: 'code' },
  { header: '缴纳方式', width: 10, kind: 'text' },
  { header: '收据号', width: 14, kind: 'code' },
  { header: '备注', width: 24, kind: 'text' },
];

const title = (ws: ExcelJS.Worksheet, text: string, width: number) => {
  ws.mergeCells(1, 1, 1, width);
  writeCell(ws.getCell(1, 1), text, 'text');
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
};
const header = (ws: ExcelJS.Worksheet, row: number, names: string[]) =>
  names.forEach((h, i) => {
    writeCell(ws.getCell(row, i + 1), h, 'text');
    ws.getCell(row, i + 1).font = { bold: true };
  });

/**
 * The period for 上解: a 汇总 sheet (each group's people, 应缴, 实缴, 未缴, the total in figures and 大写) and a 明细
 * sheet with every member (IDs as text cells). Our own column names, so it imports back as a payment list.
 */
export async function collectionXlsx(ctx: AppContext, period: string, ask: PiiAsk = {}): Promise<FileRef> {
  const sheet = periodSheet(ctx, period);
  if (!sheet.rows.length) throw new AppError('VALIDATION', `${sheet.label}还没有核算会费，请先核算。`);
  return piiExport(ctx, 'dues.collectionXlsx', ask, async (w) => ({ ref: await writeCollectionXlsx(ctx, period, sheet, w), rows: sheet.rows.length, details: { period } }));
}

async function writeCollectionXlsx(ctx: AppContext, period: string, sheet: ReturnType<typeof periodSheet>, w: PiiWriter): Promise<FileRef> {
  const groups = groupsOf(sheet.rows);
  const unit = getSettings(ctx).unionName;
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  const sum = wb.addWorksheet('汇总', { pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sum.columns = [6, 20, 8, 14, 14, 10, 14].map((width) => ({ width }));
  title(sum, `${unit ? `${unit} ` : ''}${sheet.label}会费收缴汇总`, 7);
  header(sum, 2, ['序号', '工会小组', '人数', '应缴会费（元）', '实缴会费（元）', '未缴人数', '未缴金额（元）']);
  groups.forEach((g, i) => {
    const r = sum.getRow(i + 3);
    [i + 1, g.name, g.rows.length, g.dueFen / 100, g.paidFen / 100, g.unpaidCount, Math.max(0, g.dueFen - g.paidFen) / 100].forEach((v, c) =>
      writeCell(r.getCell(c + 1), v, c === 1 ? 'text' : 'number'),
    );
    for (const c of [4, 5, 7]) r.getCell(c).numFmt = '0.00';
  });
  const t = sum.getRow(groups.length + 3);
  writeCell(t.getCell(2), '合计', 'text');
  writeCell(t.getCell(3), sheet.rows.length, 'number');
  writeCell(t.getCell(4), sheet.dueFen / 100, 'number');
  writeCell(t.getCell(5), sheet.paidFen / 100, 'number');
  writeCell(t.getCell(6), sheet.unpaidCount, 'number');
  for (const c of [4, 5]) t.getCell(c).numFmt = '0.00';
  writeCell(sum.getCell(groups.length + 4, 2), `应缴合计（大写）：${rmbCapital(sheet.dueFen)}；实缴合计（大写）：${rmbCapital(sheet.paidFen)}`, 'text');

  const ws = wb.addWorksheet('明细', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = COLS.map((c) => ({ width: c.width }));
  title(ws, `${sheet.label}会费收缴清单`, COLS.length);
  header(ws, 2, COLS.map((c) => c.header));
  let row = 3;
  let seq = 1;
  for (const g of groups) {
    for (const m of g.rows) {
      const values = [
        seq++, g.name, m.name, w('id', m.idNumber), m.wageFen == null ? null : m.wageFen / 100, m.baseFen / 100, m.months, m.dueFen / 100,
        m.paidOn ? m.paidFen / 100 : null, m.paidOn, m.payer ? PAYER_LABELS[m.payer] : m.exempt ? '免交' : m.unpaidMonths ? '未缴' : null, m.receiptNo, m.reason,
      ];
      const r = ws.getRow(row++);
      values.forEach((v, c) => writeCell(r.getCell(c + 1), v, COLS[c]!.kind));
      for (const c of [5, 6, 8, 9]) r.getCell(c).numFmt = '0.00';
    }
  }
  const total = ws.getRow(row);
  writeCell(total.getCell(2), '合计', 'text');
  writeCell(total.getCell(8), sheet.dueFen / 100, 'number');
  writeCell(total.getCell(9), sheet.paidFen / 100, 'number');
  for (const c of [8, 9]) total.getCell(c).numFmt = '0.00';
  const out = ctx.files.createOutput(`会费收缴清单-${fileStem(period)}.xlsx`);
  await wb.xlsx.writeFile(out.path);
  return out.ref();
}

/** The year per 工会小组 and month: 应缴 and 实缴 of each month, the year's totals and the grand total. */
export function yearSummary(ctx: AppContext, year: number): DuesYearSummary {
  const months = periodMonths(String(year))!;
  const rows = repo.periodRows(ctx.db, months).map(toRow);
  const by = new Map<string, { members: Set<number>; due: number[]; paid: number[] }>();
  for (const r of rows) {
    const name = r.groupName ?? NO_GROUP;
    let g = by.get(name);
    if (!g) by.set(name, (g = { members: new Set(), due: Array<number>(12).fill(0), paid: Array<number>(12).fill(0) }));
    const m = Number(r.period.slice(5, 7)) - 1;
    g.members.add(r.memberId);
    if (!r.exempt) g.due[m]! += r.amountFen;
    if (r.paidOn) g.paid[m]! += r.paidFen ?? r.amountFen;
  }
  const unpaid = new Map<string, number>();
  for (const m of sumRows(rows)) if (m.unpaidMonths > 0) unpaid.set(m.groupName ?? NO_GROUP, (unpaid.get(m.groupName ?? NO_GROUP) ?? 0) + 1);
  const groups = [...by.entries()]
    .sort(([a], [b]) => byGroupName(a, b))
    .map(([name, g]) => ({
      name,
      members: g.members.size,
      dueByMonth: g.due,
      paidByMonth: g.paid,
      dueFen: g.due.reduce((a, b) => a + b, 0),
      paidFen: g.paid.reduce((a, b) => a + b, 0),
      unpaidMembers: unpaid.get(name) ?? 0,
    }));
  const dueFen = groups.reduce((n, g) => n + g.dueFen, 0);
  const paidFen = groups.reduce((n, g) => n + g.paidFen, 0);
  return { year, label: periodLabel(String(year)), groups, dueFen, paidFen, dueCapital: rmbCapital(dueFen), paidCapital: rmbCapital(paidFen) };
}

export async function yearSummaryXlsx(ctx: AppContext, year: number): Promise<FileRef> {
  const s = yearSummary(ctx, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  const ws = wb.addWorksheet(`${year}年会费汇总`, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 2 + 12 * 2 + 3;
  ws.columns = [{ width: 18 }, { width: 6 }, ...Array.from({ length: 24 }, () => ({ width: 9 })), { width: 12 }, { width: 12 }, { width: 8 }];
  title(ws, `${getSettings(ctx).unionName ? `${getSettings(ctx).unionName} ` : ''}${year}年会费收缴汇总（按工会小组）`, width);
  header(ws, 2, ['工会小组', '人数', ...Array.from({ length: 12 }, (_, i) => [`${i + 1}月应缴`, `${i + 1}月实缴`]).flat(), '全年应缴', '全年实缴', '欠缴人数']);
  s.groups.forEach((g, i) => {
    const r = ws.getRow(i + 3);
    const values = [g.name, g.members, ...g.dueByMonth.flatMap((d, m) => [d / 100, g.paidByMonth[m]! / 100]), g.dueFen / 100, g.paidFen / 100, g.unpaidMembers];
    values.forEach((v, c) => {
      writeCell(r.getCell(c + 1), v, c === 0 ? 'text' : 'number');
      if (c >= 2 && c < width - 1) r.getCell(c + 1).numFmt = '0.00';
    });
  });
  const t = ws.getRow(s.groups.length + 3);
  writeCell(t.getCell(1), '合计', 'text');
  for (let m = 0; m < 12; m++) {
    writeCell(t.getCell(3 + 2 * m), s.groups.reduce((n, g) => n + g.dueByMonth[m]!, 0) / 100, 'number');
    writeCell(t.getCell(4 + 2 * m), s.groups.reduce((n, g) => n + g.paidByMonth[m]!, 0) / 100, 'number');
  }
  writeCell(t.getCell(27), s.dueFen / 100, 'number');
  writeCell(t.getCell(28), s.paidFen / 100, 'number');
  for (let c = 3; c <= 28; c++) t.getCell(c).numFmt = '0.00';
  writeCell(ws.getCell(s.groups.length + 4, 1), `全年应缴（大写）：${s.dueCapital}；全年实缴（大写）：${s.paidCapital}`, 'text');
  const out = ctx.files.createOutput(`会费年度汇总-${year}.xlsx`);
  await wb.xlsx.writeFile(out.path);
  return out.ref();
}
