/**
 * Legacy .xls (BIFF8, Excel 97–2003 and what WPS still saves as .xls) → SheetGrid. The OLE2 container is read
 * by the `cfb` package; Excel 95's BIFF5 and Excel 2003 XML go to SheetJS (sheetjs-reader.ts). This reader is
 * kept for BIFF8 because it is measurably better there: on a 65,536-row roster it needs ~1/6 of SheetJS's CPU
 * time and ~1/5 of its memory, with the same cells, merges and dates (README.md, "Measurement").
 *
 * A BIFF8 workbook stream is a list of records [type u16][length u16][data]. The globals substream holds the
 * shared string table (SST, split over CONTINUE records), number formats (FORMAT), cell formats (XF), the
 * 1904 flag (DATEMODE), the password marker (FILEPASS) and one BOUNDSHEET per sheet pointing at that sheet's
 * own substream. Only the records that carry values and merges are read; everything else is skipped.
 * Reference: [MS-XLS] 2.4 (record layouts) and 2.5.293 / 2.5.294 (strings).
 */
import { MSG, refuse } from './messages';
import { builtinFormat, makeBoolCell, makeNumberCell, makeTextCell, type FormatInfo, formatInfo } from './number-format';
import { GridBuilder } from './grid-builder';
import type { Cell, ReadOptions, ResolvedLimits, SheetGrid, SheetInfo, WorkbookReader } from './types';
import { resolveLimits, type OpenOptions } from './types';

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  BOUNDSHEET: 0x0085,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  ARRAY: 0x0221,
  TABLE: 0x0236,
  MERGEDCELLS: 0x00e5,
} as const;

const corrupt = () => refuse(MSG.corrupt);

/** BIFF error codes ([MS-XLS] 2.5.97.2 BErr) → the text Excel shows. */
export const BIFF_ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/** An error cell: no value, Excel's text (values.ts makes it a row error naming the cell). */
const errorCell = (code: number): Cell => ({ value: null, text: BIFF_ERRORS[code] ?? '#N/A' });

interface Rec {
  type: number;
  data: Buffer;
  /** Offset of the record header in the stream. */
  pos: number;
}

function* records(stream: Buffer, start: number): Generator<Rec> {
  let p = start;
  while (p + 4 <= stream.length) {
    const type = stream.readUInt16LE(p);
    const len = stream.readUInt16LE(p + 2);
    if (p + 4 + len > stream.length) throw corrupt();
    yield { type, data: stream.subarray(p + 4, p + 4 + len), pos: p };
    p += 4 + len;
  }
}

/** XLUnicodeString with a 16-bit (BIFF8 LABEL/FORMAT/STRING) or 8-bit (BOUNDSHEET) length. */
function readUnicodeString(b: Buffer, off: number, lenBytes: 1 | 2): string {
  if (off + lenBytes + 1 > b.length) throw corrupt();
  const cch = lenBytes === 2 ? b.readUInt16LE(off) : (b[off] as number);
  const flags = b[off + lenBytes] as number;
  let p = off + lenBytes + 1;
  if (flags & 0x08) p += 2; // rich-text run count (RSTRING-like), runs follow the text
  if (flags & 0x04) p += 4; // phonetic block size
  const wide = (flags & 0x01) !== 0;
  const end = Math.min(b.length, p + (wide ? cch * 2 : cch));
  return wide ? b.toString('utf16le', p, end - ((end - p) % 2)) : b.toString('latin1', p, end);
}

/**
 * The SST: strings may be split across CONTINUE records, and where the character data is split the new record
 * starts with a fresh flags byte (the string may switch between 8- and 16-bit characters there). Rich-text
 * runs and phonetic blocks after the characters are skipped, also across record boundaries. (Same walk as
 * xlrd's unpack_SST_table.)
 */
