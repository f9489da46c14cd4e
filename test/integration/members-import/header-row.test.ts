import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { computeCheckChar } from '../../../shared/domain/id-number';
import { openTestContext, tempDir } from '../../helpers/context';
import { commit, preview, tokenOf } from './helpers';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const withCheck = (body: string) => body + computeCheckChar(body);

/** A roster exported with 34 lines of instructions above its header (row 35). */
function lateHeaderCsv(): string {
  const file = path.join(tempDir(), '花名册（说明很长）.csv');
  const lines = [
    ...Array.from({ length: 34 }, (_v, i) => `第 ${i + 1} 条填表说明：请按人事系统导出的顺序填写,,`),
    '姓名,性别,身份证号',
    `张三,男,${withCheck('11010519850312003')}`,
    `李四,女,${withCheck('11010519850312004')}`,
  ];
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

describe('a header below row 30', () => {
  it('is refused with how to fix it', async () => {
    ctx = await openTestContext();
    const r = await ctx.dispatch('members.importPreview', { token: tokenOf(ctx, lateHeaderCsv()) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('前 30 行里没有像表头的行');
    expect(!r.ok && r.error.message).toContain('请在 Excel/WPS 中删除表头上方的行后另存再导入，或在导入向导「选择工作表」一步中指定表头所在的行');
  });

  it('imports once the clerk names the header row', async () => {
    ctx = await openTestContext();
    const token = tokenOf(ctx, lateHeaderCsv());
    const p = await preview(ctx, { token, headerRow: 35 });
    expect(p.headerRows).toEqual([35]);
    expect(p.counts).toMatchObject({ rowsRead: 2, created: 2, skipped: 0 });
    const done = await commit(ctx, { token, headerRow: 35 });
    expect(done.counts).toMatchObject({ created: 2 });
    const names = ctx.db.prepare('SELECT name FROM members ORDER BY name').all() as { name: string }[];
    expect(names.map((n) => n.name).sort()).toEqual(['张三', '李四'].sort());
  });
});
