/**
 * .csv (and Excel's tab-separated "Unicode 文本") → SheetGrid.
 *
 * Encoding: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise the whole file is checked as strict UTF-8 and, if
 * that fails, decoded as GB18030 (a superset of GBK/GB2312, what Chinese Excel saves "CSV" in). A file that
 * is neither — replacement characters after GB18030 decoding, or control characters — is refused rather than
 * imported as mojibake. Cells are always text here: whether "3.60723E+18" or "0123" is a number is the value
 * layer's question, and keeping the text is what lets it report a destroyed ID number.
 */
import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../errors';
import { GridBuilder } from './grid-builder';
import { MSG, refuse } from './messages';
import { detach } from './xml-scan';
import type { Cell, OpenOptions, ReadOptions, SheetGrid, WorkbookReader } from './types';
import { resolveLimits } from './types';

export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

/** Control characters other than TAB, LF, FF, CR and SUB (0x1A, an old DOS end-of-file marker). */
const isBinaryByte = (b: number) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a) || b === 0x7f;

/** From the first bytes: a BOM, or UTF-16 without BOM (every other byte zero), or null to decide later. */
export function sniffTextEncoding(head: Buffer): { encoding: TextEncoding | null; binary: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', binary: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', binary: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', binary: false };
  const n = Math.min(head.length, 4096) & ~1;
  const printable = (b: number) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f);
  let asciiLe = 0; // pairs "A\0": ASCII text in UTF-16 LE
  let asciiBe = 0; // pairs "\0A"
  let zeros = 0;
  let control = 0;
  for (let i = 0; i < n; i += 2) {
    const a = head[i] as number;
    const b = head[i + 1] as number;
    if (b === 0 && printable(a)) asciiLe++;
    if (a === 0 && printable(b)) asciiBe++;
    for (const x of [a, b]) {
      if (x === 0) zeros++;
      else if (isBinaryByte(x)) control++;
    }
  }
  const pairs = n / 2;
  // ASCII-heavy UTF-16 text has a zero in most pairs, always on the same side, beside a printable character.
  if (pairs >= 4 && asciiLe > pairs * 0.3 && asciiBe === 0) return { encoding: 'utf16le', binary: false };
  if (pairs >= 4 && asciiBe > pairs * 0.3 && asciiLe === 0) return { encoding: 'utf16be', binary: false };
  return { encoding: null, binary: zeros > 0 || control > Math.max(2, n / 100) };
}

/** Strict UTF-8 over the whole file, streamed (the file is not held in memory). */
export async function isStrictUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch (e) {
    if (e instanceof TypeError) return false;
    throw e;
  }
}

/** Decodes to strings and refuses text that only a wrong guess of the encoding would produce. */
function decodingStream(encoding: TextEncoding): Transform {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const check = (s: string): Error | null => {
    if (encoding !== 'utf8' && s.includes('\uFFFD')) return refuse(MSG.unknownEncoding);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u0019\u001b-\u001f]/.test(s)) return refuse(MSG.notSpreadsheet);
    return null;
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const s = decoder.write(chunk);
      done(check(s), s === '' ? undefined : s);
    },
    flush(done) {
      const s = decoder.end() ?? '';
      done(check(s), s === '' ? undefined : s);
    },
  });
}

/**
 * Cell text as typed: `="0123"` (the trick that keeps Excel from dropping leading zeros) and a leading
 * apostrophe before digits both mean the text 0123.
 */
export function csvCell(raw: string): Cell | undefined {
  if (raw === '') return undefined;
  let s = raw;
  const formula = /^="(.*)"$/s.exec(s);
  if (formula) s = (formula[1] as string).replace(/""/g, '"');
  else if (/^'[\dXx+\-.\s]+$/.test(s)) s = s.slice(1);
  if (s === '') return undefined;
  s = detach(s);
  return { value: s, text: s };
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The field separator from the first lines: the candidate that appears on every line the same number of
 * times wins (comma first on a tie). Quoted text is ignored. Excel's "Unicode 文本" uses tabs, some European
 * settings semicolons.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  if (lines.length > 1) lines.pop(); // the last line of a head may be cut
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 10 + Math.min(first, 9) / 10;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

async function readHeadText(path: string, encoding: TextEncoding): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: 64 * 1024 - 1 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return iconv.decode(Buffer.concat(chunks, size), encoding);
}

export async function openCsv(path: string, encodingHint: TextEncoding | null, sheetName: string, base: OpenOptions | undefined): Promise<WorkbookReader> {
  const encoding: TextEncoding = encodingHint ?? ((await isStrictUtf8(path)) ? 'utf8' : 'gb18030');
  const delimiter = guessDelimiter(await readHeadText(path, encoding));
  return {
    format: 'csv',
    sheetNames: () => [sheetName],
    sheets: () => [{ name: sheetName, hidden: false }],
    async readSheet(name: string, opts?: ReadOptions): Promise<SheetGrid> {
      if (name !== sheetName) throw refuse(MSG.noSheet(name));
      return parseCsv(path, encoding, delimiter, sheetName, resolveLimits(base, opts));
    },
    async close() {},
  };
}

async function parseCsv(path: string, encoding: TextEncoding, delimiter: string, name: string, limits: ReturnType<typeof resolveLimits>): Promise<SheetGrid> {
  const grid = new GridBuilder(name, limits);
  const file = createReadStream(path, { highWaterMark: 32 * 1024 });
  const text = file.pipe(decodingStream(encoding));
  file.on('error', (e) => text.destroy(e));
  let row = 0;
  let failure: unknown = null;
  await new Promise<void>((resolve, reject) => {
    text.on('error', (e) => {
      failure ??= e;
      file.destroy();
      resolve();
    });
    Papa.parse<string[]>(text as unknown as Readable as unknown as File, {
      skipEmptyLines: false,
      delimiter,
      step(result, parser) {
        try {
          const cells = result.data;
          for (let c = 0; c < cells.length; c++) grid.set(row, c, csvCell(cells[c] as string));
          row++;
          if ((row & 0xfff) === 0) grid.checkpoint();
        } catch (e) {
          failure ??= e;
          parser.abort();
          file.destroy();
          text.destroy();
        }
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  if (failure) throw failure instanceof AppError ? failure : refuse(MSG.corrupt);
  limits.onProgress?.(1);
  return grid.finish();
}
