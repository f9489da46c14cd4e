/**
 * Issue 17: files Excel wrote for the SheetJS parser's own tests (../shared/data/real/sheetjs-format-cases, see the
 * README beside them), read where they lie, each case asserting the text Excel shows (not LibreOffice's where
 * the two differ). Cells are named as in Excel (B7 = row 7, column B).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { detectMemberTable, mapMemberColumns } from '../../../electron/core/members/import/member-columns';
import { MSG } from '../../../electron/core/spreadsheet/messages';
import { openWorkbook } from '../../../electron/core/spreadsheet/open';
import type { Cell, SheetGrid } from '../../../electron/core/spreadsheet/types';
import { convertRecord } from '../../../electron/core/spreadsheet/values';

const CASES = path.resolve(__dirname, '../../../../shared/data/real/sheetjs-format-cases');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ledger-format-cases-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function sheet(file: string, name?: string): Promise<{ grid: SheetGrid; format: string; names: string[] }> {
  const wb = await openWorkbook(path.isAbsolute(file) ? file : path.join(CASES, file));
  try {
    const names = wb.sheetNames();
    return { grid: await wb.readSheet(name ?? (names[0] as string)), format: wb.format, names };
  } finally {
    await wb.close();
  }
}

/** The cell at an A1 reference. */
function at(grid: SheetGrid, ref: string): Cell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return grid.rows[Number(m[2]) - 1]?.[col];
}
const text = (grid: SheetGrid, ref: string) => at(grid, ref)?.text;

