/**
 * The binder: one PDF per year per retention period — cover and catalogue, then every 件 in 件号 order: the
 * record printed as a document (when it is one), its scans merged page by page (images one per A4 page), and
 * the 归档章 on the item's first page, top centre, shifted by the 设置 offset. pdf-lib merges and stamps; the
 * HTML forms (catalogue, the records, the stamps themselves, so the Chinese cells use the system's CJK fonts)
 * come from the PdfPort. Reads only.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { Retention } from '../../../shared/domain/archive-labels';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { pacer } from '../pace';
import { html, page } from '../print/html';
import { catalogueHtml, STAMP_MM, stampTable } from '../print/archive-forms';
import { getSettings } from '../settings/settings.service';
import { getArchiveConfig } from './archive.config';
import { readStored } from './archive.files';
import { copyPrinted, renderMany } from './archive.batch-render';
import { itemRenderer } from './archive.render';
import * as repo from './archive.repo';
import { catalogued, fondsOf, stampOf, volumesOf } from './archive.print';
import { buildView } from './archive.view';

const MM = 72 / 25.4;
const A4 = { w: 210 * MM, h: 297 * MM };

export interface BinderProgress {
  done: number;
  total: number;
}

const STAMP_PAGE_CSS = `@page { size: ${STAMP_MM.width}mm ${STAMP_MM.height}mm; margin: 0; }
.s { width: ${STAMP_MM.width}mm; height: ${STAMP_MM.height}mm; break-after: page; overflow: hidden; }
/* Collapsed borders straddle the cell edges: inset by half a border so the outer lines fall on 0 and 45 mm, not off the page. */
.stamp { width: ${STAMP_MM.width - 0.3}mm; height: ${STAMP_MM.height - 0.3}mm; margin: 0.15mm; border-collapse: collapse; table-layout: fixed; }
.stamp td { width: ${(STAMP_MM.width - 0.3) / 3}mm; height: ${(STAMP_MM.height - 0.3) / 2}mm; border: 0.3mm solid #d00000; padding: 0; text-align: center;
  vertical-align: middle; font-size: 7.5pt; line-height: 1; white-space: nowrap; overflow: hidden; }`;

async function placeImage(out: PDFDocument, bytes: Buffer, mime: string): Promise<void> {
  const img = mime === 'image/png' ? await out.embedPng(bytes) : await out.embedJpg(bytes);
  const p = out.addPage([A4.w, A4.h]);
  // Fit inside the page below the stamp band (25 mm top, 10 mm elsewhere), keeping the aspect ratio.
  const boxW = A4.w - 20 * MM;
  const boxH = A4.h - 35 * MM;
  const scale = Math.min(boxW / img.width, boxH / img.height, 1.5);
  const w = img.width * scale;
  const h = img.height * scale;
  p.drawImage(img, { x: (A4.w - w) / 2, y: 10 * MM + (boxH - h), width: w, height: h });
}

export async function binderPdf(ctx: AppContext, year: number, retention: Retention, opts: { onProgress?: (p: BinderProgress) => void; signal?: AbortSignal } = {}): Promise<Buffer> {
  const pdf = ctx.ports.pdf;
  if (!pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const v = buildView(ctx.db, year, getSettings(ctx));
  const items = catalogued(v, retention);
  if (!items.length) throw new AppError('VALIDATION', `${year} 年度没有已编号的${retention === 'Y' ? '永久' : retention === 'D30' ? '定期30年' : '定期10年'}文件，没有可装订的内容。`);
  const f = fondsOf(ctx, year);
  const cfg = getArchiveConfig(ctx.db);
  const rows = new Map(repo.listItems(ctx.db, year).map((r) => [r.id, r]));
  const render = itemRenderer(ctx, year);
  const out = await PDFDocument.create();
  out.setTitle(`${year}年度${retention}归档文件`);
  out.setProducer('工会台账');
  const check = () => {
    if (opts.signal?.aborted) throw new AppError('CANCELLED', '已取消生成装订 PDF，没有写入任何文件。');
  };
  const cat = await PDFDocument.load(await pdf.render(catalogueHtml(f, volumesOf(ctx, v, retention)), { landscape: true }));
  for (const p of await out.copyPages(cat, cat.getPageIndices())) out.addPage(p);
  // All stamps in one render: one 45 × 16 mm page each.
  const stampDoc = await PDFDocument.load(
    await pdf.render(page(html`${items.map((i) => html`<div class="s">${stampTable(stampOf(f, i))}</div>`)}`, { title: '归档章', marginMm: 0, css: STAMP_PAGE_CSS })),
  );
  const stamps = await out.embedPages(stampDoc.getPages().slice(0, items.length));
  // pdf-lib compresses embedded pages when the document is saved, all in one synchronous loop (a thousand
  // stamps held the main process for over a second): embed them here, a few at a time, with turns between.
  const pace = pacer();
  for (const s of stamps) {
    await s.embed();
    await pace();
  }
  // Every record printed as a document, in as few print jobs as possible (archive.batch-render.ts).
  const parts = items.map((it) => [it.id, ...it.parts.map((p) => p.id)].map((id) => rows.get(id)!));
  const htmls: string[] = [];
  const htmlAt = new Map<number, number>();
  const placeholderAt = new Map<number, number>();
  items.forEach((it, n) => {
    let printedAny = false;
    for (const r of parts[n]!) {
      const h = render(r);
      if (h !== null) {
        htmlAt.set(r.id, htmls.length);
        htmls.push(h);
        printedAny = true;
      }
      if ((JSON.parse(r.files_json) as unknown[]).length) printedAny = true;
    }
    // A 件 with neither a record print nor a scan (paper only): a placeholder page carries its stamp.
    if (!printedAny) {
      placeholderAt.set(it.id, htmls.length);
      htmls.push(page(html`<p style="margin-top:30mm;text-align:center">${it.archiveCode}　${it.title}<br>（纸质文件，未扫描）</p>`, { title: it.title, css: '' }));
    }
  });
  const total = items.length + htmls.length;
  const printed = await copyPrinted(
    out,
    await renderMany(pdf, htmls, (n) => {
      check();
      opts.onProgress?.({ done: n, total });
    }),
  );
  for (let n = 0; n < items.length; n++) {
    await pace();
    check();
    const it = items[n]!;
    const first = out.getPageCount();
    for (const r of parts[n]!) {
      const at = htmlAt.get(r.id);
      if (at !== undefined) for (const p of printed[at]!) out.addPage(p);
      await appendFiles(ctx, out, r);
    }
    const ph = placeholderAt.get(it.id);
    if (ph !== undefined) for (const p of printed[ph]!) out.addPage(p);
    drawStamp(out.getPage(first), stamps[n]!, cfg.stampOffsetXmm, cfg.stampOffsetYmm);
    opts.onProgress?.({ done: htmls.length + n + 1, total });
  }
  check();
  // Saving writes every object; fewer per turn than pdf-lib's 50 keeps each turn of the event loop short.
  return Buffer.from(await out.save({ objectsPerTick: 10 }));
}

/** A part's scans: PDFs page by page, images one per A4 page. */
async function appendFiles(ctx: AppContext, out: PDFDocument, r: repo.ItemRow): Promise<void> {
  for (const file of JSON.parse(r.files_json) as { sha256: string; mime: string; name: string }[]) {
    const bytes = readStored(ctx.paths.filesDir, file.sha256);
    if (file.mime === 'application/pdf') {
      const doc = await PDFDocument.load(bytes, { ignoreEncryption: true });
      for (const p of await out.copyPages(doc, doc.getPageIndices())) out.addPage(p);
    } else {
      await placeImage(out, bytes, file.mime);
    }
  }
}

/** Top centre of the page (its own size: scans are not always A4), shifted by the offset setting. */
function drawStamp(p: PDFPage, stamp: Awaited<ReturnType<PDFDocument['embedPages']>>[number], dxMm: number, dyMm: number): void {
  const { width, height } = p.getSize();
  const w = STAMP_MM.width * MM;
  const h = STAMP_MM.height * MM;
  p.drawPage(stamp, { x: (width - w) / 2 + dxMm * MM, y: height - dyMm * MM - h, width: w, height: h });
}
