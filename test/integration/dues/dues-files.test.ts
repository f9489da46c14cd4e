/**
 * Issue 15 item 16: the dues files at 100,000 members took 4–15 s on the main process each. The workbooks
 * (收缴清单 of a month, 上解清单 of a period, 年度汇总) are read and written in the task thread under the window's
 * jobId (progress, 取消 through dues.exportCancel: no file is left), with full or masked numbers as decided
 * before the thread starts; the 收缴清单 PDF is laid out on the main process a chunk of members at a time (its
 * preview lays out the first PREVIEW_LINES only). Real SQLite, the bundled task thread, real Chromium for the PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { PdfPort } from '../../../electron/core/context.types';
import { PREVIEW_LINES_PER_GROUP, collectionXlsxTask } from '../../../electron/core/dues/dues.collection';
import { duesXlsxTask } from '../../../electron/core/dues/dues.export';
import { DUES_FILE_CANCELLED } from '../../../electron/core/dues/dues.file-job';
import type { Logger } from '../../../electron/core/log';
import { createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { DuesPeriodSheet, DuesYearSummary, FileRef, ImportResult } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { tokenOf, writeXlsx } from '../members-import/helpers';
import { useWorkerBundle } from '../members-import/worker-bundles';

const chromium = createChromiumPdf();
let bundle: Awaited<ReturnType<typeof useWorkerBundle>>;
beforeAll(async () => {
  bundle = await useWorkerBundle('tasks');
}, 60_000);
afterAll(async () => {
  bundle.dispose();
  await chromium.close();
});

const warnings: string[] = [];
const logger: Logger = { info: () => undefined, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m), child: () => logger };
/** What the PDF engine was handed, and how (the real engine renders it). */
let printed = '';
let inParts = 0;
const pdf: PdfPort = {
  render: (html, opts) => ((printed = html), (inParts = 0), chromium.render(html, opts)),
  renderParts: (parts, opts) => {
    const all = [...parts];
    printed = all.join('');
    inParts = all.length;
    return chromium.renderParts!(all, opts);
  },
};

let ctx: AppContext;
let dir: string;
type Progress = { jobId: string; label: string; done: number; total: number | null };
let seen: Progress[] = [];
beforeEach(async () => {
  warnings.length = 0;
  seen = [];
  dir = tempDir();
  ctx = await openTestContext({ logger, ports: { pdf }, clock: () => new Date('2026-12-07T09:00:00+08:00') });
  ctx.events.on((name, p) => {
    if (name === 'progress:update') seen.push(p as Progress);
  });
});
afterEach(async () => {
  await ctx.close();
});

const outPath = (ref: FileRef) => ctx.files.resolve(ref.token).path;
const outputsLeft = () => {
  const d = path.dirname(ctx.files.createOutput('probe.xlsx').path);
  return fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.startsWith('out-')) : [];
};

/** `n` imported members (未分组) after two in 第一小组 (one with an ID number), a month computed (2026-10). */
async function ledger(n: number): Promise<void> {
  await call(ctx, 'settings.update', { unionName: '某某中学工会' });
  const g = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '第一小组' });
  await call(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', monthlyWage: 4567.89, joinDate: '2010-01-01', groupId: g.id } });
  await call(ctx, 'members.create', { member: { name: '李秀英', monthlyWage: 9999, joinDate: '2010-01-01', groupId: g.id } });
  if (n) {
    const rows: (string | number)[][] = [['姓名', '会员证号', '入会时间', '月工资（元）']];
    for (let i = 1; i <= n; i++) rows.push([`会员${String(i).padStart(4, '0')}`, `HY-${i}`, '2010-09-01', 3000 + (i % 50) * 100]);
    const file = await writeXlsx(path.join(dir, '花名册.xlsx'), { 花名册: rows });
    expect((await call<ImportResult>(ctx, 'members.importCommit', { token: tokenOf(ctx, file) })).counts.created).toBe(n);
  }
  await call(ctx, 'dues.compute', { period: '2026-10' });
}

