import fs from 'node:fs';
import path from 'node:path';
import { isPeriod, periodMonths, yuan } from '../../../shared/domain/dues';
import { rmbCapital } from '../../../shared/domain/rmb-capital';
import { AppError } from '../../core/errors';
import { countsLine } from '../../core/dues/import/import-commit';
import { batchLine, issueJson, issueLines } from '../../core/imports/report';
import { UsageError, type CliCommand } from '../command';
import { batchIdArg, importFileToken } from '../import-file';
import { invoke } from '../invoke';
import { piiAskOf, PII_CLI_OPTIONS } from '../pii-options';

export const duesComputeCommand: CliCommand = {
  words: ['dues', 'compute'],
  minArgs: 0,
  maxArgs: 0,
  summary: '按花名册的月工资核算会费（0.5%，10 元以下尾数不计）：一个月、一季度、半年或一年；已缴的记录保持不变。',
  options: {
    month: { type: 'string', valueName: 'YYYY-MM', description: '月份，如 2026-10', required: 'period' },
    period: { type: 'string', valueName: '期间', description: 'YYYY-MM、YYYY-Qn（季度）、YYYY-H1/H2（半年）或 YYYY（全年）', required: 'period' },
  },
  async run({ ctx, options }) {
    const period = typeof options.period === 'string' ? options.period.trim().toUpperCase() : typeof options.month === 'string' ? options.month : undefined;
    const months = period ? periodMonths(period) : null;
    if (!period || !months) throw new UsageError('请用 --period 指定期间，如 2026-10、2026-Q3、2026-H1 或 2026（--month YYYY-MM 同样可用）。', duesComputeCommand);
    // Dues are stored per month: a longer period computes each month and adds them up per member.
    type Acc = { idNumber: string | null; name: string; wage: number | null; base: number; amount: number; exempt: boolean; reason: string | null; paidOn: string | null };
    const byMember = new Map<number, Acc>();
    let dueFen = 0;
    let paidFen = 0;
    let kept = 0;
    for (const month of months) {
      const s = await invoke(ctx, 'dues.compute', { period: month });
      dueFen += s.dueFen;
      paidFen += s.paidFen;
      kept += s.kept;
      // dues.compute answers the month's totals; the CLI prints every row, so it reads the month's sheet.
      for (const r of (await invoke(ctx, 'dues.sheet', { period: month })).rows) {
        const a = byMember.get(r.memberId);
        if (!a) byMember.set(r.memberId, { idNumber: r.idNumber, name: r.name, wage: r.wageFen, base: r.baseFen, amount: r.amountFen, exempt: r.exempt, reason: r.reason, paidOn: r.paidOn });
        else {
          a.amount += r.amountFen;
          a.exempt = a.exempt && r.exempt;
          a.paidOn = a.paidOn && r.paidOn ? (r.paidOn > a.paidOn ? r.paidOn : a.paidOn) : null;
        }
      }
    }
    const rows = [...byMember.values()];
    return {
      data: { period, months, dueFen, paidFen, kept, members: rows },
      lines: [
        ...rows.map((r) => [r.name, r.idNumber ?? '', r.wage == null ? '—' : yuan(r.wage), yuan(r.base), yuan(r.amount), r.paidOn ? `已缴 ${r.paidOn}` : r.exempt ? '免交' : '未缴', r.reason ?? ''].join('\t')),
        `${period}：${rows.length} 人，应缴 ${yuan(dueFen)} 元，已缴 ${yuan(paidFen)} 元（已缴记录 ${kept} 条保持不变）。`,
      ],
    };
  },
};

