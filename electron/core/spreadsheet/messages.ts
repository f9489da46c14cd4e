/**
 * Every refusal of a file is an AppError('VALIDATION', 中文) the clerk can act on: what is wrong and what to
 * do in Excel/WPS. Kept in one place so tests and the import UI agree on the wording.
 */
import { AppError } from '../errors';

export const MSG = {
  notSpreadsheet: '不是可识别的表格文件（支持 .xlsx、.xls、.csv）',
  encrypted: '文件有密码保护，请在 Excel/WPS 中取消密码后另存再导入',
  corrupt: '文件已损坏或不完整，请在 Excel/WPS 中打开确认后另存再导入',
  empty: '文件是空的，没有任何内容',
  unknownEncoding: '无法识别文件的文字编码（支持 UTF-8、GBK/GB18030、UTF-16），请在 Excel/WPS 中另存为 .xlsx 后再导入',
  html: '这是网页（HTML）格式的表格，只是扩展名为 .xls；请在 Excel/WPS 中打开后另存为 .xlsx 再导入',
  xlsb: '不支持 .xlsb 二进制工作簿，请在 Excel/WPS 中另存为 .xlsx 后再导入',
  ods: '不支持 OpenDocument 表格（.ods），请在 WPS/LibreOffice 中另存为 .xlsx 后再导入',
  oldBiff: '文件是 Excel 95 或更早的格式，请在 Excel/WPS 中另存为 .xlsx 后再导入',
  biff4: '文件是 1997 年以前的 Excel 格式（Excel 2.x–4.0 工作表），无法直接读取；请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿（.xlsx）后再导入',
  wordDocument: '这是 Word 文档，不是表格文件。如果名单是 Word 里的表格，请把它复制到 Excel/WPS 表格中，另存为 .xlsx 后再导入。',
  zipBomb: (mb: number) => `文件解压后过大（超过 ${mb} MB），可能是损坏或恶意构造的文件，已拒绝读取`,
  tooBig: (mb: number) => `文件太大（超过 ${mb} MB），请拆分成几个文件后再导入`,
  tooManyRows: (cap: number) => `表格行数超过上限 ${cap.toLocaleString('en-US')} 行，请拆分成几个文件后再导入`,
  tooManyCells: (cap: number) => `表格单元格数超过上限 ${cap.toLocaleString('en-US')} 个，请删除无关的列或拆分文件后再导入`,
  tooMuchText: '表格里的文字量异常大（单元格或共享文字超过上限），可能是损坏或恶意构造的文件，已拒绝读取',
  noSheet: (name: string) => `工作表「${name}」不存在`,
  cancelled: '已取消读取',
} as const;

export const refuse = (message: string, details?: unknown): AppError => new AppError('VALIDATION', message, details);

export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', MSG.cancelled);
}
