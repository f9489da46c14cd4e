import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../electron/core/archive/archive.package';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { seedYear } from './seed';

type Ok<T> = { ok: true; data: T };
interface PlanItem { archiveCode: string | null; title: string; responsible: string; docNo: string; date: string; secrecy: string; pages: number | null; retention: string; classCode: string; source: string }

describe('ledger archive …', () => {
  it('plan → number → print → seal → verify → export, the documented JSON and exit codes', async () => {
    const dir = path.join(tempDir(), '数据');
    await withContext(dir, async (ctx) => {
      await seedYear(ctx);
    });
    const ledger = (...args: string[]) => ledgerInProcess(['--data-dir', dir, ...args]);
    expect((await ledger('settings', 'set', '全宗号', 'Z109')).code).toBe(0);

    const plan = jsonOf<Ok<{ year: number; items: PlanItem[] }>>(await ledger('archive', 'plan', '2026', '--json'));
    expect(plan.ok).toBe(true);
    expect(plan.data.year).toBe(2026);
    const first = plan.data.items.find((i) => i.source.startsWith('proposals:') && i.title === '关于改善食堂伙食的提案')!;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['archiveCode', 'title', 'responsible', 'docNo', 'date', 'secrecy', 'pages', 'retention', 'classCode', 'source']));
    expect(first).toMatchObject({ archiveCode: null, retention: 'Y', classCode: 'Y/JDH', responsible: '张三丰' });

    const numbered = jsonOf<Ok<{ items: PlanItem[] }>>(await ledger('archive', 'number', '2026', '--json'));
    expect(numbered.data.items.find((i) => i.source === first.source)!.archiveCode).toMatch(/^Z109-WS·2026-Y-JDH-000\d$/);

    const out = tempDir('ledger-print-');
    const printed = await ledger('archive', 'print', '2026', '--out', out);
    expect(printed.code, printed.stderr).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['2026-Y-归档文件（装订）.pdf', '2026-D30-归档文件（装订）.pdf', '2026-归档文件目录.pdf', '2026-归档文件目录.xlsx', '2026-备考表.pdf', '2026-档案盒脊背.pdf', '2026-归档章不干胶标签.pdf']));
    const text = execFileSync('pdftotext', ['-layout', path.join(out, '2026-归档文件目录.pdf'), '-']).toString();
    expect(text).toContain('归档文件目录');
    expect(text).toContain('Z109-WS·2026-Y-JDH-0001');
    expect(text).toMatch(/20260310/);

    const refused = await ledger('archive', 'seal', '2026');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('封存前检查发现');
    expect((await ledger('archive', 'seal', '2026', '--reason', '书屋提案转下年度')).code).toBe(0);
    const ok = await ledger('archive', 'verify', '2026');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('一致');

    await withContext(dir, async (ctx) => {
      ctx.db.exec('DROP TRIGGER archive_seal_2026_archive_items_u');
      ctx.db.prepare("UPDATE archive_items SET pages = 99 WHERE source_key LIKE 'members:roster:%'").run();
    });
    const bad = await ledger('archive', 'verify', '2026');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/Z109-WS·2026-Y-GH-0001.*会员名册.*著录数据与封存时不一致/);

    const zip = path.join(out, '2026.zip');
    expect((await ledger('archive', 'export', '2026', '--out', zip)).code).toBe(0);
    // Names are stored as UTF-8 with the zip's language-encoding flag (Windows Explorer shows them right).
    const list = Object.keys(unzipSync(fs.readFileSync(zip))).join('\n');
    expect(list).toContain('manifest.json');
    // The package checks itself: every entry against manifest.json (the verify a receiving office runs).
    const checked = verifyPackage(fs.readFileSync(zip));
    expect(checked).toMatchObject({ ok: true, year: 2026 });
    expect(list).toContain('2026-归档文件目录.xlsx');
    expect(list).toMatch(/items\/Z109-WS·2026-D30-GH-000\d\/01-福利费明细\.pdf/);

    const pkg = await ledger('archive', 'verify-package', zip);
    expect(pkg.code).toBe(0);
    const damaged = path.join(out, 'damaged.zip');
    const bytes = fs.readFileSync(zip);
    // A byte changed inside a stored entry: the zip still opens (stored data, no CRC check here) or is refused.
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    expect((await ledger('archive', 'verify-package', damaged)).code).toBe(1);

    expect((await ledger('archive', 'unseal', '2026')).code).toBe(2);
    expect((await ledger('archive', 'unseal', '2026', '--reason', '更正')).code).toBe(0);
  }, 120_000);
});
