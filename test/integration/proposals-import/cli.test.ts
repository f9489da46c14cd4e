import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { registerWorkbook } from './register';
import { seedRegisterPeople } from './seed';

interface ImportDoc {
  file: string;
  sheet: string;
  headerRows: number[];
  session: string;
  dryRun: boolean;
  rowsRead: number;
  created: number;
  proposals: number;
  opinions: number;
  withHistory: number;
  skipped: number;
  batchId: number | null;
  backup: string | null;
  errors: { row: number; column: string; message: string }[];
  warnings: { row: number; column: string; message: string }[];
}

/** A data folder with 五届二次 and its representatives, and the messy register beside it. */
async function prepared(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  await withContext(dir, async (ctx) => {
    await seedRegisterPeople(ctx);
  });
  const file = path.join(tempDir('register-'), '提案登记表.xlsx');
  fs.writeFileSync(file, await registerWorkbook());
  return { dir, file };
}

const count = (dir: string) =>
  withContext(dir, async (ctx) => (ctx.db.prepare('SELECT count(*) AS n FROM proposals').get() as { n: number }).n);

describe('ledger proposals import', () => {
  it('prints the member import’s document, exits 0 with row errors, and writes nothing on --dry-run', async () => {
    const { dir, file } = await prepared();
    const dry = await ledgerInProcess(['--data-dir', dir, 'proposals', 'import', file, '--session', '五届二次', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const doc = jsonOf<ImportDoc>(dry);
    expect(Object.keys(doc)).toEqual([
      'file', 'sheet', 'headerRows', 'session', 'dryRun', 'rowsRead', 'created', 'proposals', 'opinions', 'withHistory', 'skipped', 'batchId',
      'backup', 'errors', 'warnings',
    ]);
    expect(doc).toMatchObject({
      file,
      sheet: '提案登记',
      headerRows: [3, 4],
      session: '五届二次',
      dryRun: true,
      rowsRead: 7,
      created: 3,
      proposals: 2,
      opinions: 1,
      withHistory: 2,
      skipped: 4,
      batchId: null,
      backup: null,
    });
    expect(doc.errors.map((e) => [e.row, e.column])).toEqual([
      [7, '提案人/姓名'],
      [8, '提案人/姓名'],
      [9, '提案人/姓名'],
      [10, '类别'],
    ]);
    expect(doc.errors[0]!.message).toBe('提案人「陈路人」不是五届二次的代表，会员档案中也没有此人');
    expect(doc.warnings).toEqual([{ row: 6, column: '附议人', message: '附议人 1 人，不足本届规定的 2 人，将登记为意见建议' }]);
    expect(await count(dir)).toBe(0);

    const run = await ledgerInProcess(['--data-dir', dir, 'proposals', 'import', file, '--session', '5-2', '--json']);
    expect(run.code).toBe(0);
    const done = jsonOf<ImportDoc>(run);
    expect(done).toMatchObject({ dryRun: false, created: 3, skipped: 4, batchId: expect.any(Number), backup: expect.stringContaining('pre-import') });
    expect(await count(dir)).toBe(3);

    const list = jsonOf<{ data: { proposals: { number: string; state: string }[] } }>(
      await ledgerInProcess(['--data-dir', dir, 'proposals', 'list', '--session', '五届二次', '--json']),
    );
    expect(list.data.proposals.map((p) => [p.number, p.state])).toEqual([
      ['五届二次 第001号', '已反馈'],
      ['五届二次 第002号', '已立案'],
      ['五届二次 意见建议第001号', '待交办'],
    ]);

    const undo = await ledgerInProcess(['--data-dir', dir, 'proposals', 'undo-import', String(done.batchId), '--json']);
    expect(undo.code).toBe(0);
    expect(jsonOf<{ ok: true; data: { removed: number } }>(undo).data.removed).toBe(3);
    expect(await count(dir)).toBe(0);
    const twice = await ledgerInProcess(['--data-dir', dir, 'proposals', 'undo-import', String(done.batchId)]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('撤销过');
  });

  it('tells people what happened in Chinese without --json', async () => {
    const { dir, file } = await prepared();
    const run = await ledgerInProcess(['--data-dir', dir, 'proposals', 'import', file, '--session', '五届二次', '--no-history']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('导入「提案登记表.xlsx」工作表「提案登记」到五届二次，表头在第 3、4 行。');
    expect(run.stdout).toContain('读取 7 行：登记提案 2 件、意见建议 1 件（其中补记办理过程 0 件），跳过 4 行。');
    expect(run.stdout).toContain('第 5 行 → 五届二次 第001号　关于改善教工食堂就餐环境的建议');
    expect(run.stdout).toContain('第 10 行 F 列「类别」：类别「校园安全」不在提案类别列表中');
    expect(run.stdout).toMatch(/批次号 \d+（撤销：ledger proposals undo-import \d+）/);
  });

  it('exits 1 and writes nothing when the file cannot be read, and 2 without --session', async () => {
    const { dir } = await prepared();
    const junk = path.join(tempDir('junk-'), '提案.xlsx');
    fs.writeFileSync(junk, Buffer.from('这不是表格文件'.repeat(50)));
    const bad = await ledgerInProcess(['--data-dir', dir, 'proposals', 'import', junk, '--session', '五届二次', '--json']);
    expect(bad.code).toBe(1);
    expect(jsonOf<{ ok: false; error: { code: string; message: string } }>(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await ledgerInProcess(['--data-dir', dir, 'proposals', 'import', path.join(dir, '没有这个文件.xlsx'), '--session', '五届二次']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到要导入的文件');
    const noSession = await ledgerInProcess(['--data-dir', dir, 'proposals', 'import', junk, '--session', '九届九次']);
    expect(noSession.code).toBe(1);
    expect(noSession.stderr).toContain('找不到届次「九届九次」');
    const usage = await ledgerInProcess(['--data-dir', dir, 'proposals', 'import', junk]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('请用 --session 指定导入到哪一届');
    expect(await count(dir)).toBe(0);
  });
});
