/**
 * `openWorkbook`: decides the format from the file's content — never from its extension, because clerks
 * rename files and web systems save HTML or CSV as ".xls" — and returns a reader for it.
 *
 *   PK\x03\x04 (zip)       → .xlsx (or a refusal naming .xlsb / .ods / Word / an encrypted zip entry)
 *   D0 CF 11 E0 (OLE2)     → .xls (BIFF8 or Excel 95's BIFF5); with an "EncryptedPackage" stream it is a
 *                            password-protected .xlsx
 *   09 00/02/04 (bare BIFF) → refused: an Excel 2.x–4.0 worksheet (before 1997), with how to convert it
 *   <?xml … office:spreadsheet → Excel 2003 XML (also with a few stray NUL bytes, which web exports leave)
 *   <html / <table         → refused: an HTML page saved as .xls
 *   other text             → CSV / TSV
 */
import { open as openFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import * as CFB from 'cfb';
import { isBiff8, openXls } from './biff8';
import { openCsv, sniffTextEncoding } from './csv-reader';
import { MSG, refuse } from './messages';
import { describeNotSpreadsheet } from './what-was-found';
import { DEFAULT_LIMITS, type OpenOptions, type WorkbookReader } from './types';
import { openXlsx } from './xlsx-reader';
import type { openWithSheetJs as OpenWithSheetJs } from './sheetjs-reader';
import { ZipFile } from './zip';

export interface OpenWorkbookOptions extends OpenOptions {
  /** Name of the single sheet of a CSV file (default: the file name without extension). */
  csvSheetName?: string;
}

/** Magic numbers of common files that are not spreadsheets (a photo or PDF renamed .xlsx). */
const NOT_SPREADSHEET = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
  [0x42, 0x4d], // BMP
  [0x4d, 0x5a], // EXE
];

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The OLE2 container (SheetJS's `cfb`): only its stream names are looked at here. */
function readContainer(bytes: Buffer): CFB.CFB$Container {
  // cfb is lenient with a cut-off file (a missing directory gives no streams, a cut stream gives fewer bytes):
  // both are a damaged file, not "not a spreadsheet".
  const sectorShift = bytes.length >= 512 ? bytes.readUInt16LE(30) : 0;
  const dirStart = bytes.length >= 512 ? bytes.readUInt32LE(48) : 0;
  if (sectorShift < 7 || sectorShift > 16 || (dirStart + 1) * 2 ** sectorShift >= bytes.length) throw refuse(MSG.corrupt);
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw refuse(MSG.corrupt);
  }
  for (const entry of container.FileIndex) {
    if (entry.type === 2 && (entry.content?.length ?? 0) < entry.size) throw refuse(MSG.corrupt);
  }
  return container;
}

/** SheetJS (~2.5 MB of code) is loaded the first time an Excel 95 or Excel 2003 XML file is opened, not at start. */
async function sheetJs(): Promise<typeof OpenWithSheetJs> {
  return (await import('./sheetjs-reader')).openWithSheetJs;
}

function streamOf(container: CFB.CFB$Container, name: string): Buffer | null {
  const entry = CFB.find(container, name);
  if (!entry || entry.type !== 2 || !entry.content) return null;
  const c = entry.content as Buffer | number[];
  return Buffer.isBuffer(c) ? c : Buffer.from(c);
}

/**
 * Excel 2.x–4.0 saved a bare BIFF stream (no OLE container): BOF record 0x0009 / 0x0209 / 0x0409, length 4–16.
 * Excel 5 and later always wrap the stream in OLE2.
 */
function isBareBiff(head: Buffer): boolean {
  return head.length >= 8 && head[0] === 0x09 && (head[1] === 0x00 || head[1] === 0x02 || head[1] === 0x04) && head[3] === 0x00 && (head[2] as number) >= 4 && (head[2] as number) <= 16;
}

/** An Excel 2003 XML file (8-bit text) even when a web export left a few NUL bytes in it. */
function isSpreadsheetMl(head: Buffer): boolean {
  const text = head.toString('latin1').replace(/\0/g, '').trimStart().slice(0, 4000).toLowerCase();
  return (text.startsWith('<?xml') || text.startsWith('<workbook')) && text.includes('urn:schemas-microsoft-com:office:spreadsheet');
}

