/** Public API of the spreadsheet reading layer; see README.md in this folder. */
export type { Cell, CellValue, MergeRange, OpenOptions, ReadOptions, Row, SheetGrid, SheetInfo, WorkbookFormat, WorkbookReader } from './types';
export { DEFAULT_LIMITS } from './types';
export { openWorkbook, type OpenWorkbookOptions } from './open';
export { MSG as SPREADSHEET_MESSAGES } from './messages';