export const duesUnpaidCommand: CliCommand = {
  words: ['dues', 'unpaid'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出截至某月连续若干个月（默认 6 个月）未缴会费的会员，供跟进；不会改变任何人的会籍状态。',
  options: {
    months: { type: 'string', valueName: '月数', description: '连续未缴的月数（默认 6）' },
    'as-of': { type: 'string', valueName: 'YYYY-MM', description: '截至月份（默认本月）' },
  },
  async run({ ctx, options }) {
    const now = ctx.clock();
    const asOf = typeof options['as-of'] === 'string' ? options['as-of'] : `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    if (!isPeriod(asOf)) throw new UsageError(`月份「${asOf}」不对，应为 YYYY-MM。`, duesUnpaidCommand);
    const months = typeof options.months === 'string' ? Number(options.months) : 6;
    if (!Number.isInteger(months) || months < 1 || months > 60) throw new UsageError('--months 应为 1 至 60 的整数。', duesUnpaidCommand);
    const rows = await invoke(ctx, 'dues.arrears', { asOf, months });
    return {
      data: { asOf, months, members: rows },
      lines: [...rows.map((r) => [r.name, r.idNumber ?? '', `${r.unpaidMonths} 个月`, `${yuan(r.unpaidFen)} 元`, `自 ${r.oldest}`].join('\t')), `截至 ${asOf} 连续 ${months} 个月未缴的会员 ${rows.length} 人。`],
    };
  },
};

export const duesImportCommand: CliCommand = {
  words: ['dues', 'import'],
  argsUsage: '<文件>',
  minArgs: 1,
  maxArgs: 1,
  summary: '导入工资表或会费缴纳表（.xlsx、.xls、.csv）到一个期间：按身份证号、工号或姓名对应会员，月工资重算应缴，实缴登记缴纳。',
  details: [
    '花名册中找不到的人是该行的错误，不会新建会员；已缴的月份保持不变。期间长于一个月时，月工资用于每个月，实缴从最早的未缴月份起抵缴。',
    '先备份，再把所有无误的行在一次事务中写入；可用 ledger dues undo-import <批次号> 整批撤销。',
    '--json 输出 {file, sheet, period, months, dryRun, rowsRead, updated, unchanged, skipped, monthsWritten, monthsPaid, paidFen, batchId, backup,',
    '  rows:[{row, name, action, months, paidMonths, dueFen, paidFen}], errors:[{row, column, message}], warnings:[…]}。',
    '退出码：文件读到了即为 0（即使有行出错）；文件无法读取或没有可对应的列为 1（不写入任何数据）。',
  ],
  options: {
    period: { type: 'string', valueName: '期间', description: 'YYYY-MM、YYYY-Qn、YYYY-H1/H2 或 YYYY', required: 'period' },
    sheet: { type: 'string', valueName: '工作表', description: '要导入的工作表（默认：第一个含工资或缴费表的工作表）' },
    'dry-run': { type: 'boolean', description: '只检查并报告，不写入' },
  },
  rawJson: true,
  async run({ ctx, args, options }) {
    const period = typeof options.period === 'string' ? options.period.trim().toUpperCase() : '';
    if (!periodMonths(period)) throw new UsageError('请用 --period 指定期间，如 2026-10、2026-Q3、2026-H1 或 2026。', duesImportCommand);
    const { file, token } = importFileToken(ctx, args[0]!);
    const r = await invoke(ctx, 'dues.importCommit', {
      token,
      period,
      ...(typeof options.sheet === 'string' ? { sheet: options.sheet } : {}),
      dryRun: options['dry-run'] === true,
    });
    const c = r.counts;
    if (r.blockers.length) throw new AppError('VALIDATION', r.blockers.join('；'));
    const data = {
      file,
      sheet: r.sheet,
      period: r.period,
      months: r.months,
      dryRun: r.dryRun,
      ...c,
      batchId: r.batchId,
      backup: r.backup,
      rows: r.rows.map((x) => ({ row: x.excelRow, name: x.name, action: x.action, months: x.months, paidMonths: x.paidMonths, dueFen: x.dueFen, paidFen: x.paidFen })),
      errors: r.errors.map(issueJson),
      warnings: r.warnings.map(issueJson),
    };
    const lines = [
      `${r.dryRun ? '检查（未写入）' : '导入'}「${path.basename(file)}」工作表「${r.sheet}」到 ${r.periodLabel}，表头在第 ${r.headerRows.join('、')} 行。`,
      ...r.notes.map((n) => `  ${n}`),
      countsLine(c, r.dryRun),
      ...batchLine('dues', r.batchId, r.backup),
      ...issueLines(r),
    ];
    return { data, lines };
  },
};

export const duesUndoImportCommand: CliCommand = {
  words: ['dues', 'undo-import'],
  argsUsage: '<批次号>',
  minArgs: 1,
  maxArgs: 1,
  summary: '整批撤销一次工资或会费缴纳导入：这批写入的月份记录恢复原样（先备份）。',
  details: ['导入后这些记录又被核算、登记缴纳或再次导入时，撤销被拒绝且不做任何更改。'],
  async run({ ctx, args }) {
    const r = await invoke(ctx, 'dues.importUndo', { batchId: batchIdArg(args[0]) });
    return { data: r, lines: [`已撤销第 ${r.batchId} 批会费导入：恢复 ${r.restored} 条、移除 ${r.removed} 条。撤销前已备份 ${r.backup}。`] };
  },
};

/** Copies a file the core made to the clerk's path; written beside it and renamed, so no half file is left under the name. */
function writeOut(ctx: Parameters<CliCommand['run']>[0]['ctx'], token: string, target: string, force: boolean): void {
  if (fs.existsSync(target) && !force) throw new AppError('CONFLICT', `文件「${target}」已存在，未覆盖。如确要覆盖，请加上 --force。`);
  if (!fs.existsSync(path.dirname(target))) throw new AppError('NOT_FOUND', `文件夹「${path.dirname(target)}」不存在，未生成。`);
  const partial = `${target}.partial`;
  fs.copyFileSync(ctx.files.resolve(token).path, partial);
  fs.renameSync(partial, target);
}

export const duesCollectionCommand: CliCommand = {
  words: ['dues', 'collection'],
  minArgs: 0,
  maxArgs: 0,
  summary: '会费收缴清单：按工会小组列出应缴、实缴和合计（含大写）；给 --out 时生成文件（.pdf 每组一页并附汇总页、有签字栏；.xlsx 为上解用的汇总与明细）。',
  options: {
    period: { type: 'string', valueName: '期间', description: 'YYYY-MM、YYYY-Qn、YYYY-H1/H2 或 YYYY', required: 'period' },
    group: { type: 'string', valueName: '工会小组', description: '只打印这个小组（仅 .pdf）' },
    out: { type: 'string', valueName: '文件', description: '写到这个文件（.pdf 或 .xlsx）' },
    force: { type: 'boolean', description: '--out 的文件已存在时覆盖它' },
    ...PII_CLI_OPTIONS,
  },
  async run({ ctx, options }) {
    const period = typeof options.period === 'string' ? options.period.trim().toUpperCase() : '';
    if (!periodMonths(period)) throw new UsageError('请用 --period 指定期间，如 2026-10、2026-Q3、2026-H1 或 2026。', duesCollectionCommand);
    const sheet = await invoke(ctx, 'dues.periodSheet', { period });
    const groups = new Map<string, { members: number; due: number; paid: number; unpaid: number }>();
    for (const r of sheet.rows) {
      const g = groups.get(r.groupName ?? '未分组') ?? { members: 0, due: 0, paid: 0, unpaid: 0 };
      g.members++;
      g.due += r.dueFen;
      g.paid += r.paidFen;
      if (r.unpaidMonths) g.unpaid++;
      groups.set(r.groupName ?? '未分组', g);
    }
    const data = { period, label: sheet.label, dueFen: sheet.dueFen, paidFen: sheet.paidFen, groups: [...groups].map(([name, g]) => ({ name, ...g })) };
    const lines = [...groups].map(([name, g]) => [name, `${g.members} 人`, `应缴 ${yuan(g.due)}`, `实缴 ${yuan(g.paid)}`, `未缴 ${g.unpaid} 人`].join('\t'));
    lines.push(`${sheet.label}：应缴 ${yuan(sheet.dueFen)} 元（${rmbCapital(sheet.dueFen)}），实缴 ${yuan(sheet.paidFen)} 元（${rmbCapital(sheet.paidFen)}）。`);
    if (typeof options.out !== 'string') return { data, lines };
    const target = path.resolve(options.out);
    const ext = path.extname(target).toLowerCase();
    if (ext !== '.pdf' && ext !== '.xlsx') throw new UsageError('--out 的文件名应以 .pdf 或 .xlsx 结尾。', duesCollectionCommand);
    const group = typeof options.group === 'string' ? options.group : null;
    // The .xlsx 明细 holds ID numbers: --reason / --masked as for every export of them (operators/pii.ts).
    const ref = ext === '.pdf' ? await invoke(ctx, 'dues.collectionPdf', { period, group }) : await invoke(ctx, 'dues.collectionXlsx', { period, ...piiAskOf(options) });
    writeOut(ctx, ref.token, target, options.force === true);
    return { data: { ...data, path: target }, lines: [...lines, `已生成收缴清单：${target}`] };
  },
};

export const duesSummaryCommand: CliCommand = {
  words: ['dues', 'summary'],
  minArgs: 0,
  maxArgs: 0,
  summary: '会费年度汇总：每个工会小组全年应缴、实缴和欠缴人数；给 --out 文件.xlsx 时写出逐月汇总表。',
  options: {
    year: { type: 'string', valueName: 'YYYY', description: '年份（默认今年）' },
    out: { type: 'string', valueName: '文件', description: '写到这个 .xlsx 文件' },
    force: { type: 'boolean', description: '--out 的文件已存在时覆盖它' },
  },
  async run({ ctx, options }) {
    const year = typeof options.year === 'string' ? Number(options.year) : ctx.clock().getFullYear();
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year 应为四位年份，如 2026。', duesSummaryCommand);
    const s = await invoke(ctx, 'dues.summary', { year });
    const lines = [
      ...s.groups.map((g) => [g.name, `${g.members} 人`, `应缴 ${yuan(g.dueFen)}`, `实缴 ${yuan(g.paidFen)}`, `欠缴 ${g.unpaidMembers} 人`].join('\t')),
      `${s.label}：应缴 ${yuan(s.dueFen)} 元（${s.dueCapital}），实缴 ${yuan(s.paidFen)} 元（${s.paidCapital}）。`,
    ];
    if (typeof options.out !== 'string') return { data: s, lines };
    const target = path.resolve(options.out);
    if (path.extname(target).toLowerCase() !== '.xlsx') throw new UsageError('--out 的文件名应以 .xlsx 结尾。', duesSummaryCommand);
    const ref = await invoke(ctx, 'dues.summaryXlsx', { year });
    writeOut(ctx, ref.token, target, options.force === true);
    return { data: { ...s, path: target }, lines: [...lines, `已生成年度汇总：${target}`] };
  },
};
