/**
 * A record printed as an archive document: a heading, its fields, and optional tables (the 交办/答复 steps of a
 * proposal, a roster, a catalogue). Record types' archive contributors describe their items as a RecordDoc,
 * so the binder prints every record type the same way without a template per type. The top 22 mm stay empty:
 * that is where the 归档章 goes (DA/T 22-2015: top centre of the first page, never over text).
 */
import type { ArchiveFileRef, ArchiveItemDraft } from '../archive/contributor';
import { html, lines, page } from './html';

export interface RecordDoc {
  title: string;
  subtitle?: string;
  fields?: { label: string; value: string | number | null | undefined }[];
  tables?: { heading?: string; headers: string[]; rows: (string | number | null | undefined)[][]; widths?: number[] }[];
  note?: string;
}

const CSS = `
@page { margin: 22mm 18mm 18mm 18mm; }
h1 { font-size: 16pt; margin: 0 0 3mm; letter-spacing: 1pt; }
.sub { text-align: center; margin: 0 0 5mm; }
table.kv td { border: 0.3mm solid #000; padding: 1.5mm 2mm; vertical-align: top; }
table.kv td.k { width: 32mm; font-weight: bold; background: #f3f3f3; }
h2 { font-size: 11pt; margin: 5mm 0 2mm; }
table.grid { font-size: 9pt; }
table.grid th, table.grid td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
.note { margin-top: 4mm; font-size: 9pt; }
`;

export function recordDocHtml(doc: RecordDoc): string {
  const body = html`<h1>${doc.title}</h1>${doc.subtitle ? html`<p class="sub">${doc.subtitle}</p>` : ''}
${doc.fields?.length ? html`<table class="kv">${doc.fields.map((f) => html`<tr><td class="k">${f.label}</td><td>${lines(f.value ?? '')}</td></tr>`)}</table>` : ''}
${(doc.tables ?? []).map(
  (t) => html`${t.heading ? html`<h2>${t.heading}</h2>` : ''}<table class="grid"><thead><tr>${t.headers.map(
    (h, i) => html`<th${t.widths?.[i] ? html` style="width:${t.widths[i]}mm"` : ''}>${h}</th>`,
  )}</tr></thead><tbody>${t.rows.length ? t.rows.map((r) => html`<tr>${r.map((c) => html`<td>${lines(c ?? '')}</td>`)}</tr>`) : html`<tr><td colspan="${t.headers.length}">（无）</td></tr>`}</tbody></table>`,
)}
${doc.note ? html`<p class="note">${lines(doc.note)}</p>` : ''}`;
  return page(body, { title: doc.title, css: CSS, marginMm: 22 });
}

/** An archive contributor's `render` for items whose data is `{ doc: RecordDoc }`, as every record type stores them. */
export function renderRecordDoc(_db: unknown, _kind: string, data: unknown): string | null {
  const doc = (data as { doc?: RecordDoc } | null)?.doc;
  return doc ? recordDocHtml(doc) : null;
}

/** An item whose record prints as a RecordDoc, with what such items share: no 密级, pages counted at 编号. */
export function docItem(d: Omit<ArchiveItemDraft, 'data' | 'renderHtml' | 'secrecy' | 'pages' | 'docNo' | 'files'> & { doc: RecordDoc; docNo?: string; files?: ArchiveFileRef[] }): ArchiveItemDraft {
  const { doc, docNo = '', files = [], ...rest } = d;
  return { ...rest, docNo, files, secrecy: '', pages: null, data: { doc }, renderHtml: () => recordDocHtml(doc) };
}
