import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { binderPdf } from '../../../electron/core/archive/archive.binder';
import { formPdfBytes } from '../../../electron/core/archive/archive.print';
import { createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { ArchiveYearView } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { seedYear } from './seed';

/**
 * The printed forms read back from the PDFs themselves: text with pdftotext, geometry by rasterising at
 * 254 dpi (10 px per mm) and measuring the red 归档章 lines.
 */
const pdf = createChromiumPdf();
let ctx: AppContext;
let view: ArchiveYearView;
const dir = tempDir('ledger-archive-print-');
const LONG_TITLE = `关于${'学校教职工代表大会提案工作与校务公开工作规范化建设'.repeat(4)}的请示报告全文`;

beforeAll(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-12-28T09:00:00+08:00'), ports: { pdf } });
  await seedYear(ctx);
  await call(ctx, 'archive.updateConfig', { organizer: '李干事', checker: '王主席' });
  // Enough 件 for a catalogue over several pages, one with a very long title.
  for (let i = 1; i <= 45; i++) {
    await call(ctx, 'archive.addManual', {
      year: 2026,
      doc: { title: i === 7 ? LONG_TITLE : `工会工作记录第${i}号`, responsible: '第一中学工会', docNo: `校工〔2026〕${i}号`, date: '2026-05-06', pages: 2, retention: 'Y', orgCode: 'GH' },
      uploads: [],
    });
  }
  await call(ctx, 'archive.plan', { year: 2026 });
  view = (await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 })).view;
}, 180_000);
afterAll(async () => {
  await ctx.close();
  await pdf.close();
});

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
const text = (file: string, page?: number) =>
  execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-']).toString();
const info = (file: string) => execFileSync('pdfinfo', [file]).toString();

