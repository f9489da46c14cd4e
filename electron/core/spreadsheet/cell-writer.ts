/**
 * The one way a value goes into an Excel cell, for every writer (member export, 公开目录, proposal statistics):
 * text that a spreadsheet would run as a formula (= + - @ TAB CR first) is defused with a leading apostrophe
 * (safe-cell.ts), IDs, phone numbers and register numbers go in as text cells (format '@') so Excel keeps
 * leading zeros and all 18 digits, dates as real dates, numbers as numbers. No writer sets `cell.value` itself.
 */
import type ExcelJS from 'exceljs';
import { protectCellText } from './safe-cell';

/** `code`: digits that must stay text (ID, phone, 会员证号, 登记号, yyyyMMdd) — a text-formatted cell; `text`: plain. */
export type WriteKind = 'text' | 'code' | 'date' | 'number';

export type CellInput = string | number | null | undefined;

const isoToUtcDate = (iso: string): Date | string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  // UTC midnight: exceljs turns a Date into a serial from its UTC time, so the day cannot shift by a zone.
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
};

/** What a cell stores for `v` written as `kind`; empty text is an empty cell. */
export function cellValue(v: CellInput, kind: WriteKind): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'date' && typeof v === 'string') return isoToUtcDate(v);
  if (kind === 'text' || kind === 'code') return protectCellText(String(v));
  if (typeof v === 'string') return protectCellText(v);
  return v;
}

/** The kind of a value written without a declared column kind: numbers stay numbers, everything else is text. */
export const kindOf = (v: CellInput): WriteKind => (typeof v === 'number' ? 'number' : 'text');

/** Writes one cell of a normal (non-streaming) workbook; `code` cells are also formatted as text. */
export function writeCell(cell: ExcelJS.Cell, v: CellInput, kind: WriteKind = kindOf(v)): void {
  cell.value = cellValue(v, kind);
  if (kind === 'code') cell.numFmt = '@';
}

/** A whole row's values, each defused by its kind (for `ws.addRow`). */
export const rowValues = (values: readonly CellInput[], kinds?: readonly WriteKind[]): (string | number | Date | null)[] =>
  values.map((v, i) => cellValue(v, kinds?.[i] ?? kindOf(v)));
