/**
 * 收缴清单 per 工会小组 (print → PDF, and the .xlsx handed in for 上解) and the yearly summary per group. Built from
 * the period sheet (a longer period is the sum of its months), so what is printed is what the dues page shows.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { FileRef } from '../../../shared/contract/app';
import type { DuesPeriodRow, DuesPeriodSheet, DuesYearSummary } from '../../../shared/contract/dues';
import { PAYER_LABELS } from '../../../shared/domain/care-labels';
import { todayIso } from '../../../shared/domain/dates';
import { periodLabel, periodMonths, yuan } from '../../../shared/domain/dues';
import { naturalCompare } from '../../../shared/domain/natural-order';
import { rmbCapital } from '../../../shared/domain/rmb-capital';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import { withJob, type Job } from '../jobs';
import { pacer } from '../pace';
import { collectionHtml, collectionHtmlParts, collectionLine, type CollectionDoc } from '../print/dues-collection';
import { html, type SafeHtml } from '../print/html';
import { getSettings } from '../settings/settings.service';
import { writeCell, type WriteKind } from '../spreadsheet/cell-writer';
import { runJobInThread } from '../threads/run-job';
import { defineTask, type ThreadEnv } from '../threads/task';
import { CHECK_EVERY, checkCancel, duesFileInThread } from './dues.file-job';
import * as repo from './dues.repo';
import { monthsOrThrow, periodSheetOf, sumRows, toRow } from './dues.service';
import { piiExport, type PiiAsk } from '../operators/pii';
import { piiWriter, type PiiWriter } from '../../../shared/domain/pii';

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

/** Month rows read and laid out per chunk on the main process before the event loop may get a turn (pace.ts): 200 members of a year, 2,400 of a month. */
const PRINT_CHUNK_ROWS = 2400;
/**
 * A preview shows each group's first members (its page as it begins in print; the PDF has all): 100,000 lines
 * would be ~40 MB of HTML sent to the window and laid out in its frame.
 */
export const PREVIEW_LINES_PER_GROUP = 100;

interface PrintGroup {
  name: string;
  lines: SafeHtml[];
  members: number;
  omitted: number;
  dueFen: number;
  paidFen: number;
  unpaidCount: number;
}

const lineOf = (r: DuesPeriodRow, seq: number) =>
  collectionLine({
    seq,
    name: r.name,
    wage: r.wageFen == null ? '' : yuan(r.wageFen),
    base: yuan(r.baseFen),
    months: r.months,
    due: r.exempt ? '免交' : yuan(r.dueFen),
    paid: r.paidOn ? yuan(r.paidFen) : '',
    paidOn: r.paidOn ?? '',
    mark: [r.unpaidMonths > 0 ? `未缴 ${r.unpaidMonths} 个月` : '', r.reason ?? ''].filter(Boolean).join('；'),
  });

/**
 * The 收缴清单 laid out on the main process (the PDF goes through the PdfPort, which only the main process has),
 * a chunk of members at a time in roster order (keyset over members_sort, so a chunk at the end costs what one
 * at the start does) with a turn of the event loop whenever 25 ms have passed (pace.ts): at 100,000 members a
 * year was one 5 s piece. Each member is summed over the period (sumRows) and laid out as its line at once.
 * `previewLines`: lay out only so many of each group (the preview); the totals always count every member.
 */
