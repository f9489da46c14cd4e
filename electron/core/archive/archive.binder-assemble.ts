/**
 * The binder's PDF put together from what the main process printed: pdf-lib merges every printed record and
 * scan page by page, stamps each 件's first page with its 归档章 and saves. That is seconds of work in one
 * piece after another (copying a 250-record print, embedding a thousand stamps, compressing on save), and
 * in Electron the main process draws nothing while it works, so it runs in the task thread (threads/): the
 * main process only prints, through the PdfPort, which it alone has. Reads files from the store, writes nothing.
 */
import { PDFDocument, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import { blobPath } from '../files/attachments';
import { STAMP_MM } from '../print/archive-forms';
import { defineTask, type ThreadEnv } from '../threads/task';
import fs from 'node:fs';
import { copyPrinted, toA4 } from './archive.batch-render';
import { throwIfCancelled } from '../jobs';

export const BINDER_CANCELLED = '已取消生成装订 PDF，没有写入任何文件。';

const MM = 72 / 25.4;
const A4 = { w: 210 * MM, h: 297 * MM };

/** A range of pages of one of the printed PDFs. */
export interface PrintedRange {
  source: number;
  start: number;
  count: number;
}

/** What goes into one 件, in order: printed records (the record, a placeholder page) and stored scans. */
export type BinderPiece = { printed: PrintedRange } | { file: { sha256: string; mime: string } };

export interface BinderInput {
  title: string;
  filesDir: string;
  /** The catalogue (landscape), printed whole. */
  catalogue: Uint8Array;
  /** One 45 × 16 mm page per 件, in the items' order. */
  stamps: Uint8Array;
  /** The PdfPort's PDFs the records are in; `marked` ones are batches whose pages go back to A4 (batch-render). */
  sources: { bytes: Uint8Array; marked: boolean }[];
  items: { pieces: BinderPiece[] }[];
  stampOffsetMm: { x: number; y: number };
  /** Progress counts on from here (the main process reported the printing before). */
  progressFrom: number;
  progressTotal: number;
}

async function placeImage(out: PDFDocument, bytes: Buffer, mime: string): Promise<PDFPage> {
  const img = mime === 'image/png' ? await out.embedPng(bytes) : await out.embedJpg(bytes);
  const p = out.addPage([A4.w, A4.h]);
  // Fit inside the page below the stamp band (25 mm top, 10 mm elsewhere), keeping the aspect ratio.
  const boxW = A4.w - 20 * MM;
  const boxH = A4.h - 35 * MM;
  const scale = Math.min(boxW / img.width, boxH / img.height, 1.5);
  const w = img.width * scale;
  const h = img.height * scale;
  p.drawImage(img, { x: (A4.w - w) / 2, y: 10 * MM + (boxH - h), width: w, height: h });
  return p;
}

/** A stored scan: a PDF page by page, an image on an A4 page of its own. Returns the pages added. */
async function appendFile(out: PDFDocument, filesDir: string, file: { sha256: string; mime: string }): Promise<PDFPage[]> {
  const bytes = fs.readFileSync(blobPath(filesDir, file.sha256));
  if (file.mime !== 'application/pdf') return [await placeImage(out, bytes, file.mime)];
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true });
  return (await out.copyPages(doc, doc.getPageIndices())).map((p) => out.addPage(p));
}

/** Top centre of the page (its own size: scans are not always A4), shifted by the offset setting. */
function drawStamp(p: PDFPage, stamp: PDFEmbeddedPage, dxMm: number, dyMm: number): void {
  const { width, height } = p.getSize();
  const w = STAMP_MM.width * MM;
  const h = STAMP_MM.height * MM;
  p.drawPage(stamp, { x: (width - w) / 2 + dxMm * MM, y: height - dyMm * MM - h, width: w, height: h });
}

export async function assembleBinder(env: Pick<ThreadEnv, 'progress' | 'signal'>, input: BinderInput): Promise<Uint8Array> {
  const check = () => throwIfCancelled(env.signal, BINDER_CANCELLED);
  const out = await PDFDocument.create();
  out.setTitle(input.title);
  out.setProducer('工会台账');
  const cat = await PDFDocument.load(input.catalogue);
  for (const p of await out.copyPages(cat, cat.getPageIndices())) out.addPage(p);
  const stampDoc = await PDFDocument.load(input.stamps);
  const stamps = await out.embedPages(stampDoc.getPages().slice(0, input.items.length));
  const docs: PDFDocument[] = [];
  for (const s of input.sources) {
    check();
    const doc = await PDFDocument.load(s.bytes, { updateMetadata: false });
    if (s.marked) toA4(doc);
    docs.push(doc);
  }
  // Every printed range copied once per source PDF, so the fonts a batch shares are embedded once.
  const ranges = input.items.flatMap((it) => it.pieces.flatMap((p) => ('printed' in p ? [p.printed] : [])));
  const copied = await copyPrinted(out, ranges.map((r) => ({ doc: docs[r.source]!, start: r.start, count: r.count })));
  let next = 0;
  for (let n = 0; n < input.items.length; n++) {
    check();
    let first: PDFPage | undefined;
    for (const piece of input.items[n]!.pieces) {
      const pages = 'printed' in piece ? copied[next++]!.map((p) => out.addPage(p)) : await appendFile(out, input.filesDir, piece.file);
      first ??= pages[0];
    }
    // Every 件 has a page: its record, a scan or the placeholder the main process printed for a paper-only one.
    if (first) drawStamp(first, stamps[n]!, input.stampOffsetMm.x, input.stampOffsetMm.y);
    env.progress('正在装订', input.progressFrom + n + 1, input.progressTotal);
  }
  check();
  return out.save();
}

/** The task thread's entry (thread-tasks.ts); the database is not read. */
export const binderAssembleTask = defineTask<BinderInput, Uint8Array>({
  name: 'archive.binderAssemble',
  writes: false,
  run: (env, input) => assembleBinder(env, input),
});
