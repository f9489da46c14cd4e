import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellValue, rowValues, writeCell } from '../../../electron/core/spreadsheet/cell-writer';

describe('the one cell writer', () => {
  it('defuses formula-like text in every text kind, and leaves numbers and plain text alone', () => {
    const written = ['=A1*2', '+8613800000000', '-3', '@NOW()', '\tname', '\rname', '张三'].map((v) => cellValue(v, 'text'));
    expect(written).toEqual(["'=A1*2", "'+8613800000000", "'-3", "'@NOW()", "'\tname", "'\rname", '张三']);
    expect(cellValue('=HYPERLINK("x")', 'code')).toBe('\'=HYPERLINK("x")');
    expect(cellValue(12.5, 'number')).toBe(12.5);
    expect(cellValue('', 'text')).toBeNull();
    expect(cellValue(null, 'code')).toBeNull();
  });

  it('writes ISO dates as UTC dates and a proposal row with its title defused', () => {
    expect(cellValue('2026-03-05', 'date')).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(rowValues(['五届二次-001', '=cmd|\' /C calc\'!A0', 3, null])).toEqual(['五届二次-001', "'=cmd|' /C calc'!A0", 3, null]);
  });

  it('formats code cells as text in a real exceljs workbook, so 18-digit IDs keep every digit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('t');
    writeCell(ws.getCell(1, 1), '110101199003070011', 'code');
    writeCell(ws.getCell(1, 2), '-1', 'text');
    writeCell(ws.getCell(1, 3), 7);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const row = back.getWorksheet('t')!.getRow(1);
    expect(row.getCell(1).value).toBe('110101199003070011');
    expect(row.getCell(1).numFmt).toBe('@');
    expect(row.getCell(2).value).toBe("'-1");
    expect(row.getCell(3).value).toBe(7);
  });
});
