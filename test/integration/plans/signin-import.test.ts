import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { SignInPreview } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-06-10T09:00:00+08:00') });
});
afterEach(async () => {
  await ctx.close();
});

async function sheetToken(rows: unknown[][], name = '签到表.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('签到');
  for (const r of rows) ws.addRow(r);
  const file = path.join(tempDir('ledger-signin-'), name);
  await wb.xlsx.writeFile(file);
  return ctx.files.register(file, name, false).token;
}
const member = (m: Record<string, unknown>) => call<{ id: number }>(ctx, 'members.create', { member: m });

describe('从签到表导入参加人员', () => {
  it('matches by 身份证号, then 工号, then a unique name; says why the other rows were not matched; saves nothing', async () => {
    const a = await member({ name: '张三丰', idNumber: '110108198503120011' });
    const b = await member({ name: '李秀英', staffNo: 'T023' });
    const c = await member({ name: '王芳' });
    await member({ name: '刘伟' });
    await member({ name: '刘伟' });
    const token = await sheetToken([
      ['2026年三八节游园活动签到表'],
      ['序号', '姓名', '身份证号', '工号', '部门', '签到时间'],
      [1, '张三丰', '110108198503120011', '', '语文组', '8:00'],
      [2, '李秀英', '', 'T023', '数学组', '8:05'],
      [3, '王芳', '', '', '英语组', '8:06'],
      [4, '刘伟', '', '', '体育组', '8:10'],
      [5, '赵六', '', '', '后勤', '8:12'],
      [6, '张三丰', '110108198503120011', '', '语文组', '8:20'],
    ]);
    const before = ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    const r = await call<SignInPreview>(ctx, 'activities.signInPreview', { token });
    expect(r).toMatchObject({ fileName: '签到表.xlsx', sheet: '签到', rows: 6 });
    // The second 张三丰 row is the same member: listed once.
    expect(r.matched.map((m) => [m.id, m.name, m.excelRow])).toEqual([[a.id, '张三丰', 3], [b.id, '李秀英', 4], [c.id, '王芳', 5]]);
    expect(r.unmatched).toEqual([
      { excelRow: 6, name: '刘伟', reason: '花名册中有 2 位「刘伟」，请在表中加身份证号或工号，或手动选择' },
      { excelRow: 7, name: '赵六', reason: '花名册中没有「赵六」' },
    ]);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
  });

  it('a file with no sign-in table says what a 签到表 needs', async () => {
    const token = await sheetToken([['活动总结'], ['今天天气很好']], '总结.xlsx');
    const r = await ctx.dispatch('activities.signInPreview', { token });
    expect(r.ok ? '' : r.error.message).toContain('文件中没有找到签到表');
  });
});
