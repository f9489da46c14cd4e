/**
 * The binder: one PDF per year per retention period — cover and catalogue, then every 件 in 件号 order: the
 * record printed as a document (when it is one), its scans merged page by page (images one per A4 page), and
 * the 归档章 on the item's first page, top centre, shifted by the 设置 offset. The HTML forms (catalogue, the
 * records, the stamps themselves, so the Chinese cells use the system's CJK fonts) are printed here through
 * the PdfPort, with turns of the event loop between records; pdf-lib merges, stamps and saves in the task
 * thread (archive.binder-assemble.ts), so the main process keeps drawing the window. Reads only.
 */
import type { Retention } from '../../../shared/domain/archive-labels';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { pacer } from '../pace';
import { html, page } from '../print/html';
import { catalogueHtml, STAMP_MM, stampTable } from '../print/archive-forms';
import { getSettings } from '../settings/settings.service';
import { runInThread } from '../threads/run-in-thread';
import { getArchiveConfig } from './archive.config';
import { BINDER_CANCELLED, binderAssembleTask, type BinderPiece } from './archive.binder-assemble';
import { renderMany } from './archive.batch-render';
import { itemRenderer } from './archive.render';
import * as repo from './archive.repo';
import { catalogued, fondsOf, stampOf, volumesOf } from './archive.print';
import { buildView } from './archive.view';
import { throwIfCancelled } from '../jobs';

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

export async function binderPdf(ctx: AppContext, year: number, retention: Retention, opts: { onProgress?: (p: BinderProgress) => void; signal?: AbortSignal } = {}): Promise<Buffer> {
  const pdf = ctx.ports.pdf;
  if (!pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const signal = opts.signal ?? new AbortController().signal;
  const v = buildView(ctx.db, year, getSettings(ctx));
  const items = catalogued(v, retention);
  if (!items.length) throw new AppError('VALIDATION', `${year} 年度没有已编号的${retention === 'Y' ? '永久' : retention === 'D30' ? '定期30年' : '定期10年'}文件，没有可装订的内容。`);
  const f = fondsOf(ctx, year);
  const cfg = getArchiveConfig(ctx.db);
  const rows = new Map(repo.listItems(ctx.db, year).map((r) => [r.id, r]));
  const render = itemRenderer(ctx, year);
  const check = () => throwIfCancelled(signal, BINDER_CANCELLED);
  const pace = pacer(10);
  const catalogue = await pdf.render(catalogueHtml(f, volumesOf(ctx, v, retention)), { landscape: true });
  await pace();
  // All stamps in one render: one 45 × 16 mm page each.
  const stamps = await pdf.render(page(html`${items.map((i) => html`<div class="s">${stampTable(stampOf(f, i))}</div>`)}`, { title: '归档章', marginMm: 0, css: STAMP_PAGE_CSS }));
  // Every record printed as a document, in as few print jobs as possible (archive.batch-render.ts); what each
  // 件 is made of, in order, refers to those prints by index.
  const htmls: string[] = [];
  const layout: ({ html: number } | { file: { sha256: string; mime: string } })[][] = [];
  for (const it of items) {
    await pace();
    const pieces: (typeof layout)[number] = [];
    for (const id of [it.id, ...it.parts.map((p) => p.id)]) {
      const r = rows.get(id)!;
      const h = render(r);
      if (h !== null) pieces.push({ html: htmls.push(h) - 1 });
      for (const file of JSON.parse(r.files_json) as { sha256: string; mime: string }[]) pieces.push({ file: { sha256: file.sha256, mime: file.mime } });
    }
    // A 件 with neither a record print nor a scan (paper only): a placeholder page carries its stamp.
    if (!pieces.length) pieces.push({ html: htmls.push(page(html`<p style="margin-top:30mm;text-align:center">${it.archiveCode}　${it.title}<br>（纸质文件，未扫描）</p>`, { title: it.title, css: '' })) - 1 });
    layout.push(pieces);
  }
  const total = items.length + htmls.length;
  const printed = await renderMany(pdf, htmls, (n) => {
    check();
    opts.onProgress?.({ done: n, total });
  });
  // The prints go to the thread as the bytes the PdfPort gave (several records share one PDF).
  const sources: { bytes: Uint8Array; marked: boolean }[] = [];
  const sourceOf = new Map<Uint8Array, number>();
  const ranges = printed.map((p) => {
    let source = sourceOf.get(p.bytes);
    if (source === undefined) sourceOf.set(p.bytes, (source = sources.push({ bytes: p.bytes, marked: p.marked }) - 1));
    return { source, start: p.start, count: p.count };
  });
  check();
  const bytes = await runInThread(
    ctx,
    { signal, progress: (_label, done, of) => opts.onProgress?.({ done, total: of ?? total }) },
    binderAssembleTask,
    {
      title: `${year}年度${retention}归档文件`,
      filesDir: ctx.paths.filesDir,
      catalogue,
      stamps,
      sources,
      items: layout.map((pieces) => ({ pieces: pieces.map((p): BinderPiece => ('html' in p ? { printed: ranges[p.html]! } : p)) })),
      stampOffsetMm: { x: cfg.stampOffsetXmm, y: cfg.stampOffsetYmm },
      progressFrom: htmls.length,
      progressTotal: total,
    },
    sources.map((x) => x.bytes),
  );
  opts.onProgress?.({ done: total, total });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
