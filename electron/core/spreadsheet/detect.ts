/**
 * Finds the table in a sheet made by a person: title and instruction rows above the header, a one- or
 * two-row (grouped) header, blank rows inside the data, vertical merges in data columns (filled down), and
 * footer rows below (合计, 制表人, 填表说明, signature blocks) that are not records.
 *
 * Header choice: every row near the top is scored by how header-like its cells are (short distinct text,
 * matches of known header words through `headerScore`, no numbers/dates/"label：value" cells) and whether the
 * rows below it fill the same columns. A second header row is added only on structural evidence: a group cell
 * merged (or followed by empty cells) across several sub-columns, with the row's other cells merged down into
 * the sub-header row. A vertical merge inside the data never extends the header.
 */
import { cellText, headerNameKey, isFooterText } from './header-text';
import type { Cell, MergeRange, Row, SheetGrid } from './types';

export interface DetectedColumn {
  /** 0-based column index in the sheet. */
  index: number;
  /** What the UI shows: "组/名" under a grouped header, else the name. Unique within the table. */
  header: string;
  /** The group cell above (基本信息, 小组A) in a two-row header. */
  group?: string;
  /** The column's own header text. */
  name: string;
}

export interface DetectedRecord {
  /** 1-based Excel row number. */
  excelRow: number;
  /** By 0-based column index, vertical merges filled down. Holes are empty cells. */
  cells: Row;
}

export type TableDetection =
  | {
      ok: true;
      /** 1-based Excel rows of the header (one or two). */
      headerRows: number[];
      columns: DetectedColumn[];
      records: DetectedRecord[];
      /** 1-based rows above the header that were skipped (titles, instructions). */
      titleRows: number[];
      /** 1-based rows below the data that are not records (合计, 制表人, notes). */
      footerRows: number[];
      /** 1-based rows inside the data skipped as blank, repeated header or subtotal. */
      skippedRows: number[];
      /** Chinese sentences for the preview ("第 1 行是标题，已跳过"…). */
      notes: string[];
    }
  | { ok: false; reason: string; notes: string[] };

export interface DetectOptions {
  /** 0…1 per header cell text: how surely it names a known field. Without it only the shape counts. */
  headerScore?: (text: string) => number;
  /** Minimum summed headerScore of the header row(s). Default 2 with `headerScore`, else 0. */
  minHeaderScore?: number;
  /** Rows from the top searched for the header. Default 30. */
  scanRows?: number;
  /** This many blank rows in a row end the table. Default 10. */
  blankRunEnd?: number;
  /**
   * 1-based Excel row the clerk named as the header (the wizard's 「表头在第几行」): the search is skipped, and
   * so is the known-column-name minimum, since the clerk has looked. A group row above it still joins it.
   */
  headerRow?: number;
}

/** What to do when no header is found: the clerk can fix the sheet, or tell the wizard where the header is. */
export const HEADER_FIX = '如果表头在更下面，请在 Excel/WPS 中删除表头上方的行后另存再导入，或在导入向导「选择工作表」一步中指定表头所在的行';

export const NO_TABLE = '未找到可导入的表格';

const isBlankCell = (c: Cell | undefined) => !c || (typeof c.value === 'string' ? c.value.trim() === '' : c.value === null && c.text === '');
const isDataLike = (c: Cell) =>
  typeof c.value === 'number' || typeof c.value === 'boolean' || c.value instanceof Date || /^[\d\s.,:/\-+%()（）年月日]+$/.test(cellText(c));

function nonEmpty(row: Row | undefined): number[] {
  const out: number[] = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) out.push(c);
  return out;
}

const rowLabel = (rows: number[]) => rows.map((r) => r + 1).join('、');

