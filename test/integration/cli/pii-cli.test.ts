/** #16: the CLI's exports with ID numbers follow the window's rule — --reason once login is on, logged, --masked. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { call, tempDir } from '../../helpers/context';
import { ledgerInProcess, withContext } from '../../helpers/cli';

async function text(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out.join('\n');
}

describe('ledger members export with ID numbers (#16)', () => {
  it('needs --reason once login is on, logs it with the file name and row count; --masked needs none', async () => {
    const dir = path.join(tempDir(), '数据');
    await withContext(dir, async (ctx) => {
      await call(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011' } });
      await call(ctx, 'operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
    });
    const out = path.join(tempDir(), '花名册.xlsx');
    const refused = await ledgerInProcess(['--data-dir', dir, 'members', 'export', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('导出含完整身份证号的会员花名册，请填写导出原因。');

    const ok = await ledgerInProcess(['--data-dir', dir, 'members', 'export', out, '--reason', '报送上级工会']);
    expect(ok.code).toBe(0);
    expect(await text(out)).toContain('110108198503120011');
    const masked = path.join(tempDir(), '遮盖.xlsx');
    expect((await ledgerInProcess(['--data-dir', dir, 'members', 'export', masked, '--masked'])).code).toBe(0);
    expect(await text(masked)).toContain('110108********0011');

    const log = await withContext(dir, async (ctx) => ctx.db.prepare("SELECT after_json FROM audit_log WHERE action = 'members.export'").all() as { after_json: string }[]);
    expect(log.map((r) => JSON.parse(r.after_json) as Record<string, unknown>)).toEqual([expect.objectContaining({ fileName: '花名册.xlsx', rows: 1, reason: '报送上级工会' })]);
  });
});
