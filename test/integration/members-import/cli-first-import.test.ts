/**
 * `ledger members import` on a first roster (#15 items 1–4): the groups it creates are named, the conflict
 * comes before the grouped notes, --issues-out saves the 问题行 workbook, --no-new-groups leaves them unset.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerInProcess, withContext } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { FIRST_GROUPS, FIRST_ROWS, writeFirstRoster } from '../../fixtures/first-roster';

const unitCount = (dir: string) => withContext(dir, async (ctx) => (ctx.db.prepare('SELECT count(*) AS n FROM union_units WHERE deleted_at IS NULL').get() as { n: number }).n);

describe('ledger members import, first roster', () => {
  it('names the groups it creates, lists the conflicts before the grouped notes, and saves the 问题行', async () => {
    const dir = tempDir();
    const file = await writeFirstRoster(path.join(tempDir(), '教职工花名册.xlsx'));
    const out = path.join(tempDir(), '问题行.xlsx');
    const r = await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--issues-out', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`已新建 6 个工会小组：${FIRST_GROUPS.join('、')}`);
    expect(lines).toContain('「第1小组」按「第一小组」导入（1 行）');
    const conflicts = lines.indexOf('需要核对 3 条（已导入，请核对）：');
    const notes = lines.findIndex((l) => l.startsWith('已自动规范 30 处'));
    expect(conflicts).toBeGreaterThan(0);
    expect(notes).toBeGreaterThan(conflicts);
    expect(lines[conflicts + 1]).toContain(`第 ${FIRST_ROWS.birthConflict} 行 D 列「出生年月」：填写的出生日期 1975-07-01 与身份证号不符`);
    expect(lines).toContain('  学历「本科」按「大学本科」导入：24 行');
    expect(lines).toContain(`问题行 4 行已存到 ${out}（改好后可再导入）。`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.rowCount).toBe(5);
    expect(await unitCount(dir)).toBe(6);
  });

  it('--no-new-groups leaves them unset and says so', async () => {
    const dir = tempDir();
    const file = await writeFirstRoster(path.join(tempDir(), 'a.xlsx'));
    const r = await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--no-new-groups']);
    expect(r.stdout).toContain('6 个组织不存在，29 名会员未设置工会小组：第一小组、第二小组');
    expect(r.stdout).toContain('加 --issues-out 文件.xlsx 可把它们存成表格');
    expect(await unitCount(dir)).toBe(0);
    expect(fs.existsSync(dir)).toBe(true);
  });
});
