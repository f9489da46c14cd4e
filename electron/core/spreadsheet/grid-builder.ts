/**
 * Collects cells into a SheetGrid while enforcing the row and cell caps, so a million-row sheet is refused as
 * soon as the cap is passed (memory stays bounded) rather than after it has been read.
 */
import { MSG, checkAbort, refuse } from './messages';
import type { Cell, MergeRange, ResolvedLimits, Row, SheetGrid } from './types';

/** Excel's own limits; anything beyond comes from a damaged or crafted file. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

export class GridBuilder {
  private readonly rows: (Row | undefined)[] = [];
  private readonly merges: MergeRange[] = [];
  private rowsWithValues = 0;
  private cells = 0;
  private maxRow = -1;
  private maxCol = -1;

  constructor(
    private readonly name: string,
    private readonly limits: ResolvedLimits,
  ) {}

  set(r: number, c: number, cell: Cell | undefined): void {
    if (!cell || r < 0 || c < 0 || r >= EXCEL_MAX_ROWS || c >= EXCEL_MAX_COLS) return;
    let row = this.rows[r];
    if (!row) {
      if (++this.rowsWithValues > this.limits.maxRows) throw refuse(MSG.tooManyRows(this.limits.maxRows));
      // Sized to the widest row so far: a row grown cell by cell keeps twice the slots it needs (17 MB over
      // 100,000 rows of 20 columns). Unfilled slots are holes, i.e. empty cells, as before.
      row = this.maxCol >= 0 ? new Array<Cell | undefined>(this.maxCol + 1) : [];
      this.rows[r] = row;
    }
    if (row[c] === undefined && ++this.cells > this.limits.maxCells) throw refuse(MSG.tooManyCells(this.limits.maxCells));
    row[c] = cell;
    if (r > this.maxRow) this.maxRow = r;
    if (c > this.maxCol) this.maxCol = c;
  }

  merge(top: number, bottom: number, left: number, right: number): void {
    if (bottom < top || right < left || top < 0 || left < 0) return;
    if (top === bottom && left === right) return;
    if (++this.cells > this.limits.maxCells) throw refuse(MSG.tooManyCells(this.limits.maxCells));
    this.merges.push({ top, left, bottom: Math.min(bottom, EXCEL_MAX_ROWS - 1), right: Math.min(right, EXCEL_MAX_COLS - 1) });
  }

  /** Called every few thousand cells by the readers: honours cancellation. */
  checkpoint(): void {
    checkAbort(this.limits.signal);
  }

  finish(): SheetGrid {
    checkAbort(this.limits.signal);
    this.rows.length = this.maxRow + 1;
    return { name: this.name, rows: this.rows, merges: this.merges, rowCount: this.maxRow + 1, colCount: this.maxCol + 1 };
  }
}
