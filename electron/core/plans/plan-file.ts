/**
 * The text of a plan file the clerk opened: .txt (UTF-8, or GB18030 as Notepad on a Chinese Windows saves it) or
 * .docx read with mammoth (a maintained reader; a hand-made XML walk misses numbering and tables).
 */
import fs from 'node:fs';
import mammoth from 'mammoth';
import { AppError } from '../errors';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export function decodeText(buf: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  // Many U+FFFD in a file that is not UTF-8 means it was saved as GBK/GB18030.
  const bad = (utf8.match(/\uFFFD/g) ?? []).length;
  if (bad > 0 && bad > utf8.length / 200) return new TextDecoder('gb18030').decode(buf);
  return utf8.replace(/^\uFEFF/, '');
}

export async function readPlanFile(filePath: string, name: string): Promise<string> {
  const buf = fs.readFileSync(filePath);
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx') || lower.endsWith('.doc')) {
    // An encrypted .docx is an OLE compound file (like an old .doc), not a ZIP.
    if (buf.subarray(0, 4).equals(OLE)) {
      throw new AppError('VALIDATION', `「${name}」是加密的 Word 文件或旧版 .doc 文件，无法读取：请在 Word/WPS 中取消密码或另存为 .docx 后再打开。`);
    }
    if (!buf.subarray(0, 4).equals(ZIP)) throw new AppError('VALIDATION', `「${name}」不是 Word 文件（.docx），无法读取。`);
    try {
      const r = await mammoth.extractRawText({ buffer: buf });
      return r.value;
    } catch {
      throw new AppError('VALIDATION', `「${name}」不是有效的 Word 文件（.docx），可能已损坏。`);
    }
  }
  if (buf.subarray(0, 4).equals(ZIP) || buf.subarray(0, 4).equals(OLE)) {
    throw new AppError('VALIDATION', `「${name}」不是文本文件：请选择 .txt 或 .docx 文件。`);
  }
  return decodeText(buf);
}
