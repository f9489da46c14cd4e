/**
 * .xlsx → SheetGrid in one streaming pass over the sheet XML: cells, merges and the row cap together.
 *
 * Why not exceljs's reader: its streaming WorkbookReader drops merge information, turns the zh-CN built-in
 * date formats (ids 27–36, 50–58) into plain numbers because it only knows their codes by locale, keeps the
 * phonetic guide instead of the text of a shared string with <rPh>, keeps only the last run of a rich inline
 * string, and builds a Row and Cell object per cell with its style — which is where most of its time goes.
 * Its non-streaming reader holds the whole workbook model in memory. Reading the parts directly is ~200
 * lines, shares the zip-bomb and row caps, and takes a fraction of exceljs's time (see README.md).
 */
import posix from 'node:path/posix';
import { MSG, refuse } from './messages';
import { GridBuilder, EXCEL_MAX_COLS } from './grid-builder';
import { builtinFormat, formatDate, formatInfo, makeBoolCell, makeNumberCell, makeTextCell, type FormatInfo } from './number-format';
import { attr, attrLocal, decodeOoxmlEscapes, decodeXml, scanXml, type XmlHandler } from './xml-scan';
import { ZipFile, type ZipEntry } from './zip';
import { resolveLimits, type Cell, type OpenOptions, type ReadOptions, type SheetGrid, type SheetInfo, type WorkbookReader } from './types';

const SMALL_PART = 64 * 1024 * 1024;

interface Rel {
  type: string;
  target: string;
}

async function readXml(zip: ZipFile, e: ZipEntry, handler: XmlHandler, cap = SMALL_PART): Promise<void> {
  await scanXml(zip.stream(e, cap), handler);
}

/** Relationships of a part: Id → { type (last path segment), absolute target part name }. */
async function readRels(zip: ZipFile, partDir: string, relsPath: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  const e = zip.get(relsPath);
  if (!e) return rels;
  await readXml(zip, e, {
    wantText: false,
    open(name, a) {
      if (name !== 'Relationship' || attr(a, 'TargetMode') === 'External') return;
      const id = attr(a, 'Id');
      const target = attr(a, 'Target');
      if (!id || !target) return;
      const type = (attr(a, 'Type') ?? '').split('/').pop() ?? '';
      const abs = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(partDir, target));
      rels.set(id, { type, target: abs });
    },
    close() {},
    text() {},
  });
  return rels;
}

interface SheetRef extends SheetInfo {
  part: string;
}

/** Column letters of a cell reference (A → 0, AB → 27) and its 1-based row number, or null. */
export function decodeRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === 0 || col > EXCEL_MAX_COLS) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return { row, col: col - 1 };
}

async function readSharedStrings(zip: ZipFile, e: ZipEntry, cap: number): Promise<string[]> {
  const out: string[] = [];
  let cur = '';
  let inPhonetic = false;
  const h: XmlHandler = {
    wantText: false,
    open(name) {
      if (name === 'si') cur = '';
      else if (name === 't') h.wantText = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') h.wantText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') out.push(decodeOoxmlEscapes(decodeXml(cur)));
    },
    text(raw) {
      cur += raw;
    },
  };
  await readXml(zip, e, h, cap);
  return out;
}

