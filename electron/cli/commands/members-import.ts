import fs from 'node:fs';
import path from 'node:path';
import { unitPlanLines } from '../../../shared/domain/unit-name';
import type { ImportResult } from '../../../shared/contract/imports';
import { batchLine, issueJson, issueLines } from '../../core/imports/report';
import type { CliCommand } from '../command';
import { formatTime } from '../format';
import { batchIdArg, importFileToken } from '../import-file';
import { invoke } from '../invoke';

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
    'no-new-groups': { type: 'boolean', description: '不新建文件中出现而尚不存在的分工会、工会小组（这些会员不设小组；默认：一并新建）' },
    'issues-out': { type: 'string', valueName: '文件.xlsx', description: '把跳过和需要核对的行（原有各列 + 行号 + 问题）存成 .xlsx，改好后可再导入' },
  },
  rawJson: true,
  async run({ ctx, args, options }) {
    const { file, token } = importFileToken(ctx, args[0]!);
    const r = await invoke(ctx, 'members.importCommit', {
      token,
      ...(typeof options.sheet === 'string' ? { sheets: [options.sheet] } : {}),
      dryRun: options['dry-run'] === true,
      maskedIds: options['keep-masked'] === true ? 'withoutId' : 'skip',
      createUnits: options['no-new-groups'] !== true,
    });
    const issuesOut = typeof options['issues-out'] === 'string' ? path.resolve(options['issues-out']) : null;
    let issuesLine: string[] = [];
    if (issuesOut && r.issueRows > 0 && !r.dryRun) {
      const ref = r.issuesFile ?? (r.batchId !== null ? await invoke(ctx, 'members.importIssuesFile', { batchId: r.batchId }) : null);
      if (ref) {
        fs.copyFileSync(ctx.files.resolve(ref.token).path, issuesOut);
        issuesLine = [`问题行 ${r.issueRows} 行已存到 ${issuesOut}（改好后可再导入）。`];
      }
    } else if (r.issueRows > 0 && !r.dryRun) issuesLine = [`有 ${r.issueRows} 行跳过或需要核对：加 --issues-out 文件.xlsx 可把它们存成表格。`];
    const c = r.counts;
    const multi = r.chosenSheets.length > 1;
    const lines = [
      `${r.dryRun ? '检查（未写入）' : '导入'}「${path.basename(file)}」工作表「${r.chosenSheets.join('、')}」，表头在第 ${r.headerRows.join('、')} 行。`,
      ...r.notes.map((n) => `  ${n}`),
      `读取 ${c.rowsRead} 行：${r.dryRun ? '将' : ''}新建 ${c.created}，${r.dryRun ? '将' : ''}更新 ${c.updated}，无变化 ${c.unchanged}，跳过 ${c.skipped}。`,
      ...batchLine('members', r.batchId, r.backup),
      ...unitPlanLines(r.units, !r.dryRun && r.batchId !== null),
      ...issueLines(r, multi),
      ...issuesLine,
    ];
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
    const r = await invoke(ctx, 'members.importUndo', { batchId: batchIdArg(args[0]) });
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
    const batches = await invoke(ctx, 'members.importBatches', {});
    return {
      data: { batches },
      lines: batches.length
        ? batches.map(
            (b) =>
              `${b.id}\t${formatTime(b.createdAt)}\t${b.actor}\t${b.fileName}\t新建 ${b.created} 更新 ${b.updated} 无变化 ${b.unchanged} 跳过 ${b.skipped}${b.undoneAt ? `\t已撤销（${formatTime(b.undoneAt)}）` : ''}`,
          )
        : ['还没有导入记录。'],
    };
  },
};
