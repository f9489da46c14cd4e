/**
 * Every file in ../shared/data/real/ (real spreadsheets from public repositories, see their README) read from
 * where it lies, asserting what that README says a member import must show.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableDetection } from '../../../electron/core/spreadsheet/detect';
import { detectMemberTable, mapMemberColumns, type MemberMapping } from '../../../electron/core/members/import/member-columns';
import { openWorkbook } from '../../../electron/core/spreadsheet/open';
import type { SheetGrid, WorkbookReader } from '../../../electron/core/spreadsheet/types';
import { convertRecord, type ConvertedRecord } from '../../../electron/core/spreadsheet/values';

const REAL = path.resolve(__dirname, '../../../../shared/data/real');
const real = (folder: string, file: string) => path.join(REAL, folder, file);
const TODAY = new Date(2026, 0, 15);

async function withBook<T>(file: string, fn: (wb: WorkbookReader) => Promise<T>): Promise<T> {
  const wb = await openWorkbook(file);
  try {
    return await fn(wb);
  } finally {
    await wb.close();
  }
}

type Imported = { grid: SheetGrid; table: Extract<TableDetection, { ok: true }>; mapping: MemberMapping; rows: ConvertedRecord[] };

async function importSheet(wb: WorkbookReader, sheet: string): Promise<Imported> {
  const grid = await wb.readSheet(sheet);
  const table = detectMemberTable(grid);
  if (!table.ok) throw new Error(`${sheet}: ${table.reason}`);
  const mapping = mapMemberColumns(table.columns);
  return { grid, table, mapping, rows: table.records.map((r) => convertRecord(r, mapping, { today: TODAY })) };
}

const values = (rows: ConvertedRecord[], field: 'name' | 'gender') => rows.map((r) => r.fields[field]?.value);
const runs = (xs: unknown[]) => {
  const out: [unknown, number][] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && last[0] === x) last[1]++;
    else out.push([x, 1]);
  }
  return out;
};

describe('real spreadsheets (../shared/data/real)', () => {
  it('the folder holds exactly the files these tests cover', () => {
    const files = readdirSync(REAL, { withFileTypes: true })
      // sheetjs-format-cases is the reader's own corpus, covered file by file in excel-format-cases.test.ts.
      .filter((d) => d.isDirectory() && d.name !== 'sheetjs-format-cases')
      .flatMap((d) => readdirSync(path.join(REAL, d.name)).filter((f) => f !== 'SOURCE.txt').map((f) => `${d.name}/${f}`))
      .sort();
    expect(files).toEqual([
      'easypoi-address-book-template-xls/kyoffice_address_book.xls',
      'easypoi-gov-form-xls/专项支出用款申请书.xls',
      'easypoi-grouped-dup-headers-xls/sameName.xls',
      'easypoi-merged-title-xls/check.xls',
      'easypoi-two-row-header-xls/checkTwo.xls',
      'magicodes-desc-header/学生基础数据导入带描述头.xlsx',
      'magicodes-merged-rows/合并行.xlsx',
      'magicodes-multisheet-roster/班级学生基础数据导入.xlsx',
      'magicodes-student-roster-csv/学生基础数据导入.csv',
      'magicodes-student-roster/学生基础数据导入.xlsx',
    ]);
  });

  it('magicodes-student-roster: 16 rows, 男×5 then 女×11, every masked ID reported and not stored', async () => {
    const { table, mapping, rows } = await withBook(real('magicodes-student-roster', '学生基础数据导入.xlsx'), (wb) => {
      expect(wb.format).toBe('xlsx');
      return importSheet(wb, '导入数据');
    });
    expect(table.headerRows).toEqual([1]);
    expect(rows).toHaveLength(16);
    expect(runs(values(rows, 'gender'))).toEqual([['男', 5], ['女', 11]]);
    expect(mapping.columns.find((c) => c.header === '身份证号')?.field).toBe('idNumber');
    expect(mapping.columns.find((c) => c.header === '家长联系电话')?.field).toBeNull();
    for (const r of rows) {
      expect(r.fields.idNumber?.value).toBeNull();
      expect(r.fields.idNumber?.raw).toMatch(/XXXX$/);
      expect(r.warnings.filter((w) => w.field === 'idNumber').map((w) => w.message)).toEqual([
        `身份证号被遮盖（${r.fields.idNumber?.raw}），无法校验，未导入该号码`,
      ]);
    }
    expect(rows.map((r) => r.excelRow)).toEqual(Array.from({ length: 16 }, (_, i) => i + 2));
  });

  it('magicodes-student-roster-csv: UTF-8 with BOM, 16 records, the two destroyed 3.60723E+18 numbers reported', async () => {
    const { grid, rows } = await withBook(real('magicodes-student-roster-csv', '学生基础数据导入.csv'), (wb) => {
      expect(wb.format).toBe('csv');
      return importSheet(wb, wb.sheetNames()[0] as string);
    });
    expect(grid.rows[0]?.[0]?.value).toBe('序号'); // BOM stripped
    expect(rows).toHaveLength(16);
    expect(runs(values(rows, 'gender'))).toEqual([['男', 5], ['女', 11]]);
    const destroyed = rows.flatMap((r) => r.warnings.filter((w) => w.message.includes('3.60723E+18')).map((w) => [w.row, w.column]));
    expect(destroyed).toEqual([
      [2, '学籍号'],
      [3, '学籍号'],
    ]);
    // Nothing of them is stored: the column is not mapped, and no field holds the text.
    for (const r of rows) expect(Object.values(r.fields).some((f) => String(f?.value).includes('E+18'))).toBe(false);
    expect(rows.every((r) => r.fields.idNumber?.value === null && r.warnings.some((w) => w.field === 'idNumber'))).toBe(true);
  });

  it('magicodes-desc-header: the merged instruction row is skipped, header on row 2, 16 records', async () => {
    const { table, rows } = await withBook(real('magicodes-desc-header', '学生基础数据导入带描述头.xlsx'), (wb) => importSheet(wb, '导入数据'));
    expect(table.titleRows).toEqual([1]);
    expect(table.headerRows).toEqual([2]);
    expect(rows).toHaveLength(16);
    expect(rows[0]?.excelRow).toBe(3);
    expect(rows.some((r) => String(r.fields.name?.value).includes('导入说明'))).toBe(false);
  });

  it('magicodes-multisheet-roster: 16 + 16 records with the same header on both sheets', async () => {
    const result = await withBook(real('magicodes-multisheet-roster', '班级学生基础数据导入.xlsx'), async (wb) => {
      expect(wb.sheetNames()).toEqual(['1班导入数据', '2班导入数据']);
      return Promise.all(wb.sheetNames().map((s) => importSheet(wb, s)));
    });
    expect(result.map((r) => r.rows.length)).toEqual([16, 16]);
    expect(result[0]?.mapping.signature).toBe(result[1]?.mapping.signature);
  });

  it('magicodes-merged-rows: vertical merges filled down — 13 records, 张三×3 李四×4 王五×6, 男×8 then 女×5', async () => {
    const { grid, table, rows } = await withBook(real('magicodes-merged-rows', '合并行.xlsx'), (wb) => importSheet(wb, 'Sheet1'));
    expect(grid.merges).toHaveLength(5);
    expect(grid.rows[2]?.[1]).toBeUndefined(); // the reader keeps the value in the top-left cell only
    expect(rows).toHaveLength(13);
    expect(runs(values(rows, 'name'))).toEqual([['张三', 3], ['李四', 4], ['王五', 6]]);
    expect(runs(values(rows, 'gender'))).toEqual([['男', 8], ['女', 5]]);
    expect(table.notes.join()).toContain('向下填充');
  });

  it('kyoffice_address_book.xls: header on row 2 of 通讯录, the merged footer row is not a record', async () => {
    const { table, rows } = await withBook(real('easypoi-address-book-template-xls', 'kyoffice_address_book.xls'), (wb) => {
      expect(wb.format).toBe('xls');
      expect(wb.sheetNames()).toEqual(['通讯录', '通讯录2', '收入对比', 'Sheet2']);
      return importSheet(wb, '通讯录');
    });
    expect(table.titleRows).toEqual([1]);
    expect(table.headerRows).toEqual([2]);
    expect(table.footerRows).toEqual([4]);
    expect(rows.map((r) => r.excelRow)).toEqual([3]);
    expect(table.columns.map((c) => c.header)).toEqual(['部门编号', '部门', '姓名', '性别', '手机号码', '公司邮箱', '入职时间', '月薪', '备注']);
  });

  it('专项支出用款申请书.xls: a form, not a roster — no usable table on any sheet', async () => {
    await withBook(real('easypoi-gov-form-xls', '专项支出用款申请书.xls'), async (wb) => {
      for (const s of wb.sheetNames()) {
        const d = detectMemberTable(await wb.readSheet(s));
        expect(d.ok).toBe(false);
        if (!d.ok) expect(d.reason).toMatch(/^未找到可导入的表格/);
      }
    });
  });

  it('sameName.xls: two-row grouped header, same sub-names kept apart as 组/名', async () => {
    const { table, mapping } = await withBook(real('easypoi-grouped-dup-headers-xls', 'sameName.xls'), (wb) => importSheet(wb, 'Sheet0'));
    expect(table.headerRows).toEqual([1, 2]);
    expect(table.columns.map((c) => c.header)).toEqual([
      '班级',
      '小组A/学生姓名', '小组A/学生性别', '小组A/出生日期', '小组A/进校日期',
      '小组B/学生姓名', '小组B/学生性别', '小组B/出生日期', '小组B/进校日期',
    ]);
    expect(new Set(table.columns.map((c) => c.header)).size).toBe(9);
    const name = mapping.columns.filter((c) => c.header.endsWith('学生姓名'));
    expect(name.map((c) => c.field)).toEqual(['name', null]);
    expect(name[1]?.note).toContain('小组A/学生姓名');
    expect(table.records).toHaveLength(4);
  });

  it('check.xls: dates read as dates whether the cell has a zh-CN built-in date format (id 31) or id 14', async () => {
    const { grid, table } = await withBook(real('easypoi-merged-title-xls', 'check.xls'), (wb) => importSheet(wb, '测试当行-正确'));
    const dates = [2, 3, 4].map((r) => grid.rows[r]?.[4]);
    expect(dates.map((c) => c?.value instanceof Date)).toEqual([true, true, true]);
    expect(dates.map((c) => (c?.value as Date).toISOString().slice(0, 10))).toEqual(['2017-09-10', '2017-09-10', '2017-09-10']);
    expect(dates.map((c) => c?.text)).toEqual(['2017年9月10日', '2017/9/10', '2017/9/10']);
    expect(table.headerRows).toEqual([2]);
    expect(table.titleRows).toEqual([1]);
    expect(table.records).toHaveLength(20);
  });

  it('checkTwo.xls: header detected as two rows; the merge crossing records (B3:B5) stays in the data', async () => {
    const { grid, table } = await withBook(real('easypoi-two-row-header-xls', 'checkTwo.xls'), (wb) => importSheet(wb, '测试 -正确'));
    expect(grid.merges).toContainEqual({ top: 2, left: 1, bottom: 4, right: 1 });
    expect(table.headerRows).toEqual([1, 2]);
    expect(table.columns.map((c) => c.header)).toEqual(['课程名称', '老师姓名', '学生/学生姓名', '学生/学生性别', '学生/出生日期', '学生/进校日期']);
    expect(table.records.map((r) => r.excelRow)).toEqual([3, 4, 5, 6]);
    expect(table.records.map((r) => r.cells[1]?.value ?? null)).toEqual(['路飞', '路飞', '路飞', null]);
    expect(table.records.map((r) => r.cells[0]?.value)).toEqual(['海贼王必修(1)', '海贼王必修(1)', '海贼王必修(2)', '海贼王必修(2)']);
  });
});
