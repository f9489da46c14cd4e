import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { safeCellText } from '../../../electron/core/disclosures/disclosures.catalogue';
import { chromiumPath, createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { FileRef } from '../../../shared/contract';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { createDisclosure } from './helpers';

const pdf = createChromiumPdf();
afterAll(() => pdf.close());

let ctx: AppContext;
const clock = () => new Date('2026-04-02T09:00:00+08:00');

async function seed(c: AppContext): Promise<void> {
  await call(c, 'settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会', operator: '李干事' });
  await createDisclosure(c, { title: '2026年度学校工作计划', category: '管理与改革', disclosedOn: '2026-03-02', forms: ['教代会', '网站'], timing: 'periodic', department: '校长办公室' });
  await createDisclosure(c, { title: '教职工福利费使用情况', disclosedOn: '2026-03-16', scope: 'both' });
  await createDisclosure(c, { title: '=HYPERLINK("http://evil.example","点击")', category: '廉政建设', disclosedOn: '2026-03-20', department: '-总务处', timing: 'immediate' });
  await createDisclosure(c, { title: '二月份食堂账目', disclosedOn: '2026-02-27' });
}

beforeEach(async () => {
  ctx = await openTestContext({ clock, ports: { pdf } });
  await seed(ctx);
});
afterEach(async () => {
  await ctx.close();
});

const outPath = (ref: FileRef) => ctx.files.resolve(ref.token).path;