async function collectionDoc(ctx: AppContext, period: string, groupName: string | null | undefined, job: Job | null, previewLines?: number): Promise<{ doc: CollectionDoc; count: number }> {
  const months = monthsOrThrow(period);
  const label = periodLabel(period);
  const pace = pacer();
  const chunkMembers = Math.max(50, Math.floor(PRINT_CHUNK_ROWS / months.length));
  const by = new Map<string, PrintGroup>();
  let shown = 0;
  let count = 0;
  let all = 0;
  for (let after: repo.MemberKey | null = null; ; ) {
    const keys = repo.periodMemberKeysAfter(ctx.db, months, after, chunkMembers);
    if (!keys.length) break;
    after = keys[keys.length - 1]!;
    all += keys.length;
    // This chunk's lines per group, joined into one entry each (the PDF port writes an entry at a time).
    const chunk = new Map<PrintGroup, SafeHtml[]>();
    for (const r of sumRows(repo.periodRowsOf(ctx.db, months, keys.map((k) => k.id)).map(toRow))) {
      const name = r.groupName ?? NO_GROUP;
      if (groupName && name !== groupName) continue;
      let g = by.get(name);
      if (!g) by.set(name, (g = { name, lines: [], members: 0, omitted: 0, dueFen: 0, paidFen: 0, unpaidCount: 0 }));
      g.members++;
      count++;
      g.dueFen += r.dueFen;
      g.paidFen += r.paidFen;
      if (r.unpaidMonths > 0) g.unpaidCount++;
      if (previewLines === undefined || g.members - g.omitted <= previewLines) {
        let lines = chunk.get(g);
        if (!lines) chunk.set(g, (lines = []));
        lines.push(lineOf(r, g.members));
        shown++;
      } else g.omitted++;
    }
    for (const [g, lines] of chunk) g.lines.push(html`${lines}`);
    job?.check();
    job?.progress('正在排版收缴清单', all, null);
    await pace();
  }
  if (!all) throw new AppError('VALIDATION', `${label}还没有核算会费，请先核算。`);
  if (groupName && !by.size) throw new AppError('NOT_FOUND', `${label}的会费中没有工会小组「${groupName}」`);
  const groups = [...by.values()].sort((a, b) => byGroupName(a.name, b.name));
  const s = getSettings(ctx);
  const due = groups.reduce((n, g) => n + g.dueFen, 0);
  const paid = groups.reduce((n, g) => n + g.paidFen, 0);
  const doc: CollectionDoc = {
    title: '会费收缴清单',
    subtitle: `${s.unionName || s.unitName || ''}　${label}`.trim(),
    previewNote:
      shown < count
        ? `预览中每个工会小组只显示前 ${previewLines} 人（共 ${count.toLocaleString('zh-CN')} 人，显示 ${shown.toLocaleString('zh-CN')} 人）；生成 PDF 包含全部会员。各组合计和汇总页按全部会员计算。`
        : null,
    groups: groups.map((g) => ({
      name: g.name,
      lines: g.lines,
      omitted: g.omitted,
      due: yuan(g.dueFen),
      dueCapital: rmbCapital(g.dueFen),
      paid: yuan(g.paidFen),
      paidCapital: rmbCapital(g.paidFen),
      unpaidCount: g.unpaidCount,
    })),
    summary: groups.map((g) => ({ name: g.name, members: g.members, due: yuan(g.dueFen), paid: yuan(g.paidFen), unpaidCount: g.unpaidCount })),
    due: yuan(due),
    dueCapital: rmbCapital(due),
    paid: yuan(paid),
    paidCapital: rmbCapital(paid),
    printedOn: todayIso(ctx.clock()),
  };
  return { doc, count };
}

/** 打印预览: each group's first PREVIEW_LINES_PER_GROUP members laid out (a note says so), every total and the summary page. */
export async function collectionPreview(ctx: AppContext, period: string, group?: string | null): Promise<{ html: string; groups: number; count: number }> {
  const { doc, count } = await collectionDoc(ctx, period, group, null, PREVIEW_LINES_PER_GROUP);
  return { html: collectionHtml(doc), groups: doc.groups.length, count };
}

const fileStem = (period: string) => period.trim().toUpperCase();

/**
 * The PDF of every member. Laid out here a chunk at a time (collectionDoc) under the window's jobId (progress,
 * 取消 through dues.exportCancel: between chunks, or while the engine renders in its own process, when its PDF is dropped).
 */
