import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { AuditLogRow } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

type Ref = { token: string; fileName: string; count: number };

async function firstCells(c: AppContext, ref: Ref): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(c.files.resolve(ref.token).path);
  const ws = wb.worksheets[0]!;
  return [1, 2].map((r) => ws.getRow(r).getCell(1).value);
}

async function withMembers(): Promise<AppContext> {
  const c = await openTestContext();
  await call(c, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011' } });
  await call(c, 'members.create', { member: { name: '李秀英', idNumber: '310115199007040026' } });
  return c;
}

describe('exports with full ID numbers (#16)', () => {
  it('carry the first-row notice unless 设置 turns it off; the Hainan layout stays as the platform expects', async () => {
    ctx = await withMembers();
    const c = ctx;
    expect(await firstCells(c, await call<Ref>(c, 'members.export', { template: 'standard' }))).toEqual(['内部资料 含个人信息 请妥善保管', '姓名']);
    const hainan = await firstCells(c, await call<Ref>(c, 'members.export', { template: 'hainan' }));
    expect(hainan[0]).not.toBe('内部资料 含个人信息 请妥善保管');
    await call(c, 'settings.update', { exportNotice: false });
    expect((await firstCells(c, await call<Ref>(c, 'members.export', { template: 'standard' })))[0]).toBe('姓名');
  });

  it('are logged with the file name and row count; once login is on they need a reason, which is logged too', async () => {
    ctx = await withMembers();
    const c = ctx;
    const ref = await call<Ref>(c, 'members.export', { template: 'standard' });
    const log = async () => (await call<{ rows: AuditLogRow[] }>(c, 'audit.query', { action: 'members.export' })).rows;
    expect((await log())[0]!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '文件名', after: ref.fileName }),
        expect.objectContaining({ label: '条数', after: 2 }),
      ]),
    );

    await call(c, 'operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
    const refused = await c.dispatch('members.export', { template: 'standard' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'VALIDATION', message: '导出含完整身份证号的会员花名册，请填写导出原因。' });
    await call<Ref>(c, 'members.export', { template: 'hainan', reason: '报送上级工会' });
    const entry = (await log())[0]!;
    expect(entry).toMatchObject({ operator: '王主席', actionLabel: '导出会员花名册' });
    expect(entry.changes).toContainEqual(expect.objectContaining({ label: '原因', after: '报送上级工会' }));
  });
});
