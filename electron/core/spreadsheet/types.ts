/**
 * One grid model for every spreadsheet format the importer reads (.xlsx, legacy .xls, .csv, Excel 2003 XML).
 * Readers hand back exactly what the file holds; deciding which rows are the header, the records and the
 * footer is detect.ts's job, and turning cells into member fields is values.ts's.
 */

/** A cell's value as the file stores it. Dates are wall-clock times expressed in UTC (see `Cell.value`). */
export type CellValue = string | number | boolean | Date | null;

export interface Cell {
  /**
   * string for text cells (CSV cells are always text), number for numeric cells without a date format,
   * boolean, or Date for numeric cells with a date/time format. A Date holds the cell's wall-clock value in
   * UTC fields: 1985-03-12 is `Date.UTC(1985, 2, 12)`, whatever time zone the PC is in (the exceljs
   * convention, which `calendarDayOfDate` reads as that day). Error cells (#N/A) have `null`.
   */
  value: CellValue;
  /** What the clerk sees in Excel/WPS (numbers formatted by their number format, dates as shown). */
  text: string;
  /** The cell's number format when it is not General (numeric cells only). */
  numFmt?: string;
  /** True when the number format is a date or time format (whether or not the value became a Date). */
  isDateFormat?: boolean;
}

/** A row: index = 0-based column. Holes/undefined are empty cells (no object is built for them). */
export type Row = (Cell | undefined)[];

/** A merged area, 0-based and inclusive. Only the top-left cell of a merge carries the value. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** index = 0-based row (Excel row − 1). Rows without any value are undefined. */
  rows: (Row | undefined)[];
  merges: MergeRange[];
  /** 1 + the last row index holding a value (an inflated used range does not count). */
  rowCount: number;
  /** 1 + the last column index holding a value. */
  colCount: number;
}

export type WorkbookFormat = 'xlsx' | 'xls' | 'csv' | 'xml2003';

export interface SheetInfo {
  name: string;
  /** Hidden sheets often hold drop-down lists, not records; the UI may list them last. */
  hidden: boolean;
}

export interface ReadOptions {
  /** Rows holding a value beyond this many → refused (AppError VALIDATION naming the cap). Default 200,000. */
  maxRows?: number;
  /** Non-empty cells beyond this many → refused. Default 5,000,000. */
  maxCells?: number;
  /** Aborting rejects with AppError('CANCELLED'). */
  signal?: AbortSignal;
  /** Called now and then with 0…1 while a sheet is read (by bytes of the file consumed). */
  onProgress?: (fraction: number) => void;
}

export interface OpenOptions extends ReadOptions {
  /** Files larger than this are refused before reading. Default 300 MB. */
  maxFileBytes?: number;
  /** Uncompressed size of one .xlsx part (sheet XML, shared strings) beyond this is refused. Default 1 GB. */
  maxPartBytes?: number;
}

export interface WorkbookReader {
  readonly format: WorkbookFormat;
  /** Worksheet names in workbook order (chart sheets and macro sheets are left out). */
  sheetNames(): string[];
  sheets(): SheetInfo[];
  /** Reads one sheet completely. Options override the ones given to `openWorkbook`. */
  readSheet(name: string, opts?: ReadOptions): Promise<SheetGrid>;
  /** Releases the file handle (safe to call twice). */
  close(): Promise<void>;
}

export interface ResolvedLimits {
  maxRows: number;
  maxCells: number;
  maxFileBytes: number;
  maxPartBytes: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export const DEFAULT_LIMITS = {
  maxRows: 200_000,
  maxCells: 5_000_000,
  maxFileBytes: 300 * 1024 * 1024,
  maxPartBytes: 1024 * 1024 * 1024,
} as const;

export function resolveLimits(base: OpenOptions | undefined, over?: ReadOptions): ResolvedLimits {
  const pick = <K extends keyof ReadOptions>(k: K) => (over && over[k] !== undefined ? over[k] : base?.[k]);
  return {
    maxRows: pick('maxRows') ?? DEFAULT_LIMITS.maxRows,
    maxCells: pick('maxCells') ?? DEFAULT_LIMITS.maxCells,
    maxFileBytes: base?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
    maxPartBytes: base?.maxPartBytes ?? DEFAULT_LIMITS.maxPartBytes,
    signal: pick('signal') as AbortSignal | undefined,
    onProgress: pick('onProgress') as ((f: number) => void) | undefined,
  };
}
