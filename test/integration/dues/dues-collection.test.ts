import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { DuesImportResult, DuesYearSummary, FileRef } from '../../../shared/contract';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { tokenOf, writeXlsx } from '../members-import/helpers';

const pdf = createChromiumPdf();
afterAll(() => pdf.close());

let ctx: AppContext;
let dir: string;
const now = new Date('2026-12-07T09:00:00+08:00');
beforeEach(async () => {
  dir = tempDir();
  ctx = await openTestContext({ clock: () => now, ports: { pdf } });
});
afterEach(async () => {
  await ctx.close();
});
const outPath = (ref: FileRef) => ctx.files.resolve(ref.token).path;

/** Two groups of two; 李秀英 pays the quarter by import, 张三丰 by hand, 赵敏 and 孙丽 not at all. */
async function quarter(): Promise<void> {
  await call(ctx, 'settings.update', { unionName: '某某中学工会', duesPeriodKind: 'quarter' });
  const g1 = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '第一小组' });
  const g2 = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '第二小组' });
  const m = (name: string, idNumber: string, wage: number, groupId: number) => call(ctx, 'members.create', { member: { name, idNumber, monthlyWage: wage, joinDate: '2010-01-01', groupId } });
  await m('张三丰', '110108198503120011', 4567.89, g1.id);
  await m('李秀英', '310115199007040026', 9999, g1.id);
  await m('赵敏', '32010219651001004X', 6000, g2.id);
  await m('孙丽', '110101200501010105', 3210.5, g2.id);
  await call(ctx, 'dues.computePeriod', { period: '2026-Q3' });
  const s = await call<{ rows: { name: string; unpaidIds: number[] }[] }>(ctx, 'dues.periodSheet', { period: '2026-Q3' });
  await call(ctx, 'dues.markPaid', { ids: s.rows.find((r) => r.name === '张三丰')!.unpaidIds, paidOn: '2026-09-30', payer: 'self', receiptNo: 'R-9' });
  const file = await writeXlsx(path.join(dir, 'q3.xlsx'), { S: [['身份证号', '姓名', '实缴会费'], ['310115199007040026', '李秀英', 3 * 49.95]] });
  const r = await call<DuesImportResult>(ctx, 'dues.importCommit', { token: tokenOf(ctx, file), period: '2026-Q3' });
  expect(r.counts.monthsPaid).toBe(3);
}

