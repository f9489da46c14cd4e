import path from 'node:path';
import type { ProposalImportResult } from '../../../shared/contract/proposal-imports';
import { batchLine, issueJson, issueLines, SHOWN_ISSUES } from '../../core/imports/report';
import { UsageError, type CliCommand } from '../command';
import { batchIdArg, importFileToken } from '../import-file';
import { invoke } from '../invoke';
import { resolveSession } from './proposals';

/**
 * The same document as `ledger members import --json` (row = Excel row, column = the column's header as
 * shown), with what only a proposal register has: the session, 提案 and 意见建议 counts, and the numbers given.
 */
export function proposalImportDocument(file: string, r: ProposalImportResult) {
  return {
    file,
    sheet: r.sheet,
    headerRows: r.headerRows,
    session: r.session.label,
    dryRun: r.dryRun,
    rowsRead: r.counts.rowsRead,
    created: r.counts.proposals + r.counts.opinions,
    proposals: r.counts.proposals,
    opinions: r.counts.opinions,
    withHistory: r.counts.withHistory,
    skipped: r.counts.skipped,
    batchId: r.batchId,
    backup: r.backup,
    errors: r.errors.map(issueJson),
    warnings: r.warnings.map(issueJson),
  };
}

export const proposalsImportCommand: CliCommand = {
  words: ['proposals', 'import'],
  argsUsage: '<文件>',
  minArgs: 1,
  maxArgs: 1,
  summary: '导入提案登记表（.xlsx、.xls、.csv、Excel 2003 XML）到一个届次：按表中顺序编号，附议人不足的登记为意见建议。',
  details: [
    '提案人和附议人须是该届的代表（同名的用「代表团」列或「姓名（代表团）」区分）；类别和承办部门须已在列表中。',
    '表中有审查意见、答复类别、答复日期、满意度等列时，按它们补记立案、交办、答复、反馈。',
    '先备份，再把所有无误的行在一次事务中写入；有错误的行跳过并列出。可用 ledger proposals undo-import <批次号> 整批撤销。',
    '--json 输出一个 JSON 文档：{file, sheet, headerRows, session, dryRun, rowsRead, created, proposals, opinions, withHistory,',
    '  skipped, batchId, backup, errors:[{row, column, message}], warnings:[…]}，row 为 Excel 行号，column 为该列表头。',
    '退出码：文件读到了即为 0（即使有行出错）；文件无法读取、没有提案登记表或届次不存在为 1（不写入任何数据）。',
  ],
  options: {
    session: { type: 'string', valueName: '届次', description: '届次，如 五届二次、第五届第二次、5-2 或届次编号' },
    sheet: { type: 'string', valueName: '工作表', description: '要导入的工作表（默认：第一个含提案登记表的工作表）' },
    'dry-run': { type: 'boolean', description: '只检查并报告，不写入' },
    'no-history': { type: 'boolean', description: '只登记，不按结果列补记立案、交办、答复、反馈' },
  },
  rawJson: true,
  async run({ ctx, args, options }) {
    if (typeof options.session !== 'string') throw new UsageError('请用 --session 指定导入到哪一届，如 --session 五届二次。', proposalsImportCommand);
    const { file, token } = importFileToken(ctx, args[0]!);
    const session = await resolveSession(ctx, options.session);
    const r = await invoke(ctx, 'proposals.importCommit', {
      token,
      sessionId: session.id,
      ...(typeof options.sheet === 'string' ? { sheet: options.sheet } : {}),
      replayHistory: options['no-history'] !== true,
      dryRun: options['dry-run'] === true,
    });
    const c = r.counts;
    const will = r.dryRun ? '将' : '';
    const lines = [
      `${r.dryRun ? '检查（未写入）' : '导入'}「${path.basename(file)}」工作表「${r.sheet}」到${r.session.label}，表头在第 ${r.headerRows.join('、')} 行。`,
      ...r.notes.map((n) => `  ${n}`),
      `读取 ${c.rowsRead} 行：${will}登记提案 ${c.proposals} 件、意见建议 ${c.opinions} 件（其中补记办理过程 ${c.withHistory} 件），跳过 ${c.skipped} 行。`,
      ...r.rows.filter((x) => x.number).slice(0, SHOWN_ISSUES).map((x) => `  第 ${x.excelRow} 行 → ${x.number}　${x.title}`),
      ...batchLine('proposals', r.batchId, r.backup),
      ...issueLines(r),
    ];
    return { data: proposalImportDocument(file, r), lines };
  },
};

export const proposalsUndoImportCommand: CliCommand = {
  words: ['proposals', 'undo-import'],
  argsUsage: '<批次号>',
  minArgs: 1,
  maxArgs: 1,
  summary: '整批撤销一次提案登记表导入：这批登记的提案和意见建议连同补记的办理过程一并移除（先备份）。',
  details: ['导入后办理过、修改过、加了附件，或之后又登记了新提案（撤销会留下空号）时，撤销被拒绝且不做任何更改。'],
  async run({ ctx, args }) {
    const r = await invoke(ctx, 'proposals.importUndo', { batchId: batchIdArg(args[0]) });
    return { data: r, lines: [`已撤销第 ${r.batchId} 批提案导入：移除 ${r.removed} 件。撤销前已备份 ${r.backup}。`] };
  },
};
