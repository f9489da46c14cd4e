import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { openWorkbook, type OpenWorkbookOptions } from '../../../electron/core/spreadsheet/open';
import { MSG } from '../../../electron/core/spreadsheet/messages';
import { bigCsv, bigXlsx, writeCorpus } from '../../fixtures/spreadsheets/make-fixtures';

let dir: string;
let files: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-bad-sheets-'));
  files = writeCorpus(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the file and reads every sheet; resolves to the AppError it was refused with (or fails the test). */
async function refusal(file: string, opts?: OpenWorkbookOptions): Promise<AppError> {
  try {
    const wb = await openWorkbook(file, opts);
    try {
      for (const name of wb.sheetNames()) await wb.readSheet(name);
    } finally {
      await wb.close();
    }
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error(`${path.basename(file)} was read without complaint`);
}

describe('bad input corpus — each refused with a Chinese message', () => {
  it.each([
    ['word-renamed.xlsx', MSG.wordDocument],
    ['encrypted.xlsx', MSG.encrypted],
    ['encrypted.xls', MSG.encrypted],
    ['zip-entry-encrypted.xlsx', MSG.encrypted],
    ['truncated.xlsx', MSG.corrupt],
    ['truncated-data.xlsx', MSG.corrupt],
    ['truncated.xls', MSG.corrupt],
    ['zip-bomb.xlsx', MSG.zipBomb(1024)],
    ['zip-bomb-lying-size.xlsx', MSG.corrupt],
    ['huge-shared-string.xlsx', MSG.tooMuchText],
    ['empty.csv', MSG.empty],
    ['unknown-encoding.csv', MSG.unknownEncoding],
    ['html-saved-as.xls', MSG.html],
    ['xlsb-renamed.xlsx', MSG.xlsb],
    ['ods-renamed.xlsx', MSG.ods],
    ['excel95.xls', MSG.corrupt],
    ['excel4.xls', MSG.biff4],
  ])('%s → %s', async (name, message) => {
    const err = await refusal(files[name] as string);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe(message);
  });

  it.each([
    ['png-renamed.xlsx', '这是一张图片（PNG 图片），不是表格文件。图片里的表格无法导入：请找到原始表格，在 Excel/WPS 中打开，另存为 .xlsx 后再导入。'],
    ['random-bytes.xlsx', '文件内容无法识别，不是可识别的表格文件（支持 .xlsx、.xls、.csv）。文件可能已损坏，或是别的程序的数据：请找到原始表格，在 Excel/WPS 中打开，另存为 .xlsx 后再导入。'],
    ['random-bytes.xls', '文件内容无法识别，不是可识别的表格文件（支持 .xlsx、.xls、.csv）。文件可能已损坏，或是别的程序的数据：请找到原始表格，在 Excel/WPS 中打开，另存为 .xlsx 后再导入。'],
    ['binary-junk.csv', '文件内容无法识别，不是可识别的表格文件（支持 .xlsx、.xls、.csv）。文件可能已损坏，或是别的程序的数据：请找到原始表格，在 Excel/WPS 中打开，另存为 .xlsx 后再导入。'],
  ])('%s (no spreadsheet at all) → says what was found and what to do', async (name, message) => {
    const err = await refusal(files[name] as string);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe(message);
  });

  it.each([
    ['a ZIP of photos named .xlsx', Buffer.from(zipSync({ 'photos/1.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) })), /^这是一个压缩包（ZIP 压缩包），不是表格文件。请先解压/],
    ['a PDF named .xlsx', Buffer.from('%PDF-1.7\n1 0 obj\n', 'latin1'), /^这是 PDF 文档，不是表格文件。/],
    ['a JPEG named .xls', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3]), /^这是一张图片（JPEG 图片）/],
    ['a program named .xlsx', Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(300, 0x90)]), /^这是Windows 程序，不是表格文件，已拒绝读取/],
  ])('%s → what it is instead, and what to do', async (_what, bytes, message) => {
    const file = path.join(dir, `花名册-${_what.length}.xlsx`);
    writeFileSync(file, bytes);
    const err = await refusal(file);
    expect(err.message).toMatch(message);
    expect(err.message).not.toBe(MSG.notSpreadsheet);
  });

  it('the encrypted and password messages are the ones the clerk is told', () => {
    expect(MSG.encrypted).toBe('文件有密码保护，请在 Excel/WPS 中取消密码后另存再导入');
    expect(MSG.notSpreadsheet).toContain('不是可识别的表格文件');
    expect(MSG.corrupt).toContain('文件已损坏或不完整');
  });

  it('a zip bomb whose header lies is stopped after the declared size, with bounded memory', async () => {
    const before = process.memoryUsage().rss;
    const err = await refusal(files['zip-bomb-lying-size.xlsx'] as string);
    expect(err.message).toBe(MSG.corrupt);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a smaller part cap refuses an honest but large sheet before inflating it', async () => {
    const err = await refusal(files['zip-bomb.xlsx'] as string, { maxPartBytes: 10 * 1024 * 1024 });
    expect(err.message).toBe(MSG.zipBomb(10));
  });

  it('a missing file and a file over the size cap are refused', async () => {
    expect((await refusal(path.join(dir, 'nope.xlsx'))).message).toBe('找不到要导入的文件');
    const err = await refusal(files['random-bytes.xlsx'] as string, { maxFileBytes: 1000 });
    expect(err.message).toBe(MSG.tooBig(0));
  });
});

describe('a million rows — refused at the row cap, reading stops early', () => {
  it('CSV with 1,000,000 rows against the default cap of 200,000', async () => {
    const file = path.join(dir, 'million.csv');
    writeFileSync(file, bigCsv(1_000_000));
    const start = Date.now();
    const before = process.memoryUsage().rss;
    const err = await refusal(file);
    expect(err.message).toBe(MSG.tooManyRows(200_000));
    expect(err.message).toContain('200,000');
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('.xlsx with 1,000,000 rows, and a configurable cap', async () => {
    const file = path.join(dir, 'million.xlsx');
    writeFileSync(file, bigXlsx(1_000_000));
    expect((await refusal(file)).message).toBe(MSG.tooManyRows(200_000));
    expect((await refusal(file, { maxRows: 5000 })).message).toBe(MSG.tooManyRows(5000));
    expect((await refusal(file, { maxCells: 3000 })).message).toBe(MSG.tooManyCells(3000));
  });

  it('cancelling through the signal stops a read with CANCELLED', async () => {
    const file = path.join(dir, 'million.xlsx');
    writeFileSync(file, bigXlsx(150_000));
    const ac = new AbortController();
    const wb = await openWorkbook(file, { signal: ac.signal, onProgress: (f) => f > 0.2 && ac.abort() });
    await expect(wb.readSheet('Sheet1')).rejects.toMatchObject({ code: 'CANCELLED' });
    await wb.close();
  });
});
