import fs from 'node:fs';
import path from 'node:path';
import type { ImportIssue, ImportResult } from '../../../shared/contract/imports';
import { AppError } from '../../core/errors';
import type { CliCommand } from '../command';
import { formatTime } from '../format';
import { invoke } from '../invoke';

/** Lines of findings printed for people; the JSON document lists them all. */
const SHOWN_ISSUES = 50;

const issueJson = (i: ImportIssue) => ({ row: i.row, column: i.header, message: i.message });
const issueLine = (i: ImportIssue, multiSheet: boolean) =>
  `  ${multiSheet ? `「${i.sheet}」` : ''}第 ${i.row} 行${i.header ? ` ${i.column} 列「${i.header}」` : ''}：${i.message}`;

/**
 * The document issue 4 specifies for `ledger members import --json`: row = Excel row number (1-based),
 * column = the column's header as shown in the file ('' for a finding about the whole row, e.g. a duplicate).
 */
export function importDocument(file: string, r: ImportResult) {
  return {
    file,
    sheet: r.chosenSheets.join('、'),
    headerRows: r.headerRows,
    rowsRead: r.counts.rowsRead,
    created: r.counts.created,
    updated: r.counts.updated,
    unchanged: r.counts.unchanged,
    skipped: r.counts.skipped,
    batchId: r.batchId,
    errors: r.errors.map(issueJson),
    warnings: r.warnings.map(issueJson),
  };
}

export const membersImportCommand: CliCommand = {
  words: ['members', 'import'],
  argsUsage: '<文件>',
  minArgs: 1,
  maxArgs: 1,
  summary: '导入会员花名册（.xlsx、.xls、.csv、Excel 2003 XML）：按证件号码、会员证号、工号新建或更新会员。',
  details: [
    '先备份，再把所有无误的行在一次事务中写入；有错误的行跳过并列出。文件中没有的会员不会被删除。',
    '可用 ledger members undo-import <批次号> 整批撤销。',
    '--json 输出一个 JSON 文档：{file, sheet, headerRows, rowsRead, created, updated, unchanged, skipped, batchId,',
    '  errors:[{row, column, message}], warnings:[…]}，row 为 Excel 行号，column 为该列表头。',
    '退出码：文件读到了即为 0（即使有行出错）；文件无法读取或没有可导入的表格为 1（不写入任何数据）。',
  ],
  options: {
    sheet: { type: 'string', valueName: '工作表', description: '要导入的工作表（默认：第一个含会员名单的工作表）' },
    'dry-run': { type: 'boolean', description: '只检查并报告，不写入' },
    'keep-masked': { type: 'boolean', description: '证件号被遮盖（如 …XXXX）的人按“无证件号”导入（默认：该行不导入）' },
  },
  rawJson: true,
  async run({ ctx, args, options }) {
    const file = path.resolve(args[0]!);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('VALIDATION', `找不到要导入的文件：${file}`);
    const token = ctx.files.register(file, path.basename(file), false).token;
    const r = await invoke(ctx, 'imports.commit', {
      token,
      ...(typeof options.sheet === 'string' ? { sheets: [options.sheet] } : {}),
      dryRun: options['dry-run'] === true,
      maskedIds: options['keep-masked'] === true ? 'withoutId' : 'skip',
    });
    const c = r.counts;
    const multi = r.chosenSheets.length > 1;
    const lines = [
      `${r.dryRun ? '检查（未写入）' : '导入'}「${path.basename(file)}」工作表「${r.chosenSheets.join('、')}」，表头在第 ${r.headerRows.join('、')} 行。`,
      ...r.notes.map((n) => `  ${n}`),
      `读取 ${c.rowsRead} 行：${r.dryRun ? '将' : ''}新建 ${c.created}，${r.dryRun ? '将' : ''}更新 ${c.updated}，无变化 ${c.unchanged}，跳过 ${c.skipped}。`,
      ...(r.batchId !== null ? [`批次号 ${r.batchId}（撤销：ledger members undo-import ${r.batchId}）；导入前已备份 ${r.backup ?? ''}。`] : []),
    ];
    if (r.errors.length) {
      lines.push(`错误 ${r.errors.length} 条（这些行未导入）：`, ...r.errors.slice(0, SHOWN_ISSUES).map((i) => issueLine(i, multi)));
      if (r.errors.length > SHOWN_ISSUES) lines.push(`  …… 另有 ${r.errors.length - SHOWN_ISSUES} 条，用 --json 查看全部`);
    }
    if (r.warnings.length) {
      lines.push(`提示 ${r.warnings.length} 条：`, ...r.warnings.slice(0, SHOWN_ISSUES).map((i) => issueLine(i, multi)));
      if (r.warnings.length > SHOWN_ISSUES) lines.push(`  …… 另有 ${r.warnings.length - SHOWN_ISSUES} 条，用 --json 查看全部`);
    }
    return { data: importDocument(file, r), lines };
  },
};

export const membersUndoImportCommand: CliCommand = {
  words: ['members', 'undo-import'],
  argsUsage: '<批次号>',
  minArgs: 1,
  maxArgs: 1,
  summary: '整批撤销一次花名册导入：新建的会员移除，更新的会员恢复原值（先备份）。',
  details: ['导入后又被修改过的会员会使撤销被拒绝（不做任何更改），并列出原因。'],
  async run({ ctx, args }) {
    const batchId = Number(args[0]);
    if (!Number.isInteger(batchId) || batchId <= 0) throw new AppError('VALIDATION', `批次号应为正整数：${args[0]}`);
    const r = await invoke(ctx, 'imports.undo', { batchId });
    return {
      data: r,
      lines: [`已撤销第 ${r.batchId} 批导入：移除新建的会员 ${r.removed} 人，恢复原值 ${r.restored} 人。撤销前已备份 ${r.backup}。`],
    };
  },
};

export const membersImportsCommand: CliCommand = {
  words: ['members', 'imports'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出花名册导入记录（批次号、文件、新建/更新/跳过人数、是否已撤销）。',
  async run({ ctx }) {
    const batches = await invoke(ctx, 'imports.batches', {});
    return {
      data: { batches },
      lines: batches.length
        ? batches.map(
            (b) =>
              `${b.id}\t${formatTime(b.createdAt)}\t${b.fileName}\t新建 ${b.created} 更新 ${b.updated} 无变化 ${b.unchanged} 跳过 ${b.skipped}${b.undoneAt ? `\t已撤销（${formatTime(b.undoneAt)}）` : ''}`,
          )
        : ['还没有导入记录。'],
    };
  },
};
