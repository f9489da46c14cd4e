/**
 * Excel 2003 XML Spreadsheet (SpreadsheetML, "XML 电子表格 2003"), still produced by some web systems'
 * "export to Excel". One pass over the file builds every sheet (such files are small; the row and cell caps
 * still apply). Cells: <Cell ss:Index ss:MergeAcross ss:MergeDown ss:StyleID><Data ss:Type>…</Data></Cell>,
 * rows may skip ahead with ss:Index; a merged cell also moves the next cell's column past the merge.
 */
import { createReadStream } from 'node:fs';
import { GridBuilder } from './grid-builder';
import { MSG, refuse } from './messages';
import { formatDate, formatInfo, makeBoolCell, makeNumberCell, makeTextCell, type FormatInfo } from './number-format';
import { attrLocal, attrText, decodeXml, detach, scanXml, type XmlHandler } from './xml-scan';
import type { Cell, OpenOptions, ReadOptions, SheetGrid, WorkbookReader } from './types';
import { resolveLimits } from './types';

/** Named formats of SpreadsheetML → Excel format codes. */
const NAMED_FORMATS: Record<string, string> = {
  'General Date': 'yyyy-mm-dd h:mm',
  'Long Date': 'yyyy"年"m"月"d"日"',
  'Medium Date': 'yyyy-mm-dd',
  'Short Date': 'yyyy/m/d',
  'Long Time': 'h:mm:ss',
  'Medium Time': 'h:mm AM/PM',
  'Short Time': 'h:mm',
  Fixed: '0.00',
  Standard: '#,##0.00',
  Percent: '0.00%',
  Scientific: '0.00E+00',
  General: 'General',
  'General Number': 'General',
};

function dateTimeCell(raw: string): Cell | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw.trim());
  if (!m) return makeTextCell(raw);
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  const timed = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() > 0;
  const code = timed ? 'yyyy-mm-dd h:mm' : 'yyyy-mm-dd';
  return { value: d, text: formatDate(d, code), numFmt: code, isDateFormat: true };
}

export async function openXml2003(path: string, base: OpenOptions | undefined): Promise<WorkbookReader> {
  const limits = resolveLimits(base);
  const styles = new Map<string, FormatInfo>();
  const grids: { name: string; hidden: boolean; grid: SheetGrid }[] = [];
  let grid: GridBuilder | null = null;
  let sheetName = '';
  let styleId = '';
  let row = -1;
  let col = -1;
  let cell: { row: number; col: number; type: string; style: string; across: number; down: number } | null = null;
  let text = '';
  let inData = false;

  const h: XmlHandler = {
    wantText: false,
    open(name, buf, as, ae) {
      const a = attrText(buf, as, ae);
      switch (name) {
        case 'Style':
          styleId = attrLocal(a, 'ID') ?? '';
          break;
        case 'NumberFormat': {
          const f = attrLocal(a, 'Format') ?? 'General';
          styles.set(styleId, formatInfo(NAMED_FORMATS[f] ?? f));
          break;
        }
        case 'Worksheet':
          sheetName = attrLocal(a, 'Name') ?? `Sheet${grids.length + 1}`;
          grid = new GridBuilder(sheetName, limits);
          row = -1;
          break;
        case 'Row': {
          const idx = attrLocal(a, 'Index');
          row = idx ? Number(idx) - 1 : row + 1;
          col = -1;
          break;
        }
        case 'Cell': {
          const idx = attrLocal(a, 'Index');
          col = idx ? Number(idx) - 1 : col + 1;
          const across = Number(attrLocal(a, 'MergeAcross') ?? 0) || 0;
          const down = Number(attrLocal(a, 'MergeDown') ?? 0) || 0;
          cell = { row, col, type: '', style: attrLocal(a, 'StyleID') ?? '', across, down };
          text = '';
          if (across > 0 || down > 0) grid?.merge(row, row + down, col, col + across);
          col += across;
          break;
        }
        case 'Data':
          if (cell) {
            cell.type = attrLocal(a, 'Type') ?? 'String';
            inData = true;
            h.wantText = true;
          }
          break;
      }
    },
    close(name) {
      if (name === 'Data') {
        inData = false;
        h.wantText = false;
      } else if (name === 'Cell' && cell && grid) {
        grid.set(cell.row, cell.col, toCell(cell.type, detach(decodeXml(text)), styles.get(cell.style)));
        cell = null;
      } else if (name === 'Worksheet' && grid) {
        grids.push({ name: sheetName, hidden: false, grid: grid.finish() });
        grid = null;
      }
    },
    text(buf, s, e) {
      // Rich text inside <Data> is HTML (<B>, <Font>); only its character data is kept.
      if (inData) text += buf.slice(s, e);
    },
  };
  await scanXml(createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>, h);
  if (grids.length === 0) throw refuse(MSG.notSpreadsheet);

  return {
    format: 'xml2003',
    sheetNames: () => grids.map((g) => g.name),
    sheets: () => grids.map(({ name, hidden }) => ({ name, hidden })),
    async readSheet(name: string, opts?: ReadOptions): Promise<SheetGrid> {
      const found = grids.find((g) => g.name === name);
      if (!found) throw refuse(MSG.noSheet(name));
      const lim = resolveLimits(base, opts);
      if (found.grid.rows.filter(Boolean).length > lim.maxRows) throw refuse(MSG.tooManyRows(lim.maxRows));
      lim.onProgress?.(1);
      return found.grid;
    },
    async close() {},
  };
}

function toCell(type: string, raw: string, fmt: FormatInfo | undefined): Cell | undefined {
  switch (type) {
    case 'Number': {
      const n = Number(raw);
      return raw.trim() === '' || !Number.isFinite(n) ? makeTextCell(raw) : makeNumberCell(n, fmt, false);
    }
    case 'DateTime':
      return dateTimeCell(raw);
    case 'Boolean':
      return makeBoolCell(raw.trim() === '1' || /^true$/i.test(raw.trim()));
    case 'Error':
      return raw === '' ? undefined : { value: null, text: raw };
    default:
      return makeTextCell(raw);
  }
}
