/**
 * Public API of the spreadsheet reading layer (see README.md in this folder):
 *   openWorkbook → WorkbookReader.readSheet → detectMemberTable → mapMemberColumns → createRecordConverter.
 * Pure core: no Electron, no database.
 */
export type { Cell, CellValue, MergeRange, OpenOptions, ReadOptions, Row, SheetGrid, SheetInfo, WorkbookFormat, WorkbookReader } from './types';
export { DEFAULT_LIMITS } from './types';
export { openWorkbook, type OpenWorkbookOptions } from './open';
export { MSG as SPREADSHEET_MESSAGES } from './messages';
export { columnLetter, detectTable, NO_TABLE, type DetectedColumn, type DetectedRecord, type DetectOptions, type TableDetection } from './detect';
export { headerHints, normalizeHeader, type HeaderHints } from './header-text';
export {
  detectMemberTable,
  guessMemberField,
  headerSignature,
  mapMemberColumns,
  MEMBER_FIELD_LABELS,
  MEMBER_IMPORT_FIELDS,
  MEMBER_SYNONYMS,
  memberHeaderScore,
  type ColumnMapping,
  type MemberFieldKey,
  type MemberMapping,
} from '../members/import/member-columns';
export {
  cellAsText,
  convertCell,
  convertRecord,
  createRecordConverter,
  MSG_ID_NUMERIC,
  recordValues,
  type ConvertedRecord,
  type ConvertOptions,
  type FieldValue,
  type RowIssue,
} from './values';