describe('收缴清单 and the yearly summary', () => {
  it('prints one sheet per group with totals in figures and 大写 and signature lines, then the summary; the PDF reads back', async () => {
    await quarter();
    const preview = await call<{ html: string; groups: number; count: number }>(ctx, 'dues.collectionHtml', { period: '2026-Q3' });
    expect(preview).toMatchObject({ groups: 2, count: 4 });
    expect(preview.html).toContain('工会小组：第一小组');
    // 第一小组 due 3 × (22.80 + 49.95) = 218.25, all paid.
    expect(preview.html).toContain('应缴合计（大写：贰佰壹拾捌元贰角伍分）');
    expect(preview.html).toContain('收缴人（小组长）签字');
    const pdfRef = await call<FileRef>(ctx, 'dues.collectionPdf', { period: '2026-Q3' });
    expect(pdfRef.fileName).toBe('会费收缴清单-2026-Q3.pdf');
    const text = execFileSync('pdftotext', ['-layout', outPath(pdfRef), '-'], { encoding: 'utf8' });
    expect(text).toContain('会费收缴清单');
    expect(text).toContain('某某中学工会');
    expect(text).toContain('2026年第三季度');
    expect(text).toMatch(/第二小组/);
    expect(text).toContain('218.25');
    expect(text).toContain('未缴 2 人');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [outPath(pdfRef)], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(3); // two groups and the summary
    const png = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', outPath(pdfRef), png]);
    const img = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    expect(fs.statSync(path.join(dir, img)).size).toBeGreaterThan(5000);
    const one = await call<{ groups: number }>(ctx, 'dues.collectionHtml', { period: '2026-Q3', group: '第二小组' });
    expect(one.groups).toBe(1);
    expect((await ctx.dispatch('dues.collectionHtml', { period: '2026-Q2' })).ok).toBe(false);
  });

  it('exports the period for 上解 (汇总 + 明细) and the yearly summary per group, on screen and as .xlsx', async () => {
    await quarter();
    const ref = await call<FileRef>(ctx, 'dues.collectionXlsx', { period: '2026-Q3' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath(ref));
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell(1, 1).value).toBe('某某中学工会 2026年第三季度会费收缴汇总');
    expect([sum.getCell(3, 2).value, sum.getCell(3, 4).value, sum.getCell(3, 5).value]).toEqual(['第一小组', 218.25, 218.25]);
    expect([sum.getCell(4, 2).value, sum.getCell(4, 6).value]).toEqual(['第二小组', 2]);
    expect(String(sum.getCell(6, 2).value)).toContain('实缴合计（大写）：贰佰壹拾捌元贰角伍分');
    const detail = wb.getWorksheet('明细')!;
    expect(detail.getCell(2, 4).value).toBe('身份证号');
    const zhang = [3, 4, 5, 6].find((r) => detail.getCell(r, 3).value === '张三丰')!;
    expect(detail.getCell(zhang, 4).value).toBe('110108198503120011'); // a text cell, all 18 digits
    expect([detail.getCell(zhang, 9).value, detail.getCell(zhang, 11).value, detail.getCell(zhang, 12).value]).toEqual([68.4, '本人缴纳', 'R-9']);

    const y = await call<DuesYearSummary>(ctx, 'dues.summary', { year: 2026 });
    expect(y.groups.map((g) => g.name)).toEqual(['第一小组', '第二小组']);
    expect(y.groups[0]).toMatchObject({ members: 2, dueFen: 21825, paidFen: 21825, unpaidMembers: 0 });
    expect(y.groups[0]!.dueByMonth.slice(6, 9)).toEqual([7275, 7275, 7275]);
    expect(y.groups[1]).toMatchObject({ unpaidMembers: 2, paidFen: 0 });
    const yx = await call<FileRef>(ctx, 'dues.summaryXlsx', { year: 2026 });
    const wy = new ExcelJS.Workbook();
    await wy.xlsx.readFile(outPath(yx));
    const ws = wy.worksheets[0]!;
    expect(ws.getCell(3, 1).value).toBe('第一小组');
    expect(ws.getCell(3, 27).value).toBeCloseTo(218.25);
    expect(ws.getCell(5, 1).value).toBe('合计');
  });
});

describe('ledger dues collection / summary', () => {
  it('lists the groups, writes the PDF and the .xlsx, refuses to overwrite; summary for the year', async () => {
    const data = tempDir();
    await withContext(data, async (c) => {
      const g = await call<{ id: number }>(c, 'groups.create', { parentId: null, kind: 'group', name: '第一小组' });
      await call(c, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', monthlyWage: 4567.89, joinDate: '2010-09-01', groupId: g.id } });
      await call(c, 'dues.computePeriod', { period: '2026-Q3' });
    });
    const list = await ledgerInProcess(['--data-dir', data, 'dues', 'collection', '--period', '2026-q3', '--json']);
    expect(list.code).toBe(0);
    expect(jsonOf<{ data: { groups: { name: string; due: number }[] } }>(list).data.groups).toEqual([{ name: '第一小组', members: 1, due: 6840, paid: 0, unpaid: 1 }]);
    const pdfOut = path.join(dir, 'q3.pdf');
    const made = await ledgerInProcess(['--data-dir', data, 'dues', 'collection', '--period', '2026-Q3', '--out', pdfOut]);
    expect(made.code).toBe(0);
    expect(execFileSync('pdftotext', [pdfOut, '-'], { encoding: 'utf8' })).toContain('陆拾捌元肆角');
    expect((await ledgerInProcess(['--data-dir', data, 'dues', 'collection', '--period', '2026-Q3', '--out', pdfOut])).code).toBe(1);
    const xlsxOut = path.join(dir, 'q3.xlsx');
    expect((await ledgerInProcess(['--data-dir', data, 'dues', 'collection', '--period', '2026-Q3', '--out', xlsxOut])).code).toBe(0);
    expect(fs.statSync(xlsxOut).size).toBeGreaterThan(3000);
    const sum = await ledgerInProcess(['--data-dir', data, 'dues', 'summary', '--year', '2026', '--json']);
    expect(jsonOf<{ data: DuesYearSummary }>(sum).data.groups[0]).toMatchObject({ name: '第一小组', dueFen: 6840, unpaidMembers: 1 });
  });
});
