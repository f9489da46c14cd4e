/**
 * The sheet part of an .xlsx (xl/worksheets/sheetN.xml) → SheetGrid, in one streaming pass: cells, merges and
 * the row cap together. The hot path builds no string for markup it does not need: cell attributes are read
 * straight from the decoded chunk, and a <v> value stays a range of that chunk until its cell closes.
 */
import { MSG, refuse } from './messages';
import { EXCEL_MAX_COLS, GridBuilder } from './grid-builder';
import { formatDate, makeBoolCell, makeNumberCell, makeTextCell, type FormatInfo } from './number-format';
import { attr, attrText, decodeOoxmlEscapes, decodeXml, detach, scanXml, type XmlHandler } from './xml-scan';
import type { ZipEntry, ZipFile } from './zip';
import type { Cell, ResolvedLimits, SheetGrid } from './types';

/** Excel holds at most 32,767 characters in a cell; far more than that is a damaged or crafted file. */
export const MAX_CELL_CHARS = 1_000_000;

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


/** t="d" cells hold an ISO 8601 date-time; its wall-clock value goes into UTC fields like every grid Date. */
function isoCell(raw: string): Cell | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw);
  if (!m) return makeTextCell(raw);
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  const code = m[4] ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
  return { value: d, text: formatDate(d, code), numFmt: code, isDateFormat: true };
}

/** Distinct numeric cells remembered for sharing; past this (序号 1…n, unique amounts) they are not. */
const NUMBER_CELLS_KEPT = 200_000;

// Cell types (the t attribute) as small integers, decided from the attribute's characters.
const T_NUM = 0;
const T_SST = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERR = 5;
const T_DATE = 6;

function cellType(buf: string, s: number, e: number): number {
  const c = buf.charCodeAt(s);
  if (e - s === 1) return c === 0x73 ? T_SST : c === 0x62 ? T_BOOL : c === 0x65 ? T_ERR : c === 0x64 ? T_DATE : T_NUM;
  if (c === 0x73) return T_STR; // str
  if (c === 0x69) return T_INLINE; // inlineStr
  return T_NUM;
}