describe('Excel’s own format cases (../shared/data/real/sheetjs-format-cases)', () => {
  it('the folder holds the files these tests cover', () => {
    const files = readdirSync(CASES).filter((f) => !f.endsWith('.libreoffice.csv') && f !== 'SOURCE.txt').sort();
    expect(files).toEqual([
      '1904-1904.xls', '1904-1904.xlsx', 'ErrorTypes.xls', 'LONumbers.xls.xml', 'NumberFormatCondition.xls', 'comments_stress_test.xls.xml',
      'freeze5.xls', 'metadata_2019.xls', 'number_format.xls', 'numfmt_1_russian.xls', 'threaded_comments_none.xlsx',
    ]);
  });

  it('NumberFormatCondition.xls: a conditional section keeps the sign (B7 [Red][<=-25]General;… shows -25, never 25)', async () => {
    const { grid } = await sheet('NumberFormatCondition.xls');
    expect(at(grid, 'B7')).toMatchObject({ value: -25, text: '-25' });
    expect(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9'].map((r) => text(grid, r))).toEqual(['50', '26', '25', '1', '0', '-1', '-25', '-26', '-50']);
    // [<-25]…: -26 and -50 fall in the first section and keep their sign there too.
    expect(text(grid, 'A8')).toBe('-26');
    // [Red][=50]General;[Blue]000: 51 takes the second section.
    expect(text(grid, 'C2')).toBe('051');
  });

  it.each(['1904-1904.xlsx', '1904-1904.xls'])('%s: the 1904 date system (B1 is 1904-01-02, not 1900-01-01)', async (file) => {
    const { grid } = await sheet(file);
    expect(at(grid, 'B1')).toMatchObject({ value: new Date(Date.UTC(1904, 0, 2)), text: '1904-01-02', isDateFormat: true });
    // Column C holds the same dates as text, written by Excel: every serial in B agrees with it.
    for (let r = 1; r <= 5; r++) expect(text(grid, `B${r}`)).toBe(text(grid, `C${r}`));
    expect(text(grid, 'B5')).toBe('1934-06-03');
  });

  it('1904-1904.xlsx and .xls give the same cells', async () => {
    const a = (await sheet('1904-1904.xlsx')).grid;
    const b = (await sheet('1904-1904.xls')).grid;
    expect(b.rows).toEqual(a.rows);
  });

  it('LONumbers.xls.xml (Excel 2003 XML): a date is shown in its cell’s own format (J5, yym: 3310)', async () => {
    const { grid, format } = await sheet('LONumbers.xls.xml');
    expect(format).toBe('xml2003');
    expect(at(grid, 'J5')).toMatchObject({ text: '3310', numFmt: 'yym', isDateFormat: true, value: new Date(Date.UTC(1933, 9, 18, 16, 17, 37)) });
    expect(text(grid, 'J4')).toBe('1933'); // yyyy
    expect(text(grid, 'J6')).toBe('3310'); // yymm
  });

  it('comments_stress_test.xls.xml: a comment is not part of the cell’s text (A1 is 1); a cell holding only a comment is empty', async () => {
    const { grid, names } = await sheet('comments_stress_test.xls.xml');
    expect(at(grid, 'A1')).toEqual({ value: 1, text: '1' });
    expect(at(grid, 'C1')).toEqual({ value: 'foo', text: 'foo' });
    for (const row of grid.rows) for (const c of row ?? []) expect(c?.text ?? '').not.toMatch(/Author:|God thinks/);
    // Sheet7 holds nothing but two comments (one at N1): no cell, no row.
    expect(names).toContain('Sheet7');
    const only = (await sheet('comments_stress_test.xls.xml', 'Sheet7')).grid;
    expect(only.rowCount).toBe(0);
    expect(only.rows.filter(Boolean)).toEqual([]);
  });

  it('an Excel 2003 XML file with a few NUL bytes is still read as Excel 2003 XML, not refused as binary', async () => {
    const src = readFileSync(path.join(CASES, 'LONumbers.xls.xml'));
    const cut = src.indexOf('<Styles>');
    const file = path.join(tmp, 'with-nul.xls');
    writeFileSync(file, Buffer.concat([src.subarray(0, cut), Buffer.from([0, 0, 0]), src.subarray(cut)]));
    const { grid, format } = await sheet(file);
    expect(format).toBe('xml2003');
    expect(text(grid, 'J5')).toBe('3310');
  });

  it('ErrorTypes.xls: error values are cells (#NULL! #DIV/0! #VALUE! #REF! #NAME? #NUM! #N/A), as the .xlsx copy reads them', async () => {
    const { grid } = await sheet('ErrorTypes.xls');
    const errors = ['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map((r) => at(grid, r));
    expect(errors).toEqual(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'].map((t) => ({ value: null, text: t })));
    // Strings that only look like errors stay strings.
    expect(at(grid, 'C2')).toEqual({ value: '#NULL?', text: '#NULL?' });
    expect(at(grid, 'F9')).toEqual({ value: null, text: '#N/A' });
  });

  it('metadata_2019.xls: #VALUE! cells of a newer Excel’s data types are error cells, not empty', async () => {
    const { grid } = await sheet('metadata_2019.xls');
    expect(at(grid, 'A2')).toEqual({ value: null, text: '#VALUE!' });
    expect(at(grid, 'B4')).toEqual({ value: null, text: '#VALUE!' });
    expect(text(grid, 'B9')).toBe(' $439.77 ');
  });

  it('an error cell in a roster (.xls) is a row error naming the cell, never an empty value', async () => {
    // A roster Excel would save with a broken formula in 出生日期 (SheetJS writes the BIFF8 error cell).
    const ws = XLSX.utils.aoa_to_sheet([
      ['姓名', '性别', '出生日期'],
      ['张三', '男', 31118],
      ['李四', '女', 0],
    ]);
    ws['C3'] = { t: 'e', v: 0x07 };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, '花名册');
    const file = path.join(tmp, 'roster-with-error.xls');
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);

    const { grid, format } = await sheet(file);
    expect(format).toBe('xls');
    const table = detectMemberTable(grid);
    if (!table.ok) throw new Error(table.reason);
    const mapping = mapMemberColumns(table.columns);
    const rows = table.records.map((r) => convertRecord(r, mapping, { today: new Date(2026, 0, 15) }));
    const li = rows.find((r) => r.fields.name?.value === '李四');
    expect(li?.fields.birthDate).toMatchObject({ value: null, raw: '#DIV/0!' });
    expect(li?.errors).toEqual([expect.objectContaining({ row: 3, column: '出生日期', field: 'birthDate', message: expect.stringContaining('#DIV/0!') })]);
  });

  it('number_format.xls: fractions (B10 # ?/?: 12345 2/3, B11 # ??/??: 12345 55/81); month names where the format says mmm', async () => {
    const { grid } = await sheet('number_format.xls');
    expect(at(grid, 'B10')).toMatchObject({ value: 12345.6789, text: '12345 2/3', numFmt: '# ?/?' });
    expect(text(grid, 'B11')).toBe('12345 55/81');
    expect(text(grid, 'B9')).toBe('1.23E+04');
    expect(text(grid, 'B7')).toBe('1234568%');
    // D4 is a string formula (=TEXT(…)) whose result follows a shared-formula record: a cell, not lost.
    expect(at(grid, 'D4')).toEqual({ value: '12345.68', text: '12345.68' });
    // d-mmm: the month as a name (zh-CN locale: 10月), the day as a number; a Date for the importer.
    expect(at(grid, 'B14')).toMatchObject({ text: '18-10月', isDateFormat: true, value: new Date(Date.UTC(1933, 9, 18, 16, 17, 37)) });
  });

  it('numfmt_1_russian.xls: a literal after an escaped space (A4 #,##0.00\\ "р.": 1,234,567.89 р.) and the accounting form', async () => {
    const { grid } = await sheet('numfmt_1_russian.xls');
    expect(at(grid, 'A4')).toMatchObject({ value: 1234567.89, text: '1,234,567.89 р.' });
    // _-* #,##0.00\ "р."_-: the _- pads a space each side, * fills (nothing in text).
    expect(text(grid, 'A5')).toBe(' 1,234,567.89 р. ');
    expect(text(grid, 'A12')).toBe('1,234,568 р.');
  });

  it('threaded_comments_none.xlsx: empty sections (A2 #,###;; with -12.34: empty) and literals between digits (B6: a123b4c5.6d8)', async () => {
    const { grid } = await sheet('threaded_comments_none.xlsx');
    expect(at(grid, 'A2')).toMatchObject({ value: -12.34, text: '' });
    expect(at(grid, 'A3')).toMatchObject({ value: 0, text: '' });
    expect(text(grid, 'A1')).toBe('12');
    expect(text(grid, 'A6')).toBe('12,346');
    expect(at(grid, 'B6')).toMatchObject({ value: 12345.6789, text: 'a123b4c5.6d8' });
  });

  it('freeze5.xls: an Excel 95 (BIFF5) workbook is read, every sheet', async () => {
    const { grid, format, names } = await sheet('freeze5.xls');
    expect(format).toBe('xls');
    expect(names).toEqual(['B2', 'B3', 'A2', 'B1']);
    expect(at(grid, 'A1')).toEqual({ value: 'B2', text: 'B2' });
  });

  it('Excel 2.x–4.0 (bare BIFF, before 1997) is refused saying what it is and how to convert it', async () => {
    const file = path.join(tmp, 'excel4.xls');
    writeFileSync(file, Buffer.from([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00]));
    await expect(openWorkbook(file)).rejects.toMatchObject({ code: 'VALIDATION', message: MSG.biff4 });
    expect(MSG.biff4).toContain('1997 年以前');
    expect(MSG.biff4).toContain('.xlsx');
  });
});