export function detectTable(grid: SheetGrid, opts: DetectOptions = {}): TableDetection {
  const scanRows = opts.scanRows ?? 30;
  const minScore = opts.minHeaderScore ?? (opts.headerScore ? 2 : 0);
  const score = opts.headerScore ?? (() => 0);
  const { rows } = grid;
  const width = grid.colCount;
  const notes: string[] = [];

  // Merges near the top, by their top-left cell, for the header analysis.
  const topMerges = grid.merges.filter((m) => m.top < scanRows + 2);
  const mergeAt = (r: number, c: number): MergeRange | undefined => topMerges.find((m) => m.top === r && m.left === c);
  const coveredBy = (r: number, c: number): MergeRange | undefined =>
    topMerges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);

  // Rows worth considering: the first `scanRows` rows that hold anything.
  const candidates: number[] = [];
  for (let r = 0; r < rows.length && candidates.length < scanRows; r++) if (nonEmpty(rows[r]).length > 0) candidates.push(r);

  let best = -1;
  let bestScore = -Infinity;
  const explicit = opts.headerRow !== undefined;
  if (explicit) {
    const r = (opts.headerRow as number) - 1;
    if (r < 0 || r >= rows.length || nonEmpty(rows[r]).length === 0) {
      return { ok: false, reason: `${NO_TABLE}：指定的表头行（第 ${opts.headerRow} 行）是空的`, notes };
    }
    best = r;
  }
  for (let i = 0; i < candidates.length && !explicit; i++) {
    const r = candidates[i] as number;
    const row = rows[r] as Row;
    const cols = nonEmpty(row);
    if (cols.length < 2) continue;
    let short = 0;
    let data = 0;
    let labels = 0;
    let known = 0;
    const seen = new Set<string>();
    for (const c of cols) {
      const cell = row[c] as Cell;
      const t = cellText(cell);
      if (isDataLike(cell)) data++;
      else if (/[：:]./.test(t) || /[：:]$/.test(t) && t.length > 6) labels++;
      else if (t.length <= 30) short++;
      known += score(t);
      seen.add(headerNameKey(t));
    }
    if (short < 2 || data > cols.length * 0.25) continue;
    // Support: the next few non-empty rows fill a good part of this row's columns.
    let support = 0;
    const below = candidates.slice(i + 1, i + 6);
    for (const b of below) {
      const filled = cols.filter((c) => !isBlankCell(rows[b]?.[c])).length;
      if (filled >= Math.max(1, cols.length * 0.3)) support++;
    }
    const s = known * 4 + short + (seen.size === cols.length ? 1 : 0) - data * 2 - labels * 2 + (below.length ? (support / below.length) * 3 : 0);
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  if (best < 0) return { ok: false, reason: `${NO_TABLE}：前 ${scanRows} 行里没有像表头的行（至少两个文字列名）。${HEADER_FIX}`, notes };

  // Two-row header: a group row above the best row, or a sub-header row below it.
  const groupSpans = (r: number, sub: number): Map<number, { text: string; from: number; to: number }> | null => {
    const row = rows[r];
    const subRow = rows[sub];
    if (!row || !subRow) return null;
    const cols = nonEmpty(row);
    if (cols.length < 2 && !cols.some((c) => (mergeAt(r, c)?.right ?? c) > c)) return null;
    const spans = new Map<number, { text: string; from: number; to: number }>();
    let groups = 0;
    let explicit = false;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k] as number;
      const cell = row[c] as Cell;
      if (isDataLike(cell)) return null;
      const m = mergeAt(r, c);
      const nextFilled = (cols[k + 1] ?? width) - 1;
      let to = m && m.right > c ? m.right : c;
      // Without a merge, a label followed by empty cells spans them when the sub-row has names there.
      if (to === c && nextFilled > c && !isBlankCell(subRow[c + 1])) to = nextFilled;
      if (m && m.bottom >= sub && m.right === c) {
        spans.set(c, { text: cellText(cell), from: c, to: c });
        continue; // standing header cell merged down through the sub-row
      }
      if (to > c) {
        const subNames = nonEmpty(subRow).filter((x) => x >= c && x <= to).length;
        if (subNames < 2) return null;
        groups++;
        if (m && m.right > c) explicit = true;
      } else if (!isBlankCell(subRow[c])) {
        return null; // a single-column cell with something below that is not part of a group
      }
      spans.set(c, { text: cellText(cell), from: c, to });
    }
    // One group over the whole sub-row is a title merged across the table, not a group.
    if (groups === 0 || spans.size < 2) return null;
    if (!explicit && nonEmpty(subRow).reduce((sum, c) => sum + score(cellText(subRow[c])), 0) === 0) return null;
    // The sub-row must be names too, and only under groups or below cells merged down into it.
    for (const c of nonEmpty(subRow)) {
      const cell = subRow[c] as Cell;
      if (isDataLike(cell)) return null;
      const inGroup = [...spans.values()].some((s) => s.to > s.from && c >= s.from && c <= s.to);
      if (!inGroup) return null;
    }
    return spans;
  };

  let headerTop = best;
  let spans = best > 0 ? groupSpans(prevNonEmpty(rows, best), best) : null;
  if (spans) headerTop = prevNonEmpty(rows, best);
  else {
    const next = nextNonEmpty(rows, best);
    spans = next >= 0 ? groupSpans(best, next) : null;
  }
  const headerRows = spans ? [headerTop, headerTop === best ? nextNonEmpty(rows, best) : best] : [best];
  const lastHeader = headerRows[headerRows.length - 1] as number;

  // Columns.
  const columns: DetectedColumn[] = [];
  const used = new Map<string, number>();
  const subRow = rows[lastHeader];
  const dataStart = lastHeader + 1;
  const hasData = (c: number) => {
    for (let r = dataStart; r < Math.min(rows.length, dataStart + 200); r++) if (!isBlankCell(rows[r]?.[c])) return true;
    return false;
  };
  let headerScoreSum = 0;
  for (let c = 0; c < width; c++) {
    let name: string;
    let group: string | undefined;
    if (spans) {
      const owner = [...spans.values()].find((s) => c >= s.from && c <= s.to);
      const sub = cellText(subRow?.[c]);
      if (owner && owner.to > owner.from) {
        group = owner.text;
        name = sub;
      } else name = owner && owner.from === c ? owner.text : sub;
    } else {
      name = cellText(rows[best]?.[c]);
      const m = coveredBy(best, c);
      if (!name && m && m.left < c) name = `${cellText(rows[m.top]?.[m.left])}(${c - m.left + 1})`;
    }
    if (!name && !group && !hasData(c)) continue;
    headerScoreSum += score(name);
    let header = group ? `${group}/${name}` : name || `（第 ${columnLetter(c)} 列）`;
    const n = (used.get(header) ?? 0) + 1;
    used.set(header, n);
    if (n > 1) header = `${header}(${n})`;
    columns.push({ index: c, header, ...(group ? { group } : {}), name });
  }
  if (headerScoreSum < minScore && !explicit) {
    return { ok: false, reason: `${NO_TABLE}：表头里认不出足够的列名（如 姓名、身份证号、性别）`, notes };
  }

  const titleRows = explicit ? nonEmptyRowsAbove(rows, headerRows[0]!) : candidates.filter((r) => r < headerRows[0]!);
  if (titleRows.length) notes.push(`第 ${rowLabel(titleRows)} 行是标题或说明，已跳过`);
  notes.push(headerRows.length === 2 ? `表头在第 ${rowLabel(headerRows)} 行（两行表头）` : `表头在第 ${lastHeader + 1} 行`);

  // Fill vertical merges in the data down (copy-on-write rows; the grid itself is left untouched).
  const filled = new Map<number, Row>();
  const fillCols = new Set<number>();
  for (const m of grid.merges) {
    if (m.top < dataStart || m.bottom === m.top) continue;
    const top = rows[m.top]?.[m.left];
    if (isBlankCell(top)) continue;
    fillCols.add(m.left);
    for (let r = m.top + 1; r <= m.bottom && r < rows.length; r++) {
      if (!isBlankCell(rows[r]?.[m.left])) continue;
      let row = filled.get(r);
      if (!row) {
        row = rows[r] ? (rows[r] as Row).slice() : [];
        filled.set(r, row);
      }
      row[m.left] = top;
    }
  }
  if (fillCols.size) {
    const names = columns.filter((c) => fillCols.has(c.index)).map((c) => `「${c.header}」`);
    if (names.length) notes.push(`${names.join('、')}列有上下合并的单元格，已按合并范围向下填充`);
  }

  // Records, blank rows, repeated headers, subtotals; then footers from the bottom up.
  const headerKeys = columns.map((c) => headerNameKey(cellText(rows[lastHeader]?.[c.index])));
  const colIdx = columns.map((c) => c.index);
  const rowAt = (r: number) => filled.get(r) ?? rows[r];
  const body: number[] = [];
  const skipped: number[] = [];
  const blankRunEnd = opts.blankRunEnd ?? 10;
  let blankRun = 0;
  const headerKeyAt = new Map(columns.map((c, i) => [c.index, headerKeys[i] as string]));
  for (let r = dataStart; r < rows.length; r++) {
    const row = rowAt(r);
    let filledCount = 0;
    let first = -1;
    if (row) {
      for (const c of colIdx) {
        if (isBlankCell(row[c])) continue;
        if (first < 0) first = c;
        filledCount++;
      }
    }
    if (filledCount === 0) {
      if (++blankRun >= blankRunEnd) {
        const rest = nextNonEmpty(rows, r);
        if (rest >= 0) notes.push(`第 ${rest + 1} 行起的内容与表格隔了 ${blankRunEnd} 个以上空行，未作为记录`);
        break;
      }
      continue;
    }
    blankRun = 0;
    // A header repeated on every printed page: compared cell by cell only when the first cell matches.
    const r0 = row as Row;
    if (filledCount >= 2 && headerNameKey(cellText(r0[first])) === headerKeyAt.get(first)) {
      if (colIdx.every((c) => isBlankCell(r0[c]) || headerNameKey(cellText(r0[c])) === headerKeyAt.get(c))) {
        skipped.push(r);
        continue;
      }
    }
    body.push(r);
  }

  const footerRows: number[] = [];
  while (body.length) {
    const r = body[body.length - 1] as number;
    if (!isFooterRow(rowAt(r) as Row, r, grid, width)) break;
    footerRows.unshift(r);
    body.pop();
  }
  // Subtotal rows inside the data (小计/合计 per department) are not people either.
  const records: DetectedRecord[] = [];
  for (const r of body) {
    const row = rowAt(r) as Row;
    let first: Cell | undefined;
    for (const c of colIdx) if (!isBlankCell(row[c])) {
      first = row[c];
      break;
    }
    const v = first?.value;
    if (typeof v === 'string' && /^\s*[小合总共]\s*计/.test(v)) {
      skipped.push(r);
      continue;
    }
    records.push({ excelRow: r + 1, cells: row });
  }
  if (footerRows.length) notes.push(`第 ${rowLabel(footerRows)} 行是表尾（合计、签字、说明等），不是记录`);
  if (skipped.length) notes.push(`第 ${rowLabel(skipped.sort((a, b) => a - b))} 行是重复的表头或小计，已跳过`);
  if (records.length === 0) {
    return { ok: false, reason: `${NO_TABLE}：表头（第 ${rowLabel(headerRows)} 行）下面没有数据行`, notes };
  }
  return {
    ok: true,
    headerRows: headerRows.map((r) => r + 1),
    columns,
    records,
    titleRows: titleRows.map((r) => r + 1),
    footerRows: footerRows.map((r) => r + 1),
    skippedRows: skipped.map((r) => r + 1),
    notes,
  };
}