describe('公开目录', () => {
  it('previews a month as escaped HTML, A4 landscape, in date order', async () => {
    const { html, count } = await call<{ html: string; count: number }>(ctx, 'disclosures.catalogueHtml', { year: 2026, month: 3 });
    expect(count).toBe(3);
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('某某市第一中学校务公开目录');
    expect(html).toContain('（2026年3月）');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
    expect(html).not.toContain('二月份食堂账目');
    const order = ['2026年度学校工作计划', '教职工福利费使用情况', '=HYPERLINK'].map((t) => html.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const year = await call<{ html: string; count: number }>(ctx, 'disclosures.catalogueHtml', { year: 2026 });
    expect(year.count).toBe(4);
    expect(year.html).toContain('（2026年度）');
  });

  it('names the area after the unit type', async () => {
    await call(ctx, 'settings.update', { unitType: 'hospital', unitName: '某某市人民医院' });
    const { html } = await call<{ html: string }>(ctx, 'disclosures.catalogueHtml', { year: 2026, month: 3 });
    expect(html).toContain('某某市人民医院院务公开目录');
  });

  it.skipIf(!chromiumPath())('prints a PDF with every 登记号 and title, landscape', async () => {
    const ref = await call<FileRef>(ctx, 'disclosures.cataloguePdf', { year: 2026, month: 3 });
    expect(ref.fileName).toBe('某某市第一中学校务公开目录-2026年3月.pdf');
    const text = execFileSync('pdftotext', ['-layout', outPath(ref), '-'], { encoding: 'utf8' });
    for (const s of ['校务公开目录', '2026-001', '2026-002', '2026-003', '2026年度学校工作计划', '教职工福利费使用情况', '第 1 页，共 1 页', '制表：李干事']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('二月份食堂账目');
    const info = execFileSync('pdfinfo', [outPath(ref)], { encoding: 'utf8' });
    // A4 landscape is 842 × 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  });

  it('exports .xlsx with a frozen header, column widths, text cells and no formula anywhere', async () => {
    const ref = await call<FileRef>(ctx, 'disclosures.catalogueXlsx', { year: 2026, month: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath(ref));
    const ws = wb.getWorksheet('公开目录')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '登记号', '公开事项', '类别', '公开形式', '范围', '时限', '公开日期', '责任部门']);
    expect(ws.getColumn(3).width).toBeGreaterThan(30);
    const rows = [4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows[0]).toEqual([1, '2026-001', '2026年度学校工作计划', '管理与改革', '教代会、网站', '对内', '定期', '2026-03-02', '校长办公室']);
    expect(rows[2]![2]).toBe(`'=HYPERLINK("http://evil.example","点击")`);
    expect(rows[2]![8]).toBe("'-总务处");
    expect(ws.getCell('B4').numFmt).toBe('@');
    expect(ws.getCell('H4').type).toBe(ExcelJS.ValueType.String);
    // What Excel and LibreOffice read: no <f> (formula) element in any sheet, every text a plain string.
    const sheetXml = execFileSync('unzip', ['-p', outPath(ref), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).toContain('<pane');
  });

  it('prefixes only what a spreadsheet would evaluate', () => {
    expect(['=1+1', '+86', '-5', '@SUM(A1)', '\tx', '\rx', '正常', '2026-001', "'已有"].map(safeCellText)).toEqual([
      "'=1+1",
      "'+86",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      '正常',
      '2026-001',
      "'已有",
    ]);
  });
});

describe('ledger disclosures', () => {
  async function folder(): Promise<string> {
    const dir = tempDir();
    await withContext(dir, async (c) => {
      await seed(c);
    });
    return dir;
  }

  it('lists a month as JSON and as text, and refuses a bad month', async () => {
    const dir = await folder();
    const run = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'list', '--month', '2026-03', '--json']);
    expect(run.code).toBe(0);
    const doc = jsonOf<{ data: { total: number; disclosures: { regNo: string; title: string; scope: string; scopeCode: string }[] } }>(run);
    expect(doc.data.total).toBe(3);
    expect(doc.data.disclosures.map((d) => d.regNo)).toEqual(['2026-003', '2026-002', '2026-001']);
    expect(doc.data.disclosures[1]).toMatchObject({ title: '教职工福利费使用情况', scope: '对内对外', scopeCode: 'both' });
    const text = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'list']);
    expect(text.stdout).toContain('2026-004\t二月份食堂账目');
    expect(text.stdout).toContain('共 4 项。');
    const bad = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'list', '--month', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM');
  });

  it('takes the area settings from the command line: lists split at commas, numbers from text', async () => {
    const dir = tempDir();
    expect((await ledgerInProcess(['--data-dir', dir, 'settings', 'set', '节假日', '2026-10-01，2026-10-02 2026-10-05'])).code).toBe(0);
    expect((await ledgerInProcess(['--data-dir', dir, 'settings', 'set', '意见答复期限', '7'])).code).toBe(0);
    const bad = await ledgerInProcess(['--data-dir', dir, 'settings', 'set', 'attachmentMaxMb', '500']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('最多 200 MB');
    const s = jsonOf<{ data: { holidays: string[]; opinionReplyDays: number; attachmentMaxMb: number } }>(
      await ledgerInProcess(['--data-dir', dir, 'settings', 'get', '--json']),
    ).data;
    expect(s).toMatchObject({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], opinionReplyDays: 7, attachmentMaxMb: 50 });
  });

  it('writes the catalogue as .xlsx, refuses to overwrite without --force, and as PDF', async () => {
    const dir = await folder();
    const out = path.join(tempDir(), '目录.xlsx');
    const run = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'catalogue', '--month', '2026-03', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2026年3月公开目录（3 项');
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const again = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'catalogue', '--month', '2026-03', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    const wrongExt = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'catalogue', '--month', '2026-03', '--out', 'a.docx']);
    expect(wrongExt.code).toBe(2);
    const both = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'catalogue', '--month', '2026-03', '--year', '2026']);
    expect(both.code).toBe(2);
    // Without --out the catalogue is listed on screen, in catalogue order.
    const shown = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'catalogue', '--month', '2026-03']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n').slice(2, 5).map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['1 2026-001', '2 2026-002', '3 2026-003']);
    if (!chromiumPath()) {
      console.log('跳过 CLI PDF：本机没有 Chromium');
      return;
    }
    const pdfOut = path.join(tempDir(), '目录.pdf');
    const p = await ledgerInProcess(['--data-dir', dir, 'disclosures', 'catalogue', '--year', '2026', '--out', pdfOut, '--json']);
    expect(p.code).toBe(0);
    expect(jsonOf<{ data: { count: number } }>(p).data.count).toBe(4);
    const text = execFileSync('pdftotext', ['-layout', pdfOut, '-'], { encoding: 'utf8' });
    expect(text).toContain('2026年度');
    expect(text).toContain('二月份食堂账目');
  });
});