describe('dues files off the main thread', () => {
  it('the workbooks come from the task thread under the jobId, numbers full or masked as asked', { timeout: 60_000 }, async () => {
    await ledger(0);
    const month = await call<FileRef>(ctx, 'dues.exportXlsx', { period: '2026-10', jobId: 'dues-file-1' });
    expect(month.fileName).toBe('会费收缴清单-2026-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath(month));
    const ws = wb.worksheets[0]!;
    // Roster order: 李秀英 (no ID number) before 张三丰.
    expect([ws.getCell(3, 2).value, ws.getCell(3, 3).value, ws.getCell(3, 7).value]).toEqual(['李秀英', null, 49.95]);
    expect([ws.getCell(4, 2).value, ws.getCell(4, 3).value, ws.getCell(4, 7).value]).toEqual(['张三丰', '110108198503120011', 22.8]);
    expect(ws.getCell(5, 2).value).toBe('合计');
    const mine = seen.filter((p) => p.jobId === 'dues-file-1').map((p) => p.label);
    expect(mine[0]).toBe('正在读取会费记录');
    expect(mine.at(-1)).toBe('已生成文件');

    const masked = await call<FileRef>(ctx, 'dues.collectionXlsx', { period: '2026-10', revealIds: false, jobId: 'dues-file-2' });
    const wm = new ExcelJS.Workbook();
    await wm.xlsx.readFile(outPath(masked));
    const detail = wm.getWorksheet('明细')!;
    expect(detail.getCell(4, 3).value).toBe('张三丰');
    expect(String(detail.getCell(4, 4).value)).not.toContain('198503120');
    expect(String(detail.getCell(4, 4).value)).toMatch(/^1101/);
    expect(wm.getWorksheet('汇总')!.getCell(1, 1).value).toBe('某某中学工会 2026年10月会费收缴汇总');

    const y = await call<DuesYearSummary>(ctx, 'dues.summary', { year: 2026 });
    expect(y.groups).toEqual([expect.objectContaining({ name: '第一小组', members: 2, dueFen: 2280 + 4995 })]);
    const yx = await call<FileRef>(ctx, 'dues.summaryXlsx', { year: 2026, jobId: 'dues-file-3' });
    const wy = new ExcelJS.Workbook();
    await wy.xlsx.readFile(outPath(yx));
    expect(wy.worksheets[0]!.getCell(1, 1).value).toBe('某某中学工会 2026年会费收缴汇总（按工会小组）');
    expect(wy.worksheets[0]!.getCell(3, 27).value).toBeCloseTo(72.75);
    // Nothing fell back to the main process; a period nobody computed makes no file.
    expect(warnings).toEqual([]);
    const none = await ctx.dispatch('dues.collectionXlsx', { period: '2025' });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '2025年还没有核算会费，请先核算。' } });
    expect(outputsLeft()).toHaveLength(3);
  });

  it('取消 (dues.exportCancel) stops a workbook in the thread: CANCELLED, no file left', { timeout: 60_000 }, async () => {
    await ledger(0);
    const running = ctx.dispatch('dues.collectionXlsx', { period: '2026', jobId: 'dues-file-cancel' });
    await new Promise((r) => setImmediate(r));
    expect(await call(ctx, 'dues.exportCancel', { jobId: 'dues-file-cancel' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: DUES_FILE_CANCELLED } });
    expect(outputsLeft()).toEqual([]);
    expect(await call(ctx, 'dues.exportCancel', { jobId: 'dues-file-cancel' })).toEqual({ cancelled: false });
    // Each task looks at its cancel before it writes: an aborted signal writes nothing.
    const aborted = new AbortController();
    aborted.abort();
    const env = { db: ctx.db, now: ctx.clock(), actor: '', progress: () => undefined, signal: aborted.signal };
    for (const [task, input] of [[duesXlsxTask, { period: '2026-10', full: true }], [collectionXlsxTask, { period: '2026-10', full: true, unit: '' }]] as const) {
      const filePath = path.join(dir, `${task.name}.xlsx`);
      await expect(task.run(env, { ...input, filePath } as never)).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(fs.existsSync(filePath)).toBe(false);
    }
  });

  it('the PDF lays out every member a chunk at a time, in the sheet\'s order; the preview the first ones with a note', { timeout: 120_000 }, async () => {
    const n = 1150; // more than PRINT_CHUNK (500) twice over, and than PREVIEW_LINES_PER_GROUP
    await ledger(n);
    const sheet = await call<DuesPeriodSheet>(ctx, 'dues.periodSheet', { period: '2026-10' });
    const ref = await call<FileRef>(ctx, 'dues.collectionPdf', { period: '2026-10', jobId: 'dues-pdf-1' });
    expect(ref.fileName).toBe('会费收缴清单-2026-10.pdf');
    // Every member, each in its group in roster order (as the whole sheet has them), the groups sorted.
    const names = [...printed.matchAll(/<tr><td class="c">\d+<\/td><td class="c">([^<]+)<\/td>/g)].map((m) => m[1]);
    const inGroup = (g: string | null) => sheet.rows.filter((r) => r.groupName === g).map((r) => r.name);
    expect(names).toEqual([...inGroup('第一小组'), ...inGroup(null)]);
    expect(printed).not.toContain('预览中');
    // Handed over in parts: each group's head and foot, its lines a chunk at a time (2,400 month rows a chunk).
    expect(inParts).toBeGreaterThanOrEqual(2 + 2 * 3 + 1);
    expect(seen.filter((p) => p.jobId === 'dues-pdf-1').map((p) => p.label)).toContain('正在生成 PDF');
    const text = execFileSync('pdftotext', ['-layout', outPath(ref), '-'], { encoding: 'utf8' });
    expect(text).toContain(`会员${String(n).padStart(4, '0')}`);

    const preview = await call<{ html: string; groups: number; count: number }>(ctx, 'dues.collectionHtml', { period: '2026-10' });
    expect(preview).toMatchObject({ groups: 2, count: n + 2 });
    expect(preview.html).toContain(`预览中每个工会小组只显示前 ${PREVIEW_LINES_PER_GROUP} 人（共 1,152 人，显示 ${PREVIEW_LINES_PER_GROUP + 2} 人）`);
    expect(preview.html).toContain(`……以下 ${(n - PREVIEW_LINES_PER_GROUP).toLocaleString('zh-CN')} 人在预览中从略`);
    // 第一小组 whole, then the first of 未分组 in roster order.
    const shown = [...preview.html.matchAll(/<tr><td class="c">\d+<\/td><td class="c">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(shown).toEqual([...inGroup('第一小组'), ...inGroup(null).slice(0, PREVIEW_LINES_PER_GROUP)]);
    // The totals count every member, in the preview as in the PDF.
    const unGrouped = sheet.rows.filter((r) => r.groupName === null).reduce((s, r) => s + r.dueFen, 0);
    expect(preview.html).toContain(`${(unGrouped / 100).toFixed(2)}`);

    // 取消 between chunks: no PDF.
    const running = ctx.dispatch('dues.collectionPdf', { period: '2026-10', jobId: 'dues-pdf-2' });
    await new Promise((r) => setImmediate(r));
    await call(ctx, 'dues.exportCancel', { jobId: 'dues-pdf-2' });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
