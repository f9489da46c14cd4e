/**
 * Many records printed in one PdfPort call instead of one call each (a 1,000-件 year would otherwise start
 * 1,000 print jobs). Documents that share their stylesheet are put in one HTML, each in its own block that
 * starts a new page; consecutive blocks alternate between two named pages 0.2 mm apart in width, so the
 * item boundaries can be read back from the page sizes of the one PDF; whoever merges the pages sets them
 * back to A4 (`toA4`). Any document that does not fit the pattern (or a count that does not add up) is
 * rendered on its own.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { PdfPort } from '../context.types';
import { pacer } from '../pace';

const A4_W = (210 / 25.4) * 72;
const HEAD = /<style>([\s\S]*?)<\/style>/;
const BODY = /<body>([\s\S]*)<\/body>/;
const BATCH = 250;

interface Parsed {
  css: string;
  body: string;
}

function parse(html: string): Parsed | null {
  const css = HEAD.exec(html)?.[1];
  const body = BODY.exec(html)?.[1];
  return css !== undefined && body !== undefined ? { css, body } : null;
}

const MARKS = `
@page archive-item-a { size: 210mm 297mm; }
@page archive-item-b { size: 210.2mm 297mm; }
.archive-item { break-before: page; }
.archive-item:first-child { break-before: auto; }
.archive-item-a { page: archive-item-a; }
.archive-item-b { page: archive-item-b; }`;

/** Where one document's pages are: a range of pages of a PDF several documents share (fonts embedded once). */
export interface Printed {
  start: number;
  count: number;
  /**
   * The PDF as the PdfPort gave it. Only its page boundaries are read here (the parsed document is let go at
   * once: a 250-record print parsed by pdf-lib is a large heap for the main process to collect); whoever
   * merges it loads it again (the binder, in the task thread: archive.binder-assemble.ts).
   */
  bytes: Uint8Array;
  /** A batch of several documents: its marked pages (0.2 mm wider) are set back to A4 once loaded (`toA4`). */
  marked: boolean;
}

const wide = (p: PDFPage) => p.getWidth() > A4_W + 0.3;

/** A batch's marked pages back to A4 (the pages were loaded anew from `Printed.bytes`). */
export function toA4(doc: PDFDocument): void {
  for (const p of doc.getPages()) if (wide(p)) p.setMediaBox(0, 0, A4_W, p.getHeight());
}

async function renderRun(pdf: PdfPort, css: string, bodies: readonly string[], pace: () => Promise<void>): Promise<Printed[] | null> {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}${MARKS}</style></head><body>${bodies
    .map((b, i) => `<div class="archive-item archive-item-${i % 2 ? 'b' : 'a'}">${b}</div>`)
    .join('')}</body></html>`;
  const bytes = await pdf.render(html);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: Printed[] = [];
  let last = -1;
  const pages = doc.getPages();
  for (let i = 0; i < pages.length; i++) {
    const w = wide(pages[i]!) ? 1 : 0;
    if (w !== last) out.push({ start: i, count: 0, bytes, marked: true });
    last = w;
    out[out.length - 1]!.count += 1;
    await pace();
  }
  return out.length === bodies.length ? out : null;
}

/** Where each HTML document's pages are, in order, with as few print jobs as possible. */
export async function renderMany(pdf: PdfPort, htmls: readonly string[], onDone?: (n: number) => void): Promise<Printed[]> {
  const out: (Printed | null)[] = htmls.map(() => null);
  const parsed = htmls.map(parse);
  // Turns of the event loop while pages are read: this runs on the main process, beside the window.
  const pace = pacer(10);
  let i = 0;
  while (i < htmls.length) {
    const first = parsed[i];
    let j = i + 1;
    if (first) while (j < htmls.length && j - i < BATCH && parsed[j]?.css === first.css) j++;
    const run = first ? await renderRun(pdf, first.css, parsed.slice(i, j).map((p) => p!.body), pace) : null;
    if (run) run.forEach((d, k) => (out[i + k] = d));
    else {
      for (let k = i; k < j; k++) {
        const bytes = await pdf.render(htmls[k]!);
        const doc = await PDFDocument.load(bytes, { updateMetadata: false });
        out[k] = { start: 0, count: doc.getPageCount(), bytes, marked: false };
      }
    }
    i = j;
    onDone?.(i);
  }
  return out as Printed[];
}

/** Copies every printed page into `target` once per source PDF; returns each document's copied pages. */
export async function copyPrinted(target: PDFDocument, printed: readonly { doc: PDFDocument; start: number; count: number }[]): Promise<PDFPage[][]> {
  const copied = new Map<PDFDocument, PDFPage[]>();
  for (const p of printed) {
    if (!copied.has(p.doc)) copied.set(p.doc, await target.copyPages(p.doc, p.doc.getPageIndices()));
  }
  return printed.map((p) => copied.get(p.doc)!.slice(p.start, p.start + p.count));
}
