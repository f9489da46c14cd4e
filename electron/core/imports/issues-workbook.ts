/**
 * The 问题行 workbook of any import (the 「下载错误数据」 of Chinese import dialogs): 行号, the file's own
 * columns as it had them, and 问题. Every cell is text, so the clerk's IDs, dates and codes come back exactly
 * as typed; the header is the first row, so the fixed file imports again as it is (行号 is read as 序号 and
 * not imported, 问题 is not a field).
 */
import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import type { AppContext } from '../context';
import type { WriteColumn } from '../spreadsheet/xlsx-writer';
import { writeTableXlsx } from '../spreadsheet/xlsx-writer';
import type { IssueSheet } from './imports.repo';
import { piiKindOfHeader, piiWriter, type PiiWriter } from '../../../shared/domain/pii';

const width = (h: string) => Math.min(40, Math.max(8, [...h].length * 2 + 2));

/** `w`: the cells of ID, phone and bank columns (by their header) full or masked (operators/pii.ts). */
export async function writeIssuesWorkbook(filePath: string, s: IssueSheet, w: PiiWriter = piiWriter(true)): Promise<number> {
  const kinds = s.headers.map(piiKindOfHeader);
  const columns: WriteColumn[] = [
    { header: '行号', width: 8, kind: 'number' },
    ...(s.multiSheet ? [{ header: '工作表', width: 14, kind: 'text' as const }] : []),
    ...s.headers.map((h) => ({ header: h, width: width(h), kind: 'code' as const })),
    { header: '问题', width: 60, kind: 'text' },
  ];
  const rows = s.rows.map((r) => [r.row, ...(s.multiSheet ? [r.sheet] : []), ...r.cells.map((c, i) => (kinds[i] && typeof c === 'string' ? w(kinds[i], c) : c)), r.problems]);
  return writeTableXlsx(filePath, { sheetName: '问题行', columns, rows });
}

/** The workbook as a downloadable file: `<原文件名>-问题行.xlsx`. */
export async function issuesFile(ctx: AppContext, sourceName: string, s: IssueSheet, w?: PiiWriter): Promise<FileRef> {
  const base = sourceName.replace(/\.[^.]+$/, '') || '导入';
  const out = ctx.files.createOutput(`${base}-问题行.xlsx`);
  try {
    await writeIssuesWorkbook(out.path, s, w);
    return out.ref();
  } catch (e) {
    fs.rmSync(out.path, { force: true });
    throw e;
  }
}