/** One page at 254 dpi as RGB pixels (P6 PPM). */
function raster(file: string, page: number): { w: number; h: number; px: Buffer } {
  const base = path.join(dir, `r-${path.basename(file)}-${page}`);
  execFileSync('pdftoppm', ['-r', '254', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
  const buf = fs.readFileSync(`${base}.ppm`);
  const header = buf.subarray(0, 32).toString('latin1').split(/\s+/);
  const w = Number(header[1]);
  const h = Number(header[2]);
  return { w, h, px: buf.subarray(buf.length - w * h * 3) };
}

/** Bounding box (in mm) of the pixels `pick` accepts, within a region. */
function bbox(
  r: { w: number; h: number; px: Buffer },
  pick: (red: number, g: number, b: number) => boolean,
  region: { top: number; bottom: number; left?: number; right?: number } = { top: 0, bottom: r.h },
) {
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let y = region.top; y < region.bottom; y++) {
    for (let x = region.left ?? 0; x < (region.right ?? r.w); x++) {
      const i = (y * r.w + x) * 3;
      if (!pick(r.px[i]!, r.px[i + 1]!, r.px[i + 2]!)) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return { left: x0 / 10, top: y0 / 10, width: (x1 - x0 + 1) / 10, height: (y1 - y0 + 1) / 10, bottom: (y1 + 1) / 10 };
}
const isRed = (r: number, g: number, b: number) => r > 150 && g < 110 && b < 110;
const isInk = (r: number, g: number, b: number) => r < 120 && g < 120 && b < 120;

describe('归档文件目录 (A4 landscape)', () => {
  it('has its cover and the nine columns, the header on every page, dates YYYYMMDD, long titles whole', async () => {
    const { bytes } = await formPdfBytes(ctx, 2026, 'catalogue', 'Y');
    const file = write('catalogue-Y.pdf', bytes);
    expect(info(file)).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info(file))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    // The cover's labels are justified across their cell, so compare without spaces.
    const cover = text(file, 1).replace(/\s+/g, '');
    for (const s of ['归档文件目录', '全宗号Z109', '全宗名称第一中学工会', '年度2026', '保管期限永久', '机构（问题）GH工会办公室、JDH教代会']) expect(cover).toContain(s);
    for (let p = 2; p <= pages; p++) expect(text(file, p).replace(/\s+/g, ' ')).toMatch(/序号 档号 文号 责任者 题名 日期 密级 页数 备注/);
    const all = text(file);
    expect(all).toContain('Z109-WS·2026-Y-GH-0001');
    expect(all).toMatch(/20260506/);
    expect(all).not.toMatch(/2026-05-06/);
    // Wrapped over several lines, never cut: every character is on the page.
    const flat = all.replace(/[\s]/g, '');
    expect(flat).toContain(LONG_TITLE.slice(0, 20));
    expect(flat).toContain(LONG_TITLE.slice(-12));
  });

  it('an empty retention period prints nothing rather than an empty catalogue', async () => {
    const { empty } = await formPdfBytes(ctx, 2026, 'catalogue', 'D10');
    expect(empty).toBe(true);
  });
});

describe('归档章', () => {
  it('the label sheet draws 45 × 16 mm boxes of six cells', async () => {
    const { bytes } = await formPdfBytes(ctx, 2026, 'stamps');
    const file = write('stamps.pdf', bytes);
    const t = text(file, 1);
    expect(t).toMatch(/Z109\s+2026\s+0001/);
    expect(t).toMatch(/GH\s+永久\s+1/);
    const r = raster(file, 1);
    // The first label: 8 mm from the left, 13.5 mm from the top, its stamp centred in 48.5 × 18 mm.
    const first = bbox(r, isRed, { top: 135, bottom: 315, left: 80, right: 80 + 485 });
    expect(first.height).toBeGreaterThan(15.5);
    expect(first.height).toBeLessThan(16.5);
    expect(first.width).toBeGreaterThan(44.5);
    expect(first.width).toBeLessThan(45.5);
    expect(Math.abs(first.left - (8 + 1.75))).toBeLessThan(0.5);
  });

  it('in the binder it sits top centre of each item’s first page and covers no text', async () => {
    const bytes = await binderPdf(ctx, 2026, 'Y');
    const file = write('binder-Y.pdf', bytes);
    const catalogue = await formPdfBytes(ctx, 2026, 'catalogue', 'Y');
    const catPages = Number(/Pages:\s+(\d+)/.exec(info(write('c.pdf', catalogue.bytes)))![1]);
    const y = view.items.filter((i) => i.retention === 'Y' && i.itemNo !== null && !i.excluded);
    const first = catPages + 1;
    const r = raster(file, first);
    const stamp = bbox(r, isRed, { top: 0, bottom: 400 });
    expect(stamp.width).toBeGreaterThan(44.5);
    expect(stamp.width).toBeLessThan(45.5);
    expect(stamp.height).toBeGreaterThan(15.5);
    expect(stamp.height).toBeLessThan(16.5);
    expect(Math.abs(stamp.left + stamp.width / 2 - 105)).toBeLessThan(1);
    expect(stamp.top).toBeGreaterThan(3);
    // The document's own text starts below the stamp: no ink between the stamp's sides under it… and none beside it.
    const ink = bbox(r, isInk, { top: Math.ceil(stamp.bottom * 10) + 5, bottom: r.h });
    const inkInBand = bbox(r, (a, b, c) => isInk(a, b, c), { top: Math.floor(stamp.top * 10), bottom: Math.ceil(stamp.bottom * 10) });
    expect(ink.top).toBeGreaterThan(stamp.bottom);
    // Inside the band only the stamp's own (black) figures: all within its box.
    expect(inkInBand.left).toBeGreaterThanOrEqual(stamp.left - 0.2);
    expect(inkInBand.left + inkInBand.width).toBeLessThanOrEqual(stamp.left + stamp.width + 0.2);
    expect(text(file, first)).toMatch(/Z109\s+2026\s+0001/);
    // Every 件's pages: the sum of 页数 after the catalogue.
    const pages = Number(/Pages:\s+(\d+)/.exec(info(file))![1]);
    const placeholder = y.filter((i) => i.manual && i.files.length === 0).length;
    expect(pages).toBe(catPages + y.reduce((n, i) => n + (i.manual && i.files.length === 0 ? 0 : (i.pages ?? 0)), 0) + placeholder);
  }, 120_000);

  it('the D30 binder merges the scanned PDF page by page after the record', async () => {
    const bytes = await binderPdf(ctx, 2026, 'D30');
    const file = write('binder-D30.pdf', bytes);
    expect(text(file)).toContain('scan page 3');
  }, 60_000);
});

describe('the binder as a job', () => {
  it('reports progress and is cancelled on request, leaving no file', async () => {
    const seen: number[] = [];
    const outputs = () => (fs.existsSync(ctx.paths.tmpDir) ? fs.readdirSync(ctx.paths.tmpDir).filter((f) => f.startsWith('out-')).length : 0);
    const before = outputs();
    const off = ctx.events.on((name, payload) => {
      if (name !== 'progress:update') return;
      const p = payload as { jobId: string; done: number; total: number | null };
      if (p.jobId !== 'binder-test') return;
      seen.push(p.done);
      void ctx.dispatch('archive.binderCancel', { jobId: 'binder-test' });
    });
    const r = await ctx.dispatch('archive.binderPdf', { year: 2026, retention: 'Y', jobId: 'binder-test' });
    off();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('已取消') });
    expect(seen.length).toBeGreaterThan(0);
    expect(outputs()).toBe(before);
  }, 60_000);
});

describe('备考表 and 盒脊', () => {
  it('prefills the box description and prints the spine with 起止件号 and 盒号', async () => {
    const bk = write('beikao.pdf', (await formPdfBytes(ctx, 2026, 'beikao')).bytes);
    const t = text(bk, 1).replace(/\s+/g, '');
    expect(t).toMatch(/2026年度第一中学工会，永久，GH，第1盒，盒内文件共\d+件，共\d+页/);
    for (const s of ['备考表', '盒内文件情况说明', '整理人：李干事', '整理日期', '检查人：王主席', '检查日期']) expect(t).toContain(s);
    const sp = write('spine.pdf', (await formPdfBytes(ctx, 2026, 'spine')).bytes);
    const s = text(sp).replace(/\s+/g, '');
    for (const w of ['全宗号', 'Z109', '年度', '保管期限', '起止件号', '0001', '盒号']) expect(s).toContain(w);
  });
});