export async function collectionPdf(ctx: AppContext, period: string, group?: string | null, jobId?: string): Promise<FileRef> {
  const port = ctx.ports.pdf;
  if (!port) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  return withJob(ctx, jobId, async (job) => {
    const { doc, count } = await collectionDoc(ctx, period, group, job);
    job.check();
    job.progress('正在生成 PDF', count, count, true);
    // Written to the engine's print file a part at a time where the port can (every host's port does).
    const pdf = port.renderParts ? await port.renderParts(collectionHtmlParts(doc), {}) : await port.render(collectionHtml(doc), {});
    // A 取消 while the engine rendered: its PDF is dropped.
    job.check();
    const out = ctx.files.createOutput(`会费收缴清单-${fileStem(period)}${group ? `-${group}` : ''}.pdf`);
    await fs.promises.writeFile(out.path, pdf);
    return out.ref();
  });
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
 * Read and written in the task thread (a year at 100,000 members: ~16 s, 14 s of it in one piece on the main
 * process before); full or masked numbers as the caller decided (`full`, operators/pii.ts).
 */
export const collectionXlsxTask = defineTask<{ filePath: string; period: string; full: boolean; unit: string }, { rows: number }>({
  name: 'dues.collectionXlsx',
  writes: false,
  run: async (env, { filePath, period, full, unit }) => {
    env.progress('正在读取会费记录', 0, null);
    const sheet = periodSheetOf(env.db, period);
    if (!sheet.rows.length) throw new AppError('VALIDATION', `${sheet.label}还没有核算会费，请先核算。`);
    checkCancel(env.signal);
    await writeCollectionXlsx(filePath, unit, sheet, piiWriter(full), env);
    return { rows: sheet.rows.length };
  },
});

export async function collectionXlsx(ctx: AppContext, period: string, ask: PiiAsk = {}, jobId?: string): Promise<FileRef> {
  monthsOrThrow(period);
  const unit = getSettings(ctx).unionName;
  return piiExport(ctx, 'dues.collectionXlsx', ask, async (_w, full) => ({
    ...(await duesFileInThread(ctx, jobId, `会费收缴清单-${fileStem(period)}.xlsx`, collectionXlsxTask, { period, full, unit })),
    details: { period },
  }));
}

async function writeCollectionXlsx(filePath: string, unit: string, sheet: DuesPeriodSheet, w: PiiWriter, env: Pick<ThreadEnv, 'progress' | 'signal'>): Promise<void> {
  const groups = groupsOf(sheet.rows);
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
      if (seq % CHECK_EVERY === 0) {
        checkCancel(env.signal);
        env.progress('正在写入上解清单', seq, sheet.rows.length);
      }
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
  checkCancel(env.signal);
  env.progress('正在保存文件', sheet.rows.length, sheet.rows.length, true);
  await wb.xlsx.writeFile(filePath);
}

/** The year per 工会小组 and month: 应缴 and 实缴 of each month, the year's totals and the grand total. */
function yearSummaryOf(db: DB, year: number): DuesYearSummary {
  const months = periodMonths(String(year))!;
  const rows = repo.periodRows(db, months).map(toRow);
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

/** The year's 1.2 million month rows at 100,000 members (~5 s) read in the task thread; the answer is one line per group. */
export const duesSummaryTask = defineTask<{ year: number }, DuesYearSummary>({
  name: 'dues.summary',
  writes: false,
  run: ({ db, progress }, { year }) => {
    progress('正在汇总全年会费', 0, null);
    return yearSummaryOf(db, year);
  },
});

export const yearSummary = (ctx: AppContext, year: number, jobId?: string): Promise<DuesYearSummary> => runJobInThread(ctx, jobId, duesSummaryTask, { year });

/** The year summary read and its workbook written in the task thread. */
export const summaryXlsxTask = defineTask<{ filePath: string; year: number; unit: string }, { rows: number }>({
  name: 'dues.summaryXlsx',
  writes: false,
  run: async (env, { filePath, year, unit }) => {
    env.progress('正在汇总全年会费', 0, null);
    const s = yearSummaryOf(env.db, year);
    checkCancel(env.signal);
    env.progress('正在保存文件', 0, null, true);
    await writeSummaryXlsx(filePath, unit, s);
    return { rows: s.groups.length };
  },
});

export async function yearSummaryXlsx(ctx: AppContext, year: number, jobId?: string): Promise<FileRef> {
  const unit = getSettings(ctx).unionName;
  return (await duesFileInThread(ctx, jobId, `会费年度汇总-${year}.xlsx`, summaryXlsxTask, { year, unit })).ref;
}

async function writeSummaryXlsx(filePath: string, unit: string, s: DuesYearSummary): Promise<void> {
  const year = s.year;
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  const ws = wb.addWorksheet(`${year}年会费汇总`, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 2 + 12 * 2 + 3;
  ws.columns = [{ width: 18 }, { width: 6 }, ...Array.from({ length: 24 }, () => ({ width: 9 })), { width: 12 }, { width: 12 }, { width: 8 }];
  title(ws, `${unit ? `${unit} ` : ''}${year}年会费收缴汇总（按工会小组）`, width);
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
  await wb.xlsx.writeFile(filePath);
}
