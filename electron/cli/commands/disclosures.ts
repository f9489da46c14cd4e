import fs from 'node:fs';
import path from 'node:path';
import type { DisclosureListRow } from '../../../shared/contract/disclosures';
import {
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_TIMING_LABELS,
  OPINION_STATUS_LABELS,
  parsePeriod,
  periodLabel,
  type CataloguePeriod,
} from '../../../shared/domain/disclosure-labels';
import { AppError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
import { formatBytes } from '../format';
import { invoke } from '../invoke';

/** --month 2026-03 or --year 2026; null when neither is given. */
function periodOf(options: Record<string, string | boolean | undefined>, command: CliCommand): CataloguePeriod | null {
  const month = options.month;
  const year = options.year;
  if (typeof month === 'string' && typeof year === 'string') throw new UsageError('--month 和 --year 只能给一个。', command);
  if (typeof month === 'string') {
    const p = parsePeriod(month);
    if (!p?.month) throw new UsageError(`--month 应写成 YYYY-MM，例如 2026-03，收到「${month}」。`, command);
    return p;
  }
  if (typeof year === 'string') {
    const p = parsePeriod(year);
    if (!p || p.month) throw new UsageError(`--year 应写成四位年份，例如 2026，收到「${year}」。`, command);
    return p;
  }
  return null;
}

/** The JSON other tools read: codes and their Chinese words side by side. */
const jsonRow = (r: DisclosureListRow) => ({
  regNo: r.regNo,
  title: r.title,
  category: r.category,
  forms: r.forms,
  scope: DISCLOSURE_SCOPE_LABELS[r.scope],
  scopeCode: r.scope,
  timing: DISCLOSURE_TIMING_LABELS[r.timing],
  timingCode: r.timing,
  disclosedOn: r.disclosedOn,
  until: r.until,
  department: r.department,
  attachments: r.attachmentCount,
  opinions: r.opinionCount,
  overdueOpinions: r.overdueOpinionCount,
  id: r.id,
});

const periodOptions = {
  month: { type: 'string', valueName: 'YYYY-MM', description: '只列这个月公开的事项' },
  year: { type: 'string', valueName: 'YYYY', description: '只列这一年公开的事项' },
} as const;

export const disclosuresListCommand: CliCommand = {
  words: ['disclosures', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出公开事项（登记号、公开事项、类别、形式、范围、日期、责任部门），新的在前。',
  options: periodOptions,
  async run({ ctx, options }) {
    const period = periodOf(options, disclosuresListCommand);
    const { total, rows } = await invoke(ctx, 'disclosures.list', period ? { year: period.year, month: period.month ?? null } : {});
    return {
      data: { period: period ? periodLabel(period) : null, total, disclosures: rows.map(jsonRow) },
      lines: [
        ...rows.map((r) =>
          [r.regNo, r.title, r.category, r.forms.join('、'), DISCLOSURE_SCOPE_LABELS[r.scope], r.disclosedOn, r.department ?? ''].join('\t'),
        ),
        `${period ? `${periodLabel(period)}：` : ''}共 ${total} 项。`,
      ],
    };
  },
};

export const disclosuresShowCommand: CliCommand = {
  words: ['disclosures', 'show'],
  argsUsage: '<登记号或编号>',
  minArgs: 1,
  maxArgs: 1,
  summary: '显示一项公开事项、它的附件和相关意见。',
  async run({ ctx, args }) {
    const d = await invoke(ctx, 'disclosures.find', { key: args[0]! });
    return {
      data: d,
      lines: [
        `${d.regNo}　${d.title}`,
        `类别：${d.category}　形式：${d.forms.join('、')}　范围：${DISCLOSURE_SCOPE_LABELS[d.scope]}　时限：${DISCLOSURE_TIMING_LABELS[d.timing]}`,
        `公开日期：${d.disclosedOn}${d.until ? ` 至 ${d.until}` : ''}　责任部门：${d.department ?? ''}　审核：${d.reviewer ?? ''} ${d.reviewedOn ?? ''}`,
        ...d.attachments.map((a) => `  附件：${a.label}（${a.kind}，${formatBytes(a.sizeBytes)}${a.present ? '' : '，文件缺失'}）`),
        ...d.opinions.map((o) => `  意见：${o.receivedOn} ${o.channel} ${OPINION_STATUS_LABELS[o.status]}${o.overdue ? '（已逾期）' : ''} ${o.content}`),
      ],
    };
  },
};

export const disclosuresCatalogueCommand: CliCommand = {
  words: ['disclosures', 'catalogue'],
  minArgs: 0,
  maxArgs: 0,
  summary: '公开目录：给 --out 时生成文件（.pdf 为 A4 横向 PDF，.xlsx 为 Excel 表格），否则在屏幕上列出。默认本月。',
  details: ['生成 PDF 需要本机的 Chromium、Chrome 或 Edge（环境变量 LEDGER_CHROMIUM 可指定位置）。'],
  options: {
    ...periodOptions,
    out: { type: 'string', valueName: '文件', description: '写到这个文件（.pdf 或 .xlsx）' },
    force: { type: 'boolean', description: '--out 的文件已存在时覆盖它' },
  },
  async run({ ctx, options }) {
    const now = ctx.clock();
    const period = periodOf(options, disclosuresCatalogueCommand) ?? { year: now.getFullYear(), month: now.getMonth() + 1 };
    const input = { year: period.year, month: period.month ?? null };
    if (typeof options.out !== 'string') {
      // Catalogue order: by 公开日期, then 登记号 — the list's order reversed.
      const rows = [...(await invoke(ctx, 'disclosures.list', input)).rows].reverse();
      const lines = rows.map((r, i) => ({ seq: i + 1, ...jsonRow(r) }));
      return {
        data: { period: periodLabel(period), count: rows.length, lines },
        lines: [
          `${periodLabel(period)}公开目录`,
          ['序号', '登记号', '公开事项', '类别', '公开形式', '范围', '时限', '公开日期', '责任部门'].join('\t'),
          ...lines.map((l) => [l.seq, l.regNo, l.title, l.category, l.forms.join('、'), l.scope, l.timing, l.disclosedOn, l.department ?? ''].join('\t')),
          `共 ${rows.length} 项。用 --out 文件.pdf 或 --out 文件.xlsx 生成文件。`,
        ],
      };
    }
    const target = path.resolve(options.out);
    const ext = path.extname(target).toLowerCase();
    if (ext !== '.pdf' && ext !== '.xlsx') throw new UsageError('--out 的文件名应以 .pdf 或 .xlsx 结尾。', disclosuresCatalogueCommand);
    if (fs.existsSync(target) && !options.force) throw new AppError('CONFLICT', `文件「${target}」已存在，未覆盖。如确要覆盖，请加上 --force。`);
    if (!fs.existsSync(path.dirname(target))) throw new AppError('NOT_FOUND', `文件夹「${path.dirname(target)}」不存在，未生成。`);
    const ref = await invoke(ctx, ext === '.pdf' ? 'disclosures.cataloguePdf' : 'disclosures.catalogueXlsx', input);
    const { total } = await invoke(ctx, 'disclosures.list', input);
    // Written beside the target and renamed: an interrupted run never leaves half a file under its name.
    const partial = `${target}.partial`;
    fs.copyFileSync(ctx.files.resolve(ref.token).path, partial);
    fs.renameSync(partial, target);
    return {
      data: { period: periodLabel(period), count: total, path: target, sizeBytes: ref.sizeBytes },
      lines: [`已生成${periodLabel(period)}公开目录（${total} 项，${formatBytes(ref.sizeBytes)}）：${target}`],
    };
  },
};
