/**
 * Every file in ../shared/data/real/ imported through the channels, with the results its README states
 * (the reading tests in test/integration/spreadsheet check the same files one layer down).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { openTestContext } from '../../helpers/context';
import { commit, preview, real, REAL, tokenOf } from './helpers';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const count = (sql: string, ...params: unknown[]) => (ctx.db.prepare(sql).get(...params) as { n: number }).n;
const live = () => count('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL');
/** Runs of equal values, in order: [['男', 5], ['女', 11]]. */
const runs = (xs: unknown[]) => {
  const out: [unknown, number][] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && last[0] === x) last[1]++;
    else out.push([x, 1]);
  }
  return out;
};
/** The stored members in file order (the batch writes in 拼音 order, so order by the preview's rows). */
const byFileOrder = (names: string[]) => {
  const rows = ctx.db.prepare('SELECT name, gender FROM members WHERE deleted_at IS NULL').all() as { name: string; gender: string }[];
  const left = [...rows];
  return names.map((n) => left.splice(left.findIndex((r) => r.name === n), 1)[0]!);
};

describe('importing every real spreadsheet (../shared/data/real)', () => {
  it('covers every file of the folder', () => {
    const files = readdirSync(REAL, { withFileTypes: true })
      // sheetjs-format-cases are reader test files, not rosters (test/integration/spreadsheet/excel-format-cases.test.ts).
      .filter((d) => d.isDirectory() && d.name !== 'sheetjs-format-cases')
      .flatMap((d) => readdirSync(path.join(REAL, d.name)).filter((f) => f !== 'SOURCE.txt'));
    expect(files).toHaveLength(10);
  });

  it('学生基础数据导入.xlsx: 16 rows; every masked 身份证号 is a row error by default and nothing is stored', async () => {
    const token = tokenOf(ctx, real('magicodes-student-roster', '学生基础数据导入.xlsx'));
    const r = await commit(ctx, { token });
    expect(r.headerRows).toEqual([1]);
    expect(r.counts).toMatchObject({ rowsRead: 16, created: 0, skipped: 16, errorRows: 16 });
    expect(r.batchId).toBeNull();
    expect(r.errors.map((e) => e.row)).toEqual(Array.from({ length: 16 }, (_, i) => i + 2));
    for (const e of r.errors) {
      expect(e).toMatchObject({ column: 'D', header: '身份证号' });
      expect(e.message).toMatch(/^身份证号被遮盖（\d{14}XXXX），无法校验，本行未导入/);
    }
    expect(live()).toBe(0);
  });

  it('学生基础数据导入.xlsx with 遮盖的证件号按无证件号导入: 16 people, 男×5 then 女×11, no ID stored', async () => {
    const token = tokenOf(ctx, real('magicodes-student-roster', '学生基础数据导入.xlsx'));
    const r = await commit(ctx, { token, maskedIds: 'withoutId' });
    expect(r.counts).toMatchObject({ rowsRead: 16, created: 16, skipped: 0 });
    expect(r.warnings.filter((w) => w.header === '身份证号')).toHaveLength(16);
    expect(r.warnings[0]?.message).toMatch(/^身份证号被遮盖（\d{14}XXXX），无法校验，未导入该号码$/);
    const names = r.rows.map((row) => row.cells[2]!.raw);
    expect(runs(byFileOrder(names).map((m) => m.gender))).toEqual([['男', 5], ['女', 11]]);
    expect(count('SELECT count(*) AS n FROM members WHERE id_number IS NOT NULL')).toBe(0);
    expect(count("SELECT count(*) AS n FROM members WHERE phone LIKE '%X%'")).toBe(0);
  });

  it('学生基础数据导入.csv: 16 records; the two 3.60723E+18 numbers are reported on their rows and stored nowhere', async () => {
    const token = tokenOf(ctx, real('magicodes-student-roster-csv', '学生基础数据导入.csv'));
    const r = await commit(ctx, { token, maskedIds: 'withoutId' });
    expect(r.format).toBe('csv');
    expect(r.counts).toMatchObject({ rowsRead: 16, created: 16 });
    const destroyed = r.warnings.filter((w) => w.message.includes('3.60723E+18'));
    expect(destroyed.map((w) => [w.row, w.column, w.header])).toEqual([
      [2, 'B', '学籍号'],
      [3, 'B', '学籍号'],
    ]);
    const text = JSON.stringify(ctx.db.prepare('SELECT * FROM members').all());
    expect(text).not.toContain('E+18');
  });

  it('学生基础数据导入带描述头.xlsx: the merged instruction row is skipped, header on row 2, 16 records', async () => {
    const token = tokenOf(ctx, real('magicodes-desc-header', '学生基础数据导入带描述头.xlsx'));
    const p = await preview(ctx, { token, maskedIds: 'withoutId' });
    expect(p.headerRows).toEqual([2]);
    expect(p.notes[0]).toBe('第 1 行是标题或说明，已跳过');
    expect(p.counts).toMatchObject({ rowsRead: 16, created: 16 });
    expect(p.rows[0]?.excelRow).toBe(3);
    await commit(ctx, { token, maskedIds: 'withoutId' });
    expect(count("SELECT count(*) AS n FROM members WHERE name LIKE '%说明%' OR name LIKE '%导入%'")).toBe(0);
    expect(live()).toBe(16);
  });

  it('班级学生基础数据导入.xlsx: both class sheets share a header and import together, 16 + 16', async () => {
    const token = tokenOf(ctx, real('magicodes-multisheet-roster', '班级学生基础数据导入.xlsx'));
    const sheets = await ctx.dispatch('members.importSheets', { token });
    if (!sheets.ok) throw new Error(sheets.error.message);
    const list = (sheets.data as { sheets: { name: string; records: number; signature: string }[] }).sheets;
    expect(list.map((s) => [s.name, s.records])).toEqual([
      ['1班导入数据', 16],
      ['2班导入数据', 16],
    ]);
    expect(list[0]?.signature).toBe(list[1]?.signature);
    const r = await commit(ctx, { token, sheets: ['1班导入数据', '2班导入数据'], maskedIds: 'withoutId' });
    expect(r.chosenSheets).toEqual(['1班导入数据', '2班导入数据']);
    expect(r.counts).toMatchObject({ rowsRead: 32, created: 32 });
    expect(new Set(r.warnings.map((w) => w.sheet))).toEqual(new Set(['1班导入数据', '2班导入数据']));
    expect(live()).toBe(32);
  });

  it('合并行.xlsx: vertical merges filled down — 13 members, 张三×3 李四×4 王五×6, 男×8 then 女×5', async () => {
    const token = tokenOf(ctx, real('magicodes-merged-rows', '合并行.xlsx'));
    const r = await commit(ctx, { token });
    expect(r.counts).toMatchObject({ rowsRead: 13, created: 13, skipped: 0 });
    const names = r.rows.map((row) => row.cells[1]!.value);
    expect(runs(names)).toEqual([['张三', 3], ['李四', 4], ['王五', 6]]);
    expect(runs(byFileOrder(names).map((m) => m.gender))).toEqual([['男', 8], ['女', 5]]);
    // No key column: every row is a new member, and the preview says why.
    expect(r.rows[0]?.note).toBe('没有证件号码、会员证号或工号，按新会员导入');
  });

  it('kyoffice_address_book.xls: header on row 2 of 通讯录, the merged footer is not a record, the template row is refused', async () => {
    const token = tokenOf(ctx, real('easypoi-address-book-template-xls', 'kyoffice_address_book.xls'));
    const r = await commit(ctx, { token });
    expect(r.format).toBe('xls');
    expect(r.chosenSheets).toEqual(['通讯录']);
    expect(r.headerRows).toEqual([2]);
    expect(r.notes.join()).toContain('第 4 行是表尾');
    // The only record is the template's placeholder row ({{t.gender …}}): reported, not stored.
    expect(r.counts).toMatchObject({ rowsRead: 1, created: 0, skipped: 1 });
    expect(r.errors.map((e) => [e.row, e.header])).toEqual([
      [3, '性别'],
      [3, '手机号码'],
      [3, '月薪'],
    ]);
    expect(live()).toBe(0);
  });

  it('专项支出用款申请书.xls: a form, not a roster — refused with a reason per sheet, nothing written', async () => {
    const token = tokenOf(ctx, real('easypoi-gov-form-xls', '专项支出用款申请书.xls'));
    const r = await ctx.dispatch('members.importCommit', { token });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/^文件中没有找到可导入的会员名单（「/);
    }
    expect(ctx.listBackups()).toHaveLength(0);
    expect(live()).toBe(0);
  });

  it('sameName.xls: two-row grouped header; 小组B/学生姓名 is kept apart and left unmapped with the reason', async () => {
    const token = tokenOf(ctx, real('easypoi-grouped-dup-headers-xls', 'sameName.xls'));
    const p = await preview(ctx, { token });
    expect(p.headerRows).toEqual([1, 2]);
    const cols = Object.fromEntries(p.columns.map((c) => [c.header, c]));
    expect(cols['小组A/学生姓名']).toMatchObject({ letter: 'B', field: 'name' });
    expect(cols['小组B/学生姓名']).toMatchObject({ letter: 'F', field: null });
    expect(cols['小组B/学生姓名']?.hint).toContain('已由「小组A/学生姓名」列导入');
    expect(p.counts.rowsRead).toBe(4);
  });

  it('check.xls: 日期 mapped by the clerk to 出生日期 reads as a date whether the cell has format 31 (年月日) or 14', async () => {
    const token = tokenOf(ctx, real('easypoi-merged-title-xls', 'check.xls'));
    const p = await preview(ctx, { token, sheets: ['测试当行-正确'], overrides: { 日期: 'birthDate' } });
    expect(p.headerRows).toEqual([2]);
    expect(p.mappingSource).toBe('chosen');
    const date = p.columns.findIndex((c) => c.header === '日期');
    const cells = p.rows.slice(0, 3).map((r) => r.cells[date]);
    expect(cells.map((c) => c?.raw)).toEqual(['2017年9月10日', '2017/9/10', '2017/9/10']);
    expect(cells.map((c) => c?.value)).toEqual(['2017-09-10', '2017-09-10', '2017-09-10']);
  });

  it('checkTwo.xls: header detected as two rows; 老师姓名 filled down over the merge B3:B5', async () => {
    const token = tokenOf(ctx, real('easypoi-two-row-header-xls', 'checkTwo.xls'));
    const p = await preview(ctx, { token, sheets: ['测试 -正确'] });
    expect(p.headerRows).toEqual([1, 2]);
    expect(p.rows.map((r) => [r.excelRow, r.cells[1]?.value])).toEqual([
      [3, '路飞'],
      [4, '路飞'],
      [5, '路飞'],
      [6, ''],
    ]);
    expect(p.errors).toEqual([expect.objectContaining({ row: 6, column: 'B', message: '姓名为空，本行不能导入' })]);
  });
});
