import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { unprotectCellText } from '../../../electron/core/spreadsheet/safe-cell';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-11-21T08:00:00Z') });
  await call(ctx, 'settings.update', { unionName: '某某中学工会' });
  await call(ctx, 'members.create', {
    member: { name: '张三丰', idNumber: '110108198503120011', phone: '13800138000', memberNo: '0012', joinDate: '2008-09-01', remarks: '=HYPERLINK("http://x")' },
  });
  const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '李四', idNumber: '32010219651001004X', remarks: '@SUM(A1)' } });
  await call(ctx, 'members.addEvent', { memberId: m.id, type: 'retain', date: '2025-10-01', reason: '退休' });
});
afterEach(async () => {
  await ctx.close();
});

async function readBack(token: string) {
  const f = ctx.files.resolve(token);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f.path);
  return { wb, fileName: f.fileName, ws: wb.worksheets[0]! };
}

describe('roster export', () => {
  it('writes IDs and phones as text cells, dates as real dates, a frozen header, and defuses formulas', async () => {
    const ref = await call<{ token: string; count: number }>(ctx, 'members.export', { query: {}, template: 'standard' });
    expect(ref.count).toBe(2);
    const { ws, fileName } = await readBack(ref.token);
    expect(path.extname(fileName)).toBe('.xlsx');
    // #16: the first row says what the file is; the header follows (the import finds it there).
    expect(ws.getRow(1).getCell(1).value).toBe('内部资料 含个人信息 请妥善保管');
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const zs = [3, 4].map((r) => ws.getRow(r)).find((r) => r.getCell(col('姓名')).value === '张三丰')!;
    const id = zs.getCell(col('证件号码'));
    expect(id.value).toBe('110108198503120011');
    expect(id.numFmt).toBe('@');
    expect(zs.getCell(col('手机号码')).value).toBe('13800138000');
    // Every cell of a column carries that column's format (the writer shares one style object per column).
    for (const r of [3, 4]) {
      expect(ws.getRow(r).getCell(col('证件号码')).numFmt).toBe('@');
      expect(ws.getRow(r).getCell(col('手机号码')).numFmt).toBe('@');
      expect(ws.getRow(r).getCell(col('出生日期')).numFmt).toBe('yyyy-mm-dd');
      expect(ws.getRow(r).getCell(col('姓名')).numFmt).toBeUndefined();
    }
    expect(zs.getCell(col('会员证号')).value).toBe('0012');
    const birth = zs.getCell(col('出生日期')).value as Date;
    expect(birth).toBeInstanceOf(Date);
    expect(birth.toISOString().slice(0, 10)).toBe('1985-03-12');
    const remark = String(zs.getCell(col('备注')).value);
    expect(remark.startsWith("'=")).toBe(true);
    expect(unprotectCellText(remark)).toBe('=HYPERLINK("http://x")');
    expect(zs.getCell(col('备注')).formula).toBeUndefined();
  });

  it('fills the Hainan 20-column template: four heading rows, data from row 5, last change, 填表说明 last', async () => {
    const ref = await call<{ token: string; count: number }>(ctx, 'members.export', { query: { statuses: ['active', 'retained'] }, template: 'hainan' });
    const { ws } = await readBack(ref.token);
    expect(String(ws.getCell('A1').value)).toBe('工会会员实名制信息采集表');
    expect(String(ws.getCell('A2').value)).toContain('某某中学工会');
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toHaveLength(20);
    expect(header.slice(0, 8)).toEqual(['序号', '姓名', '性别', '出生日期', '民族', '就业状况', '有效证件类别', '证件号码']);
    const li = [5, 6].map((r) => ws.getRow(r)).find((r) => r.getCell(2).value === '李四')!;
    expect(li.getCell(4).value).toBe('19651001');
    expect(li.getCell(8).value).toBe('32010219651001004X');
    expect(li.getCell(14).value).toBe('保留会籍');
    expect(li.getCell(15).value).toBe('20251001');
    expect(li.getCell(16).value).toBe('退休');
    expect(String(ws.getCell('A7').value)).toContain('填表说明');
  });

  it('exports only the current filter, and refuses an unknown template with a Chinese message', async () => {
    const ref = await call<{ token: string; count: number }>(ctx, 'members.export', { query: { search: 'zsf' } });
    expect(ref.count).toBe(1);
    const bad = await ctx.dispatch('members.export', { query: {}, template: 'nope' });
    expect(bad.ok).toBe(false);
  });
});