export function readSst(parts: Buffer[]): string[] {
  const first = parts[0];
  if (!first || first.length < 8) return [];
  const unique = first.readUInt32LE(4);
  const out: string[] = [];
  let pi = 0;
  let data = first;
  let pos = 8;
  const nextPart = () => {
    pi++;
    const next = parts[pi];
    if (!next) throw corrupt();
    data = next;
  };
  for (let i = 0; i < unique; i++) {
    if (pos >= data.length) {
      if (pi + 1 >= parts.length) break;
      nextPart();
      pos = 0;
    }
    if (pos + 3 > data.length) throw corrupt();
    const cch = data.readUInt16LE(pos);
    let flags = data[pos + 2] as number;
    pos += 3;
    let runs = 0;
    let ext = 0;
    if (flags & 0x08) {
      runs = data.readUInt16LE(pos);
      pos += 2;
    }
    if (flags & 0x04) {
      ext = data.readInt32LE(pos);
      pos += 4;
    }
    const pieces: string[] = [];
    let got = 0;
    for (;;) {
      const wide = (flags & 0x01) !== 0;
      const avail = wide ? (data.length - pos) >> 1 : data.length - pos;
      const take = Math.min(avail, cch - got);
      const bytes = wide ? take * 2 : take;
      pieces.push(data.toString(wide ? 'utf16le' : 'latin1', pos, pos + bytes));
      pos += bytes;
      got += take;
      if (got >= cch) break;
      nextPart();
      flags = data[0] as number;
      pos = 1;
    }
    out.push(pieces.length === 1 ? (pieces[0] as string) : pieces.join(''));
    pos += runs * 4 + Math.max(0, ext);
    while (pos > data.length) {
      pos -= data.length;
      nextPart();
    }
  }
  return out;
}

/** RK: a 30-bit integer or the top 30 bits of a double, optionally divided by 100. */
export function decodeRk(rk: number): number {
  let n: number;
  if (rk & 0x02) n = rk >> 2;
  else {
    const buf = Buffer.alloc(8);
    buf.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    n = buf.readDoubleLE(0);
  }
  return rk & 0x01 ? n / 100 : n;
}

interface BoundSheet {
  name: string;
  offset: number;
  hidden: boolean;
}

interface Globals {
  sst: string[];
  xfFormats: FormatInfo[];
  date1904: boolean;
  sheets: BoundSheet[];
}

function readGlobals(stream: Buffer): Globals {
  const formats = new Map<number, string>();
  const xfIfmt: number[] = [];
  const sheets: BoundSheet[] = [];
  const sstParts: Buffer[] = [];
  let inSst = false;
  let date1904 = false;
  let first = true;
  for (const r of records(stream, 0)) {
    if (first) {
      if (r.type !== R.BOF || r.data.length < 4) throw corrupt();
      if (r.data.readUInt16LE(0) !== 0x0600) throw refuse(MSG.oldBiff);
      first = false;
      continue;
    }
    if (r.type === R.CONTINUE && inSst) {
      sstParts.push(r.data);
      continue;
    }
    inSst = false;
    switch (r.type) {
      case R.FILEPASS:
        throw refuse(MSG.encrypted);
      case R.DATEMODE:
        date1904 = r.data.readUInt16LE(0) === 1;
        break;
      case R.FORMAT:
        formats.set(r.data.readUInt16LE(0), readUnicodeString(r.data, 2, 2));
        break;
      case R.XF:
        xfIfmt.push(r.data.readUInt16LE(2));
        break;
      case R.SST:
        inSst = true;
        sstParts.push(r.data);
        break;
      case R.BOUNDSHEET:
        // dt 0 = worksheet; charts (2), macro sheets (1) and VB modules (6) hold no records for us.
        if (r.data[5] === 0) {
          sheets.push({ offset: r.data.readUInt32LE(0), hidden: ((r.data[4] as number) & 0x03) !== 0, name: readUnicodeString(r.data, 6, 1) });
        }
        break;
      case R.EOF:
        return {
          sst: readSst(sstParts),
          xfFormats: xfIfmt.map((id) => formatInfo(formats.get(id) ?? builtinFormat(id))),
          date1904,
          sheets,
        };
    }
  }
  throw corrupt();
}

