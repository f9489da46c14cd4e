import ExcelJS from 'exceljs';
import { cellValue, type WriteKind } from './cell-writer';

export type { WriteKind };

export interface WriteColumn {
  header: string;
  width: number;
  kind: WriteKind;
}

export interface TableWrite {
  sheetName: string;
  /** Lines above the header (title, unit, date); each becomes one merged row. */
  preamble?: string[];
  columns: WriteColumn[];
  rows: Iterable<(string | number | null)[]>;
  footer?: string;
  onProgress?: (written: number) => void;
}

/**
 * Streams a table to .xlsx with exceljs's WorkbookWriter (rows are committed as they go, so 100k rows never
 * sit in memory). Code columns are text-formatted cells, so Excel keeps 18-digit IDs and leading zeros and
 * never turns them into numbers; dates are real dates; the header row is frozen.
 */
export async function writeTableXlsx(filePath: string, t: TableWrite): Promise<number> {
  return (await writeTablesXlsx(filePath, [t]))[0]!;
}

/** Several tables, one sheet each, in one workbook (a member's own file: 档案, 会费, 慰问 …); rows per sheet. */
export async function writeTablesXlsx(filePath: string, tables: readonly TableWrite[]): Promise<number[]> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false });
  wb.creator = '工会台账';
  const written: number[] = [];
  for (const t of tables) written.push(writeSheet(wb, t));
  await wb.commit();
  return written;
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, t: TableWrite): number {
  const preamble = t.preamble ?? [];
  const headerRow = preamble.length + 1;
  const ws = wb.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: headerRow }] });
  const columnStyle = (c: WriteColumn): Partial<ExcelJS.Style> => (c.kind === 'code' ? { numFmt: '@' } : c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {});
  ws.columns = t.columns.map((c) => ({ width: c.width, style: columnStyle(c) }));
  // exceljs gives every cell its own copy of the column's style and then works out each copy's style id again
  // (rendering it to XML and looking that up): a third of the export's time at 100k rows. It remembers the id
  // per style object, so each cell gets one shared object per column and kind of value (the id can depend
  // on the value's type when the style has no number format). The objects are never changed afterwards.
  const shared = t.columns.map((c) => {
    const byType = new Map<string, Partial<ExcelJS.Style>>();
    return (v: unknown) => {
      const type = v === null ? 'null' : v instanceof Date ? 'date' : typeof v;
      let st = byType.get(type);
      if (!st) byType.set(type, (st = columnStyle(c)));
      return st;
    };
  });
  preamble.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 14 } : {};
    ws.mergeCells(i + 1, 1, i + 1, t.columns.length);
    row.commit();
  });
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.commit();
  let n = 0;
  for (const values of t.rows) {
    const cells = values.map((v, i) => {
      const kind = t.columns[i]?.kind;
      // A value beyond the declared columns is written as it is (never happens with our templates).
      return kind ? cellValue(v, kind) : v === '' ? null : v;
    });
    const row = ws.addRow(cells);
    for (let i = 0; i < cells.length; i++) {
      const style = shared[i];
      if (style && cells[i] !== undefined) row.getCell(i + 1).style = style(cells[i]) as ExcelJS.Style;
    }
    row.commit();
    n++;
    // No yield to the event loop here: the rows come from an open statement, and better-sqlite3 refuses any
    // write on the connection while it is open (a save made meanwhile would fail).
    if (t.onProgress && n % 2000 === 0) t.onProgress(n);
  }
  if (t.footer) {
    const row = ws.addRow([t.footer]);
    ws.mergeCells(headerRow + n + 1, 1, headerRow + n + 1, t.columns.length);
    row.commit();
  }
  ws.commit();
  return n;
}