function nonEmptyRowsAbove(rows: (Row | undefined)[], r: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < r; i++) if (nonEmpty(rows[i]).length) out.push(i);
  return out;
}

function prevNonEmpty(rows: (Row | undefined)[], r: number): number {
  for (let i = r - 1; i >= 0; i--) if (nonEmpty(rows[i]).length) return i;
  return -1;
}

function nextNonEmpty(rows: (Row | undefined)[], r: number): number {
  for (let i = r + 1; i < rows.length; i++) if (nonEmpty(rows[i]).length) return i;
  return -1;
}

export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A row below the data that is not a record: starts with a footer word (合计, 制表人, 注：…), is a signature
 * line (年 月 日, （盖章）), is one cell spread across the table or a long sentence, or is all "label：value".
 */
function isFooterRow(row: Row, r: number, grid: SheetGrid, width: number): boolean {
  const cols = nonEmpty(row);
  if (cols.length === 0) return true;
  const texts = cols.map((c) => cellText(row[c]));
  if (isFooterText(texts[0] as string)) return true;
  if (texts.some((t) => /^年\s*月\s*日$/.test(t.trim()) || /[（(](盖章|公章|印章|签字|签名)[)）]/.test(t))) return true;
  if (cols.length === 1 && width >= 3) {
    const c = cols[0] as number;
    const m = grid.merges.find((x) => x.top === r && x.left === c);
    if ((m && m.right - m.left + 1 >= 3) || (texts[0] as string).length >= 20) return true;
  }
  return cols.length <= 3 && texts.every((t) => /[：:]/.test(t));
}
