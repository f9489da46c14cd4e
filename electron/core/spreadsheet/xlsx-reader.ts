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
import { MAX_CELL_CHARS, decodeRef, readSheetXml } from './xlsx-sheet';

export { decodeRef };
import { builtinFormat, formatInfo, type FormatInfo } from './number-format';
import { attr, attrLocal, attrText, decodeOoxmlEscapes, decodeXml, detach, scanXml, type XmlHandler } from './xml-scan';
import { ZipFile, type ZipEntry } from './zip';
import { resolveLimits, type OpenOptions, type ReadOptions, type SheetGrid, type SheetInfo, type WorkbookReader } from './types';

const SMALL_PART = 64 * 1024 * 1024;
/** Shared strings are all held in memory, so their total is capped (about 256 MB of UTF-16). */
const MAX_SHARED_CHARS = 128 * 1024 * 1024;

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
    open(name, buf, as, ae) {
      if (name !== 'Relationship') return;
      const a = attrText(buf, as, ae);
      if (attr(a, 'TargetMode') === 'External') return;
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

async function readSharedStrings(zip: ZipFile, e: ZipEntry, cap: number, maxCount: number): Promise<string[]> {
  const out: string[] = [];
  let cur = '';
  let total = 0;
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
      else if (name === 'si') {
        if (out.length >= maxCount) throw refuse(MSG.tooManyCells(maxCount));
        out.push(detach(decodeOoxmlEscapes(decodeXml(cur))));
      }
    },
    text(buf, s, e) {
      total += e - s;
      if (total > MAX_SHARED_CHARS || cur.length > MAX_CELL_CHARS) throw refuse(MSG.tooMuchText);
      cur += buf.slice(s, e);
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
    open(name, buf, as, ae) {
      const a = attrText(buf, as, ae);
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
    open(name, buf, as, ae) {
      const a = attrText(buf, as, ae);
      // Only the main workbookPr says it: the x15:workbookPr of an extension list (same local name) does not.
      if (name === 'workbookPr') {
        const v = attr(a, 'date1904');
        if (v !== undefined) date1904 = /^(1|true)$/i.test(v);
      }
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
      shared ??= ssEntry ? readSharedStrings(zip, ssEntry, limits.maxPartBytes, limits.maxCells) : Promise.resolve([]);
      const stPart = relOfType('styles');
      const stEntry = stPart ? zip.get(stPart) : undefined;
      styles ??= stEntry ? readStyles(zip, stEntry) : Promise.resolve([]);
      return readSheetXml(zip, entry, sheet.name, await shared, await styles, date1904, limits);
    },
    close: () => zip.close(),
  };
}