function readSheetRecords(stream: Buffer, g: Globals, sheet: BoundSheet, limits: ResolvedLimits): SheetGrid {
  const grid = new GridBuilder(sheet.name, limits);
  const fmt = (ixfe: number): FormatInfo | undefined => g.xfFormats[ixfe];
  let depth = 0;
  let pendingFormula: { row: number; col: number } | null = null;
  let count = 0;
  const sstCells: (Cell | undefined)[] = [];
  for (const r of records(stream, sheet.offset)) {
    const d = r.data;
    if (r.type === R.BOF) {
      depth++;
      continue;
    }
    if (r.type === R.EOF) {
      if (--depth <= 0) return grid.finish();
      continue;
    }
    if (depth !== 1) continue; // an embedded chart's substream
    if ((++count & 0xffff) === 0) grid.checkpoint();
    // A string formula's result follows in a STRING record, after its SHRFMLA / ARRAY / TABLE record if any.
    if (r.type !== R.STRING && r.type !== R.CONTINUE && r.type !== R.SHRFMLA && r.type !== R.ARRAY && r.type !== R.TABLE) pendingFormula = null;
    switch (r.type) {
      case R.LABELSST: {
        const idx = d.readUInt32LE(6);
        const s = g.sst[idx];
        // One Cell per shared string, reused wherever it appears (cells are read-only).
        if (s !== undefined) grid.set(d.readUInt16LE(0), d.readUInt16LE(2), (sstCells[idx] ??= makeTextCell(s)));
        break;
      }
      case R.LABEL:
      case R.RSTRING:
        grid.set(d.readUInt16LE(0), d.readUInt16LE(2), makeTextCell(readUnicodeString(d, 6, 2)));
        break;
      case R.NUMBER:
        grid.set(d.readUInt16LE(0), d.readUInt16LE(2), makeNumberCell(d.readDoubleLE(6), fmt(d.readUInt16LE(4)), g.date1904));
        break;
      case R.RK:
        grid.set(d.readUInt16LE(0), d.readUInt16LE(2), makeNumberCell(decodeRk(d.readUInt32LE(6)), fmt(d.readUInt16LE(4)), g.date1904));
        break;
      case R.MULRK: {
        const row = d.readUInt16LE(0);
        const col0 = d.readUInt16LE(2);
        const n = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < n; i++) {
          const o = 4 + i * 6;
          grid.set(row, col0 + i, makeNumberCell(decodeRk(d.readUInt32LE(o + 2)), fmt(d.readUInt16LE(o)), g.date1904));
        }
        break;
      }
      case R.BOOLERR:
        grid.set(d.readUInt16LE(0), d.readUInt16LE(2), d[7] === 0 ? makeBoolCell(d[6] !== 0) : errorCell(d[6] as number));
        break;
      case R.FORMULA: {
        const row = d.readUInt16LE(0);
        const col = d.readUInt16LE(2);
        if (d.readUInt16LE(12) === 0xffff) {
          const kind = d[6];
          if (kind === 0) pendingFormula = { row, col };
          else if (kind === 1) grid.set(row, col, makeBoolCell(d[8] !== 0));
          else if (kind === 2) grid.set(row, col, errorCell(d[8] as number));
        } else {
          grid.set(row, col, makeNumberCell(d.readDoubleLE(6), fmt(d.readUInt16LE(4)), g.date1904));
        }
        break;
      }
      case R.STRING:
        if (pendingFormula) {
          const s = readUnicodeString(d, 0, 2);
          if (s !== '') grid.set(pendingFormula.row, pendingFormula.col, makeTextCell(s));
          pendingFormula = null;
        }
        break;
      case R.MERGEDCELLS: {
        const n = d.readUInt16LE(0);
        for (let i = 0; i < n && 2 + i * 8 + 8 <= d.length; i++) {
          const o = 2 + i * 8;
          grid.merge(d.readUInt16LE(o), d.readUInt16LE(o + 2), d.readUInt16LE(o + 4), d.readUInt16LE(o + 6));
        }
        break;
      }
    }
  }
  throw corrupt();
}

/** True when a workbook stream starts with a BIFF8 BOF (else it is BIFF5, or older, for SheetJS). */
export function isBiff8(stream: Buffer): boolean {
  return stream.length >= 8 && stream.readUInt16LE(0) === R.BOF && stream.readUInt16LE(4) === 0x0600;
}

/** Opens the BIFF8 "Workbook" stream of an OLE container already read into memory. */
export function openXls(stream: Buffer, base: OpenOptions | undefined): WorkbookReader {
  const g = readGlobals(stream);
  const infos: SheetInfo[] = g.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
  return {
    format: 'xls',
    sheetNames: () => infos.map((s) => s.name),
    sheets: () => infos.map((s) => ({ ...s })),
    async readSheet(name: string, opts?: ReadOptions): Promise<SheetGrid> {
      const sheet = g.sheets.find((s) => s.name === name);
      if (!sheet) throw refuse(MSG.noSheet(name));
      const limits = resolveLimits(base, opts);
      const grid = readSheetRecords(stream, g, sheet, limits);
      limits.onProgress?.(1);
      return grid;
    },
    async close() {},
  };
}
