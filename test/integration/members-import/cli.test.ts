/**
 * `ledger members import FILE [--sheet] [--dry-run] [--json]` prints exactly the document issue 4 specifies;
 * exit 0 when the file was read (row errors or not), 1 when it could not be read (Chinese message on stderr,
 * nothing written). `ledger members undo-import BATCH_ID` and `ledger members imports`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMessyRoster } from '../../e2e/pages/messy-roster';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { checkCharReason } from '../../../shared/domain/id-number';
import { real } from './helpers';

interface Doc {
  file: string;
  sheet: string;
  headerRows: number[];
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  batchId: number | null;
  errors: { row: number; column: string; message: string }[];
  warnings: { row: number; column: string; message: string }[];
}

const memberCount = (dir: string) => withContext(dir, async (ctx) => (ctx.db.prepare('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL').get() as { n: number }).n);

async function messy(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(tempDir(), '花名册.xlsx');
  await writeMessyRoster(file);
  return { dir, file };
}

describe('ledger members import', () => {
  it('--json prints one document with exactly the specified keys; duplicates and errors carry their Excel row', async () => {
    const { dir, file } = await messy();
    const run = await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--json']);
    expect(run.code).toBe(0);
    const doc = jsonOf<Doc>(run);
    expect(Object.keys(doc)).toEqual(['file', 'sheet', 'headerRows', 'rowsRead', 'created', 'updated', 'unchanged', 'skipped', 'batchId', 'errors', 'warnings']);
    expect(doc).toMatchObject({ file, sheet: '花名册', headerRows: [2, 3], rowsRead: 6, created: 4, updated: 0, unchanged: 0, skipped: 2 });
    expect(doc.batchId).toBeGreaterThan(0);
    expect(doc.errors).toEqual([
      { row: 8, column: '证件与联系方式/公民身份号码', message: `身份证号${checkCharReason('6')}` },
      { row: 9, column: '证件与联系方式/公民身份号码', message: '与第 4 行重复（证件号码 110108198503120011），本行未导入' },
    ]);
    expect(doc.warnings).toContainEqual({ row: 4, column: '证件与联系方式/公民身份号码', message: '与第 9 行重复（证件号码 110108198503120011），以该行为准' });
    expect(await memberCount(dir)).toBe(4);

    // The same file again: everyone unchanged, no batch.
    const again = jsonOf<Doc>(await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--json']));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, skipped: 2, batchId: null });
  });

  it('--dry-run reports and writes nothing; the text output is Chinese', async () => {
    const { dir, file } = await messy();
    const run = await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('读取 6 行：将新建 4，将更新 0，无变化 0，跳过 2。');
    expect(run.stdout).toContain(`第 8 行 E 列「证件与联系方式/公民身份号码」：身份证号${checkCharReason('6')}`);
    expect(await memberCount(dir)).toBe(0);
  });

  it('--sheet picks the sheet; row errors still exit 0', async () => {
    const dir = tempDir();
    const file = real('magicodes-multisheet-roster', '班级学生基础数据导入.xlsx');
    const run = await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--sheet', '2班导入数据', '--json']);
    expect(run.code).toBe(0);
    const doc = jsonOf<Doc>(run);
    expect(doc).toMatchObject({ sheet: '2班导入数据', rowsRead: 16, created: 0, skipped: 16, batchId: null });
    expect(doc.errors).toHaveLength(16);
    expect(doc.errors[0]).toMatchObject({ row: 2, column: '身份证号' });
    const kept = jsonOf<Doc>(await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--sheet', '2班导入数据', '--keep-masked', '--json']));
    expect(kept).toMatchObject({ created: 16, skipped: 0 });
  });

  it.each([
    ['a PNG renamed .xlsx', 'photo.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), '这是一张图片（PNG 图片），不是表格文件。图片里的表格无法导入：请找到原始表格，在 Excel/WPS 中打开，另存为 .xlsx 后再导入。'],
    ['an empty file', 'empty.csv', Buffer.alloc(0), '文件是空的，没有任何内容'],
    ['a truncated .xlsx', 'cut.xlsx', Buffer.from('PK\u0003\u0004 truncated', 'latin1'), '文件已损坏或不完整，请在 Excel/WPS 中打开确认后另存再导入'],
  ])('%s: exit 1, Chinese message on stderr, one JSON error document, nothing written', async (_what, name, bytes, message) => {
    const dir = tempDir();
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, bytes);
    const run = await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(jsonOf<{ ok: boolean; error: { code: string; message: string } }>(run)).toEqual({ ok: false, error: { code: 'VALIDATION', message } });
    await withContext(dir, async (ctx) => {
      expect(ctx.listBackups()).toHaveLength(0);
      expect((ctx.db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n).toBe(0);
    });
  });

  it('a missing file and a form without a roster exit 1', async () => {
    const dir = tempDir();
    const missing = await ledgerInProcess(['--data-dir', dir, 'members', 'import', path.join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到要导入的文件');
    const form = await ledgerInProcess(['--data-dir', dir, 'members', 'import', real('easypoi-gov-form-xls', '专项支出用款申请书.xls')]);
    expect(form.code).toBe(1);
    expect(form.stderr).toMatch(/^文件中没有找到可导入的会员名单/);
  });
});

describe('ledger members undo-import / imports', () => {
  it('lists the batch and undoes it; a second undo is refused with exit 1', async () => {
    const { dir, file } = await messy();
    const doc = jsonOf<Doc>(await ledgerInProcess(['--data-dir', dir, 'members', 'import', file, '--json']));
    const list = await ledgerInProcess(['--data-dir', dir, 'members', 'imports']);
    expect(list.stdout).toMatch(new RegExp(`^${doc.batchId}\\t.*\\t花名册\\.xlsx\\t新建 4 更新 0 无变化 0 跳过 2$`, 'm'));
    const undo = await ledgerInProcess(['--data-dir', dir, 'members', 'undo-import', String(doc.batchId), '--json']);
    expect(undo.code).toBe(0);
    expect(jsonOf<{ ok: boolean; data: { removed: number; restored: number } }>(undo).data).toMatchObject({ removed: 4, restored: 0 });
    expect(await memberCount(dir)).toBe(0);
    const twice = await ledgerInProcess(['--data-dir', dir, 'members', 'undo-import', String(doc.batchId)]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/撤销过/);
    const bad = await ledgerInProcess(['--data-dir', dir, 'members', 'undo-import', 'abc']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('批次号应为正整数：abc');
  });
});
