/**
 * When a file is no spreadsheet at all, the clerk is told what it is instead (a picture, a ZIP archive, a Word
 * or PDF document, a program, unknown data) and what to do. The content decides, as everywhere in the
 * readers; the attachments' own sniffer (files/file-types) names the type, so both places agree on the words.
 */
import { open as openFile, stat } from 'node:fs/promises';
import { sniffType, type FileType } from '../files/file-types';

const FIX = '请找到原始表格，在 Excel/WPS 中打开，另存为 .xlsx 后再导入。';

async function readEnds(filePath: string): Promise<{ head: Buffer; tail: Buffer }> {
  const fh = await openFile(filePath, 'r');
  try {
    const { size } = await stat(filePath);
    const head = Buffer.alloc(Math.min(size, 8192));
    await fh.read(head, 0, head.length, 0);
    const tailLen = Math.min(size, 65536);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    return { head, tail };
  } finally {
    await fh.close();
  }
}

/** The sentence for a file of this type that is not a spreadsheet. */
export function notSpreadsheetMessage(found: FileType): string {
  const kind = found.kind;
  if (found.executable) return `这是${kind}，不是表格文件，已拒绝读取。请选择 Excel/WPS 表格文件（.xlsx、.xls、.csv）。`;
  if (found.mime.startsWith('image/')) return `这是一张图片（${kind}），不是表格文件。图片里的表格无法导入：${FIX}`;
  if (found.mime === 'application/pdf') return `这是 PDF 文档，不是表格文件。PDF 里的表格无法直接导入：${FIX}`;
  if (found.mime === 'application/zip' || /压缩包$/.test(kind)) {
    return `这是一个压缩包（${kind}），不是表格文件。请先解压，再导入其中的 .xlsx、.xls 或 .csv 表格。`;
  }
  if (/Word|WPS 文字|RTF|ODF 文档|OFD/.test(kind)) {
    return `这是${kind}，不是表格文件。如果名单是 Word 里的表格，请把它复制到 Excel/WPS 表格中，另存为 .xlsx 后再导入。`;
  }
  if (found.mime.includes('ole-storage') || found.mime.includes('ms-excel')) {
    return `这是 Office 旧格式的文件，但里面没有 Excel 工作表（可能是 Word 或 PowerPoint 文件）。${FIX}`;
  }
  if (found.mime === 'application/octet-stream' || found.mime.startsWith('text/')) {
    return `文件内容无法识别，不是可识别的表格文件（支持 .xlsx、.xls、.csv）。文件可能已损坏，或是别的程序的数据：${FIX}`;
  }
  return `这是${kind}，不是表格文件。${FIX}`;
}

/** Looks at the file again (only after a reader refused it) and names what it holds. */
export async function describeNotSpreadsheet(filePath: string, fileName: string): Promise<string> {
  try {
    const { head, tail } = await readEnds(filePath);
    return notSpreadsheetMessage(sniffType(head, fileName, { tail }));
  } catch {
    return notSpreadsheetMessage(sniffType(Buffer.alloc(0), fileName));
  }
}