async function readStyles(zip: ZipFile, e: ZipEntry): Promise<FormatInfo[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await readXml(zip, e, {
    wantText: false,
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(attr(a, 'numFmtId')), attr(a, 'formatCode') ?? 'General');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(attr(a, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs.map((id) => formatInfo(custom.get(id) ?? builtinFormat(id)));
}

/** t="d" cells hold an ISO 8601 date-time; its wall-clock value goes into UTC fields like every grid Date. */
function isoCell(raw: string): Cell | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw);
  if (!m) return makeTextCell(raw);
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  const code = m[4] ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
  return { value: d, text: formatDate(d, code), numFmt: code, isDateFormat: true };
}

export async function openXlsx(zip: ZipFile, base: OpenOptions | undefined): Promise<WorkbookReader> {
  const rootRels = await readRels(zip, '', '_rels/.rels');
  const bookPart = [...rootRels.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const bookEntry = zip.get(bookPart);
  if (!bookEntry || !bookPart.endsWith('.xml')) throw refuse(bookPart.endsWith('.bin') ? MSG.xlsb : MSG.notSpreadsheet);
  const bookDir = posix.dirname(bookPart);
  const rels = await readRels(zip, bookDir, posix.join(bookDir, '_rels', `${posix.basename(bookPart)}.rels`));

  let date1904 = false;
  const sheets: SheetRef[] = [];
  await readXml(zip, bookEntry, {
    wantText: false,
    open(name, a) {
      if (name === 'workbookPr') date1904 = /^(1|true)$/i.test(attr(a, 'date1904') ?? '');
      else if (name === 'sheet') {
        const rel = rels.get(attrLocal(a, 'id') ?? '');
        if (rel?.type !== 'worksheet') return; // chartsheet, dialogsheet, macrosheet
        const state = attr(a, 'state') ?? 'visible';
        sheets.push({ name: attr(a, 'name') ?? '', hidden: state !== 'visible', part: rel.target });
      }
    },
    close() {},
    text() {},
  });

  const relOfType = (t: string) => [...rels.values()].find((r) => r.type === t)?.target;
  let shared: Promise<string[]> | null = null;
  let styles: Promise<FormatInfo[]> | null = null;

  return {
    format: 'xlsx',
    sheetNames: () => sheets.map((s) => s.name),
    sheets: () => sheets.map(({ name, hidden }) => ({ name, hidden })),
    async readSheet(name: string, opts?: ReadOptions): Promise<SheetGrid> {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw refuse(MSG.noSheet(name));
      const entry = zip.get(sheet.part);
      if (!entry) throw refuse(MSG.corrupt);
      const limits = resolveLimits(base, opts);
      const ssPart = relOfType('sharedStrings');
      const ssEntry = ssPart ? zip.get(ssPart) : undefined;
      shared ??= ssEntry ? readSharedStrings(zip, ssEntry, limits.maxPartBytes) : Promise.resolve([]);
      const stPart = relOfType('styles');
      const stEntry = stPart ? zip.get(stPart) : undefined;
      styles ??= stEntry ? readStyles(zip, stEntry) : Promise.resolve([]);
      return readSheetXml(zip, entry, sheet.name, await shared, await styles, date1904, limits);
    },
    close: () => zip.close(),
  };
}

async function readSheetXml(
  zip: ZipFile,
  entry: ZipEntry,
  name: string,
  sst: string[],
  xfs: FormatInfo[],
  date1904: boolean,
  limits: ReturnType<typeof resolveLimits>,
): Promise<SheetGrid> {
  const grid = new GridBuilder(name, limits);
  let row = -1;
  let col = -1;
  let type = '';
  let style = 0;
  let inCell = false;
  let inInline = false;
  let inPhonetic = false;
  let v = '';
  let inlineText = '';
  let target: 'v' | 'is' | null = null;
  let count = 0;

  const h: XmlHandler = {
    wantText: false,
    open(tag, a) {
      switch (tag) {
        case 'c': {
          const ref = attr(a, 'r');
          const pos = ref ? decodeRef(ref) : null;
          if (pos) {
            col = pos.col;
            if (pos.row > 0) row = pos.row - 1;
          } else col++;
          type = attr(a, 't') ?? '';
          const s = attr(a, 's');
          style = s ? Number(s) : 0;
          inCell = true;
          v = '';
          inlineText = '';
          if ((++count & 0x3fff) === 0) grid.checkpoint();
          break;
        }
        case 'v':
          if (inCell) {
            target = 'v';
            h.wantText = true;
          }
          break;
        case 'is':
          inInline = inCell;
          break;
        case 't':
          if (inInline && !inPhonetic) {
            target = 'is';
            h.wantText = true;
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'row': {
          const r = attr(a, 'r');
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          break;
        }
        case 'mergeCell': {
          const [from, to] = (attr(a, 'ref') ?? '').split(':');
          const p = from ? decodeRef(from) : null;
          const q = to ? decodeRef(to) : null;
          if (p && q && p.row > 0 && q.row > 0) grid.merge(p.row - 1, q.row - 1, p.col, q.col);
          break;
        }
      }
    },
    close(tag) {
      switch (tag) {
        case 'v':
        case 't':
          h.wantText = false;
          target = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          if (inCell) grid.set(row, col, finishCell());
          inCell = false;
          break;
      }
    },
    text(raw) {
      if (target === 'v') v += raw;
      else if (target === 'is') inlineText += raw;
    },
  };

  const finishCell = (): Cell | undefined => {
    switch (type) {
      case 's': {
        const s = sst[Number(v)];
        return s === undefined || v === '' ? undefined : makeTextCell(s);
      }
      case 'inlineStr':
        return makeTextCell(decodeOoxmlEscapes(decodeXml(inlineText || v)));
      case 'str':
        return makeTextCell(decodeOoxmlEscapes(decodeXml(v)));
      case 'b':
        return v === '' ? undefined : makeBoolCell(v === '1' || v === 'true');
      case 'e':
        return v === '' ? undefined : { value: null, text: decodeXml(v) };
      case 'd':
        return v === '' ? undefined : isoCell(v);
      default:
        if (v === '') return undefined;
        return makeNumberCell(Number(v), xfs[style], date1904);
    }
  };

  let consumed = 0;
  let reported = 0;
  const total = Math.max(1, entry.compressedSize);
  const onProgress = limits.onProgress;
  await scanXml(
    zip.stream(entry, limits.maxPartBytes, {
      signal: limits.signal,
      onCompressedBytes: onProgress
        ? (n) => {
            consumed += n;
            if (consumed - reported > total / 100) {
              reported = consumed;
              onProgress(Math.min(1, consumed / total));
            }
          }
        : undefined,
    }),
    h,
  );
  onProgress?.(1);
  return grid.finish();
}
