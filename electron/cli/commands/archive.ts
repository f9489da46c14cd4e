import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveYearView } from '../../../shared/contract/archive';
import { ARCHIVE_FORMS, ARCHIVE_FORM_LABELS, RETENTION_CODES, RETENTION_LABELS } from '../../../shared/domain/archive-labels';
import { verifyPackage } from '../../core/archive/archive.package';
import { AppError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
import { formatBytes } from '../format';
import { invoke } from '../invoke';

function yearOf(arg: string | undefined, command: CliCommand): number {
  if (!arg || !/^\d{4}$/.test(arg)) throw new UsageError(`年度应为四位年份，例如 2026，收到「${arg ?? ''}」。`, command);
  return Number(arg);
}

/** The shape checks and other tools read (`archive plan --json`). */
const jsonItems = (v: ArchiveYearView) =>
  v.items
    .filter((i) => !i.excluded && i.mergedIntoId === null)
    .map((i) => ({
      archiveCode: i.archiveCode,
      title: i.selfMadeTitle ? `[${i.title}]` : i.title,
      responsible: i.responsible,
      docNo: i.docNo,
      date: i.date,
      secrecy: i.secrecy,
      pages: i.pages,
      retention: i.retention,
      classCode: i.classKey,
      source: i.sourceKey,
      itemNo: i.itemNo,
      box: i.boxNo,
      id: i.id,
    }));

const itemLines = (v: ArchiveYearView) => [
  ...jsonItems(v).map((i) => [i.archiveCode ?? '（未编号）', i.docNo, i.responsible, i.title, i.date.replace(/-/g, ''), i.secrecy, i.pages ?? '?', RETENTION_LABELS[i.retention]].join('\t')),
  ...v.classes.map((c) => `${c.label}：${c.count} 件，${c.pages} 页`),
  `${v.year} 年度共 ${v.totals.items} 件，${v.totals.pages} 页${v.totals.excluded ? `（另有 ${v.totals.excluded} 件不归档）` : ''}。`,
];

/** Writes beside the target and renames, so an interrupted run never leaves half a file under its name. */
function place(source: string, target: string): void {
  const partial = `${target}.partial`;
  fs.copyFileSync(source, partial);
  fs.renameSync(partial, target);
}

export const archivePlanCommand: CliCommand = {
  words: ['archive', 'plan'],
  argsUsage: '<年度>',
  minArgs: 1,
  maxArgs: 1,
  summary: '整理年度归档文件：从各项记录列出这一年要归档的文件（件），保留已做的调整；已封存的年度只列出。',
  async run({ ctx, args }) {
    const v = await invoke(ctx, 'archive.plan', { year: yearOf(args[0], archivePlanCommand) });
    if (!v.totals.items && !v.totals.excluded) return { data: { year: v.year, state: v.state, items: [] }, lines: [`${v.year} 年度没有要归档的文件。`] };
    return { data: { year: v.year, state: v.state, items: jsonItems(v), classes: v.classes, totals: v.totals }, lines: itemLines(v) };
  },
};

export const archiveNumberCommand: CliCommand = {
  words: ['archive', 'number'],
  argsUsage: '<年度>',
  minArgs: 1,
  maxArgs: 1,
  summary: '编号：给这一年的每件文件编件号和档号（每个最低一级类目从 0001 起，号码不重复使用）。',
  async run({ ctx, args }) {
    const { numbered, view } = await invoke(ctx, 'archive.number', { year: yearOf(args[0], archiveNumberCommand) });
    return { data: { year: view.year, numbered, items: jsonItems(view) }, lines: [...itemLines(view), `新编号 ${numbered} 件。`] };
  },
};

export const archivePrintCommand: CliCommand = {
  words: ['archive', 'print'],
  argsUsage: '<年度>',
  minArgs: 1,
  maxArgs: 1,
  summary: '打印归档材料到文件夹：每个保管期限一份装订 PDF（封面、目录、各件及归档章），归档文件目录（PDF 和 Excel）、归档章标签、备考表、盒脊。',
  details: ['生成 PDF 需要本机的 Chromium、Chrome 或 Edge（环境变量 LEDGER_CHROMIUM 可指定位置）。打印不修改任何记录。'],
  options: { out: { type: 'string', valueName: '文件夹', description: '写到这个文件夹（须已存在）' } },
  async run({ ctx, args, options }) {
    const year = yearOf(args[0], archivePrintCommand);
    if (typeof options.out !== 'string') throw new UsageError('请用 --out 指定输出文件夹。', archivePrintCommand);
    const dir = path.resolve(options.out);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('NOT_FOUND', `文件夹「${dir}」不存在，未生成。`);
    const v = await invoke(ctx, 'archive.get', { year });
    if (!v.items.some((i) => i.itemNo !== null && !i.excluded)) throw new AppError('VALIDATION', `${year} 年度还没有已编号的文件，请先运行「ledger archive number ${year}」。`);
    const written: { file: string; sizeBytes: number }[] = [];
    const put = (ref: { token: string; sizeBytes: number }, name: string) => {
      const target = path.join(dir, name);
      place(ctx.files.resolve(ref.token).path, target);
      written.push({ file: target, sizeBytes: ref.sizeBytes });
    };
    for (const r of RETENTION_CODES) {
      if (!v.items.some((i) => i.retention === r && i.itemNo !== null && !i.excluded && i.mergedIntoId === null)) continue;
      put(await invoke(ctx, 'archive.binderPdf', { year, retention: r }), `${year}-${r}-归档文件（装订）.pdf`);
    }
    for (const form of ARCHIVE_FORMS) put(await invoke(ctx, 'archive.printPdf', { year, form }), `${year}-${ARCHIVE_FORM_LABELS[form].replace(/[（）]/g, '')}.pdf`);
    put(await invoke(ctx, 'archive.catalogueXlsx', { year }), `${year}-归档文件目录.xlsx`);
    return { data: { year, files: written }, lines: written.map((w) => `已生成 ${w.file}（${formatBytes(w.sizeBytes)}）`) };
  },
};

export const archiveSealCommand: CliCommand = {
  words: ['archive', 'seal'],
  argsUsage: '<年度>',
  minArgs: 1,
  maxArgs: 1,
  summary: '封存：先检查、先备份，然后这一年的归档文件和来源记录变为只读，并保存校验清单（SHA-256）。',
  options: { reason: { type: 'string', valueName: '原因', description: '检查有问题时仍然封存的原因' } },
  async run({ ctx, args, options }) {
    const year = yearOf(args[0], archiveSealCommand);
    const reason = typeof options.reason === 'string' ? options.reason : undefined;
    const r = await invoke(ctx, 'archive.seal', { year, ...(reason ? { reason } : {}) });
    return { data: { year, ...r }, lines: [`${year} 年度已封存：${r.items} 件，清单第 ${r.version} 版，校验值 ${r.yearSha256}`] };
  },
};

export const archiveVerifyCommand: CliCommand = {
  words: ['archive', 'verify'],
  argsUsage: '<年度>',
  minArgs: 1,
  maxArgs: 1,
  summary: '核对封存的年度：重新计算每件文件的数据和文件校验值，与封存清单比较；有差异时逐件列出并以 1 退出。',
  async run({ ctx, args }) {
    const year = yearOf(args[0], archiveVerifyCommand);
    const r = await invoke(ctx, 'archive.verify', { year });
    return {
      data: { year, ...r },
      lines: r.ok
        ? [`${year} 年度与封存清单（第 ${r.version} 版）一致。`]
        : [...r.differences.map((d) => `${d.archiveCode ?? ''}　${d.title}　${d.message}`.trim()), `${year} 年度有 ${r.differences.length} 处与封存清单不一致。`],
      exitCode: r.ok ? 0 : 1,
    };
  },
};

export const archiveUnsealCommand: CliCommand = {
  words: ['archive', 'unseal'],
  argsUsage: '<年度>',
  minArgs: 1,
  maxArgs: 1,
  summary: '解除封存（须写明原因，记入操作日志）；再次封存时写新的清单版本，旧版本保留。',
  options: { reason: { type: 'string', valueName: '原因', description: '解除封存的原因（必填）' } },
  async run({ ctx, args, options }) {
    const year = yearOf(args[0], archiveUnsealCommand);
    if (typeof options.reason !== 'string' || !options.reason.trim()) throw new UsageError('解除封存须用 --reason 写明原因。', archiveUnsealCommand);
    await invoke(ctx, 'archive.unseal', { year, reason: options.reason });
    return { data: { year, unsealed: true }, lines: [`${year} 年度已解除封存。`] };
  },
};

export const archiveExportCommand: CliCommand = {
  words: ['archive', 'export'],
  argsUsage: '<年度>',
  minArgs: 1,
  maxArgs: 1,
  summary: '导出归档包（.zip）：装订 PDF、目录 Excel、每件文件的数据（JSON）和原件、封存清单。',
  options: {
    out: { type: 'string', valueName: '文件.zip', description: '写到这个文件' },
    force: { type: 'boolean', description: '文件已存在时覆盖' },
  },
  async run({ ctx, args, options }) {
    const year = yearOf(args[0], archiveExportCommand);
    if (typeof options.out !== 'string' || !options.out.toLowerCase().endsWith('.zip')) throw new UsageError('请用 --out 指定以 .zip 结尾的文件。', archiveExportCommand);
    const target = path.resolve(options.out);
    if (fs.existsSync(target) && !options.force) throw new AppError('CONFLICT', `文件「${target}」已存在，未覆盖。如确要覆盖，请加上 --force。`);
    const ref = await invoke(ctx, 'archive.exportPackage', { year });
    place(ctx.files.resolve(ref.token).path, target);
    return { data: { year, path: target, sizeBytes: ref.sizeBytes }, lines: [`已导出 ${year} 年度归档包（${formatBytes(ref.sizeBytes)}）：${target}`] };
  },
};

export const archiveVerifyPackageCommand: CliCommand = {
  words: ['archive', 'verify-package'],
  argsUsage: '<归档包.zip>',
  minArgs: 1,
  maxArgs: 1,
  summary: '核对收到的归档包：每个文件与包内 manifest.json 的 SHA-256 比较；有差异时逐个列出并以 1 退出。',
  async run({ args }) {
    const file = path.resolve(args[0]!);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `文件「${file}」不存在。`);
    const r = verifyPackage(fs.readFileSync(file));
    return {
      data: r,
      lines: r.ok ? [`归档包（${r.year ?? '?'} 年度）与其清单一致。`] : [...r.differences, `归档包有 ${r.differences.length} 处与清单不一致。`],
      exitCode: r.ok ? 0 : 1,
    };
  },
};

export const ARCHIVE_COMMANDS = [archivePlanCommand, archiveNumberCommand, archivePrintCommand, archiveSealCommand, archiveVerifyCommand, archiveUnsealCommand, archiveExportCommand, archiveVerifyPackageCommand];
