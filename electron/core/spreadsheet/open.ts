/**
 * `openWorkbook`: decides the format from the file's content — never from its extension, because clerks
 * rename files and web systems save HTML or CSV as ".xls" — and returns a reader for it.
 *
 *   PK\x03\x04 (zip)       → .xlsx (or a refusal naming .xlsb / .ods / Word / an encrypted zip entry)
 *   D0 CF 11 E0 (OLE2)     → .xls; with an "EncryptedPackage" stream it is a password-protected .xlsx
 *   <?xml … office:spreadsheet → Excel 2003 XML
 *   <html / <table         → refused: an HTML page saved as .xls
 *   other text             → CSV / TSV
 */
import { open as openFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import { CFB_SIGNATURE, CompoundFile } from './cfb';
import { openXls } from './biff8';
import { openCsv, sniffTextEncoding } from './csv-reader';
import { MSG, refuse } from './messages';
import { DEFAULT_LIMITS, type OpenOptions, type WorkbookReader } from './types';
import { openXlsx } from './xlsx-reader';
import { openXml2003 } from './xml2003-reader';
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
  if (head.subarray(0, 8).equals(CFB_SIGNATURE)) {
    const cfb = new CompoundFile(await readFile(filePath));
    if (cfb.hasStream('EncryptedPackage') || cfb.hasStream('EncryptionInfo')) throw refuse(MSG.encrypted);
    if (cfb.hasStream('WordDocument')) throw refuse(MSG.wordDocument);
    return openXls(cfb, opts);
  }
  if (NOT_SPREADSHEET.some((sig) => startsWith(head, sig))) throw refuse(MSG.notSpreadsheet);

  const sniff = sniffTextEncoding(head);
  if (sniff.binary) throw refuse(MSG.notSpreadsheet);
  const start = headText(head, sniff.encoding).replace(/^\uFEFF/, '').trimStart().slice(0, 4000).toLowerCase();
  if (start.startsWith('<?xml') || start.startsWith('<workbook')) {
    if (start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return openXml2003(filePath, opts);
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