const startsWith = (head: Buffer, sig: readonly number[]) => sig.every((b, i) => head[i] === b);

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await openFile(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function headText(head: Buffer, encoding: string | null): string {
  if (encoding === 'utf16le') return head.toString('utf16le');
  if (encoding === 'utf16be') return Buffer.from(head.subarray(0, head.length & ~1)).swap16().toString('utf16le');
  return head.toString('utf8');
}

export async function openWorkbook(filePath: string, opts: OpenWorkbookOptions = {}): Promise<WorkbookReader> {
  try {
    return await openByContent(filePath, opts);
  } catch (e) {
    // A reader only knows the file is none of its formats; what it is instead is said here, in one place.
    if (e instanceof AppError && e.message === MSG.notSpreadsheet) throw refuse(await describeNotSpreadsheet(filePath, path.basename(filePath)));
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse('找不到要导入的文件');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') throw refuse('文件无法打开（可能正在被 Excel/WPS 使用），请关闭后再试');
    // Any other failure inside a parser means bytes it could not make sense of.
    throw refuse(MSG.corrupt);
  }
}

async function openByContent(filePath: string, opts: OpenWorkbookOptions): Promise<WorkbookReader> {
  const { size } = await stat(filePath);
  const maxFile = opts.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  if (size === 0) throw refuse(MSG.empty);
  if (size > maxFile) throw refuse(MSG.tooBig(Math.round(maxFile / 1024 / 1024)));
  const head = await readHead(filePath, 8192);

  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = await ZipFile.open(filePath);
    try {
      return await openZipWorkbook(zip, opts);
    } catch (e) {
      await zip.close();
      throw e;
    }
  }
  if (head.subarray(0, 8).equals(OLE_SIGNATURE)) {
    const bytes = await readFile(filePath);
    const container = readContainer(bytes);
    const has = (name: string) => CFB.find(container, name) !== null;
    if (has('EncryptedPackage') || has('EncryptionInfo')) throw refuse(MSG.encrypted);
    if (has('WordDocument')) throw refuse(MSG.wordDocument);
    const stream = streamOf(container, 'Workbook');
    if (stream && isBiff8(stream)) return openXls(stream, opts);
    if (!stream && !has('Book')) throw refuse(MSG.notSpreadsheet);
    return (await sheetJs())(bytes, 'xls', opts); // Excel 95 (BIFF5)
  }
  if (isBareBiff(head)) throw refuse(MSG.biff4);
  if (NOT_SPREADSHEET.some((sig) => startsWith(head, sig))) throw refuse(MSG.notSpreadsheet);

  const sniff = sniffTextEncoding(head);
  if (sniff.binary && !isSpreadsheetMl(head)) throw refuse(MSG.notSpreadsheet);
  const start = headText(head, sniff.encoding).replace(/^\uFEFF/, '').trimStart().slice(0, 4000).toLowerCase();
  if (start.startsWith('<?xml') || start.startsWith('<workbook')) {
    if (start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return (await sheetJs())(await readFile(filePath), 'xml2003', opts);
    if (start.includes('<html') || start.includes('<table')) throw refuse(MSG.html);
    throw refuse(MSG.notSpreadsheet);
  }
  if (/^(<!doctype html|<html|<table|<meta|<head|<body|<!--)/.test(start) || /<html[\s>]|<table[\s>]/.test(start)) {
    throw refuse(MSG.html);
  }
  const name = opts.csvSheetName ?? path.basename(filePath).replace(/\.[^.]*$/, '');
  return openCsv(filePath, sniff.encoding, name || 'Sheet1', opts);
}

async function openZipWorkbook(zip: ZipFile, opts: OpenOptions): Promise<WorkbookReader> {
  const has = (n: string) => zip.get(n) !== undefined;
  if ([...zip.entries.values()].some((e) => e.encrypted)) throw refuse(MSG.encrypted);
  const mimetype = zip.get('mimetype');
  if (mimetype) {
    const kind = (await zip.readAll(mimetype, 4096)).toString('latin1');
    if (kind.includes('opendocument.spreadsheet')) throw refuse(MSG.ods);
    throw refuse(MSG.notSpreadsheet);
  }
  if (has('word/document.xml')) throw refuse(MSG.wordDocument);
  if (has('xl/workbook.bin')) throw refuse(MSG.xlsb);
  if (!has('[content_types].xml')) throw refuse(MSG.notSpreadsheet);
  return openXlsx(zip, opts);
}
