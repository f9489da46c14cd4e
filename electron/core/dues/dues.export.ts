import ExcelJS from 'exceljs';
import type { FileRef } from '../../../shared/contract/app';
import { PAYER_LABELS } from '../../../shared/domain/care-labels';
import type { DuesSheet } from '../../../shared/contract/dues';
import type { AppContext } from '../context';
import { writeCell, type WriteKind } from '../spreadsheet/cell-writer';
import { defineTask, type ThreadEnv } from '../threads/task';
import { CHECK_EVERY, checkCancel, duesFileInThread } from './dues.file-job';
import { sheetOf } from './dues.service';
import { piiExport, type PiiAsk } from '../operators/pii';
import { piiWriter, type PiiWriter } from '../../../shared/domain/pii';

const COLUMNS: { header: string; width: number; kind: WriteKind }[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '姓名', width: 12, kind: 'text' },
  { header: '身份证号', width: 21, kind: 'code' },
  { header: '部门', width: 16, kind: 'text' },
  { header: '月工资（元）', width: 12, kind: 'number' },
  { header: '计缴基数（元）', width: 13, kind: 'number' },
  { header: '应缴会费（元）', width: 13, kind: 'number' },
  { header: '缴纳日期', width: 12, kind: 'code' },
  { header: '缴纳方式', width: 10, kind: 'text' },
  { header: '收据号', width: 12, kind: 'code' },
  { header: '备注', width: 20, kind: 'text' },
];

const y = (fen: number | null) => (fen == null ? null : fen / 100);

/**
 * The month's sheet read and its workbook written in the task thread (100,000 members: ~8 s, of which the
 * main process had ~6 s in one piece). Full or masked numbers as the caller decided (`full`, operators/pii.ts).
 */
export const duesXlsxTask = defineTask<{ filePath: string; period: string; full: boolean }, { rows: number }>({
  name: 'dues.exportXlsx',
  writes: false,
  run: async (env, { filePath, period, full }) => {
    env.progress('正在读取会费记录', 0, null);
    const sheet = sheetOf(env.db, period);
    checkCancel(env.signal);
    await writeDuesXlsx(filePath, period, sheet, piiWriter(full), env);
    return { rows: sheet.rows.length };
  },
});

/** 会费收缴清单 of one month as .xlsx (for 上解 and the file); cells through the cell writer, IDs as text. */
export async function duesXlsx(ctx: AppContext, period: string, ask: PiiAsk = {}, jobId?: string): Promise<FileRef> {
  return piiExport(ctx, 'dues.exportXlsx', ask, async (_w, full) => ({
    ...(await duesFileInThread(ctx, jobId, `会费收缴清单-${period}.xlsx`, duesXlsxTask, { period, full })),
    details: { period },
  }));
}

async function writeDuesXlsx(filePath: string, period: string, sheet: DuesSheet, w: PiiWriter, env: Pick<ThreadEnv, 'progress' | 'signal'>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  const ws = wb.addWorksheet(`${period} 会费`, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  writeCell(ws.getCell(1, 1), `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月会费收缴清单`, 'text');
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  COLUMNS.forEach((c, i) => {
    writeCell(ws.getCell(2, i + 1), c.header, 'text');
    ws.getCell(2, i + 1).font = { bold: true };
  });
  sheet.rows.forEach((r, i) => {
    if (i % CHECK_EVERY === 0) {
      checkCancel(env.signal);
      env.progress('正在写入收缴清单', i, sheet.rows.length);
    }
    const values = [
      i + 1,
      r.name,
      w('id', r.idNumber),
      r.department,
      y(r.wageFen),
      y(r.baseFen),
      y(r.amountFen),
      r.paidOn,
      r.payer ? PAYER_LABELS[r.payer] : r.exempt ? '免交' : '未缴',
      r.receiptNo,
      r.reason,
    ];
    const row = ws.getRow(i + 3);
    values.forEach((v, c) => writeCell(row.getCell(c + 1), v, COLUMNS[c]!.kind));
    for (const c of [5, 6, 7]) row.getCell(c).numFmt = '0.00';
  });
  const total = ws.getRow(sheet.rows.length + 3);
  writeCell(total.getCell(2), '合计', 'text');
  writeCell(total.getCell(7), sheet.dueFen / 100, 'number');
  total.getCell(7).numFmt = '0.00';
  writeCell(total.getCell(8), `已缴 ${(sheet.paidFen / 100).toFixed(2)} 元，未缴 ${sheet.unpaidCount} 人`, 'text');
  checkCancel(env.signal);
  env.progress('正在保存文件', sheet.rows.length, sheet.rows.length, true);
  await wb.xlsx.writeFile(filePath);
}