/** Digits in buf[s, e) as an integer, or -1 if there is anything else (or too many digits). */
function intAt(buf: string, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = buf.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export async function readSheetXml(
  zip: ZipFile,
  entry: ZipEntry,
  name: string,
  sst: string[],
  xfs: FormatInfo[],
  date1904: boolean,
  limits: ResolvedLimits,
): Promise<SheetGrid> {
  const grid = new GridBuilder(name, limits);
  // One Cell per shared string, reused wherever that string appears (男, 汉族, 群众 … repeat on every row).
  const sstCells: (Cell | undefined)[] = new Array(sst.length);
  const numberCells = new Map<number, Map<number, Cell>>();
  let numberCellsKept = 0;
  let row = -1;
  let col = -1;
  let type = T_NUM;
  let style = 0;
  let inCell = false;
  let inInline = false;
  let inPhonetic = false;
  // The <v> text, usually one piece: kept as a range of the chunk string until the cell closes.
  let vBuf = '';
  let vS = 0;
  let vE = 0;
  let vParts = 0;
  let vJoined = '';
  let inlineText = '';
  let target = 0; // 1 = <v>, 2 = <t> inside <is>
  let count = 0;

  const parseCellAttrs = (buf: string, s: number, e: number) => {
    type = T_NUM;
    style = 0;
    let refFound = false;
    let i = s;
    while (i < e) {
      const c = buf.charCodeAt(i);
      if (c <= 0x20) {
        i++;
        continue;
      }
      const ns = i;
      while (i < e && buf.charCodeAt(i) !== 0x3d && buf.charCodeAt(i) > 0x20) i++;
      const nameLen = i - ns;
      while (i < e && buf.charCodeAt(i) !== 0x22 && buf.charCodeAt(i) !== 0x27) i++;
      const q = buf.charCodeAt(i);
      const vs = i + 1;
      let ve = vs;
      while (ve < e && buf.charCodeAt(ve) !== q) ve++;
      i = ve + 1;
      if (nameLen !== 1) continue;
      const n0 = buf.charCodeAt(ns);
      if (n0 === 0x72 /* r */) {
        let cc = 0;
        let j = vs;
        for (; j < ve; j++) {
          const ch = buf.charCodeAt(j) | 0x20;
          if (ch < 0x61 || ch > 0x7a) break;
          cc = cc * 26 + (ch - 0x60);
        }
        const rr = intAt(buf, j, ve);
        if (cc > 0 && cc <= 16_384) {
          col = cc - 1;
          refFound = true;
          if (rr > 0) row = rr - 1;
        }
      } else if (n0 === 0x73 /* s */) style = Math.max(0, intAt(buf, vs, ve));
      else if (n0 === 0x74 /* t */) type = cellType(buf, vs, ve);
    }
    if (!refFound) col++;
  };

  const vText = () => (vParts === 1 ? vBuf.slice(vS, vE) : vJoined);

  const finishCell = (): Cell | undefined => {
    if (vParts === 0 && type !== T_INLINE) return undefined;
    switch (type) {
      case T_SST: {
        const idx = vParts === 1 ? intAt(vBuf, vS, vE) : Number(vJoined);
        if (!(idx >= 0 && idx < sst.length)) return undefined;
        return (sstCells[idx] ??= makeTextCell(sst[idx] as string));
      }
      case T_INLINE:
        return makeTextCell(detach(decodeOoxmlEscapes(decodeXml(inlineText || vText()))));
      case T_STR:
        return makeTextCell(detach(decodeOoxmlEscapes(decodeXml(vText()))));
      case T_BOOL: {
        const v = vText();
        return makeBoolCell(v === '1' || v === 'true');
      }
      case T_ERR:
        return { value: null, text: detach(decodeXml(vText())) };
      case T_DATE:
        return isoCell(vText());
      default: {
        const int = vParts === 1 ? intAt(vBuf, vS, vE) : -1;
        const n = int >= 0 ? int : Number(vText());
        // Like the shared strings: one Cell per (style, number). Dates and amounts repeat down a roster (入会
        // 时间 2010-09-01 on hundreds of rows), and each date cell is a Date, its text and the Cell.
        let byNumber = numberCells.get(style);
        if (!byNumber) numberCells.set(style, (byNumber = new Map()));
        let cell = byNumber.get(n);
        if (!cell) {
          cell = makeNumberCell(n, xfs[style], date1904);
          if (cell && numberCellsKept++ < NUMBER_CELLS_KEPT) byNumber.set(n, cell);
        }
        return cell;
      }
    }
  };

  const h: XmlHandler = {
    wantText: false,
    open(tag, buf, as, ae) {
      switch (tag) {
        case 'c':
          parseCellAttrs(buf, as, ae);
          inCell = true;
          vParts = 0;
          inlineText = '';
          if ((++count & 0x3fff) === 0) grid.checkpoint();
          break;
        case 'v':
          if (inCell) {
            target = 1;
            h.wantText = true;
          }
          break;
        case 'is':
          inInline = inCell;
          break;
        case 't':
          if (inInline && !inPhonetic) {
            target = 2;
            h.wantText = true;
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'row': {
          const r = attr(attrText(buf, as, ae), 'r');
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          break;
        }
        case 'mergeCell': {
          const [from, to] = (attr(attrText(buf, as, ae), 'ref') ?? '').split(':');
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
          target = 0;
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
    text(buf, s, e) {
      if (vParts > 1 && vJoined.length > MAX_CELL_CHARS) throw refuse(MSG.tooMuchText);
      if (inlineText.length > MAX_CELL_CHARS) throw refuse(MSG.tooMuchText);
      if (target === 1) {
        if (vParts === 0) {
          vBuf = buf;
          vS = s;
          vE = e;
        } else vJoined = (vParts === 1 ? vBuf.slice(vS, vE) : vJoined) + buf.slice(s, e);
        vParts++;
      } else if (target === 2) inlineText += buf.slice(s, e);
    },
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
