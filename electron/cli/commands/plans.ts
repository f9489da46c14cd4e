import fs from 'node:fs';
import path from 'node:path';
import { yuan } from '../../../shared/domain/dues';
import { PLAN_ITEM_KIND_LABELS, PLAN_ITEM_KINDS, planKindLabel, planKindValue } from '../../../shared/domain/plans-labels';
import { AppError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
import { importFileToken } from '../import-file';
import { invoke } from '../invoke';

const yearOf = (v: unknown, cmd: CliCommand, what = '年份'): number => {
  const y = Number(v);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(`${what}「${String(v)}」不对，应为 2000 至 2100 之间的四位数。`, cmd);
  return y;
};

export const planImportCommand: CliCommand = {
  words: ['plan', 'import'],
  minArgs: 1,
  maxArgs: 1,
  argsUsage: 'FILE',
  summary: '从 .txt 或 .docx 工作计划导入计划事项（按月份）。--dry-run 只显示识别结果，不保存。',
  options: {
    year: { type: 'string', valueName: 'YYYY', description: '年度计划（1 月至 12 月）' },
    'school-year': { type: 'string', valueName: 'YYYY', description: '学年计划（YYYY 年 9 月至次年 8 月）' },
    'dry-run': { type: 'boolean', description: '只识别，不保存' },
  },
  async run({ ctx, args, options }) {
    if ((options.year === undefined) === (options['school-year'] === undefined)) throw new UsageError('请用 --year 或 --school-year 中的一个指定计划的年份。', planImportCommand);
    const period = options.year !== undefined ? 'year' : 'school';
    const year = yearOf(options.year ?? options['school-year'], planImportCommand);
    const { file, token } = importFileToken(ctx, args[0]!);
    const parsed = await invoke(ctx, 'plans.parse', { token });
    const data = {
      months: parsed.months.map((m) => ({ month: m.month, ...(m.monthTo !== m.month ? { monthTo: m.monthTo } : {}), items: m.items.map((i) => ({ title: i.title, kind: i.kind })) })),
      unscheduled: parsed.unscheduled.map((i) => ({ title: i.title, kind: i.kind, area: i.area ?? null })),
      noMonthHeadings: parsed.noMonthHeadings,
      saved: false as boolean,
    };
    const lines = [
      ...parsed.months.map((m) => `${m.month}${m.monthTo !== m.month ? `—${m.monthTo}` : ''}月：${m.items.map((i) => `${i.title}（${planKindLabel(i.kind)}）`).join('；')}`),
      parsed.noMonthHeadings ? '未找到月份标题（如“三月份”），全部事项按“月份待定”处理。' : '',
      `共 ${parsed.months.reduce((n, m) => n + m.items.length, 0)} 项按月安排，${parsed.unscheduled.length} 项月份待定。`,
    ].filter(Boolean);
    if (!options['dry-run']) {
      const items = [
        ...parsed.months.flatMap((m) => m.items.map((i) => ({ month: m.month, monthTo: m.monthTo, title: i.title.slice(0, 300), kind: i.kind, area: i.area ?? null }))),
        ...parsed.unscheduled.map((i) => ({ month: null, title: i.title.slice(0, 300), kind: i.kind, area: i.area?.slice(0, 200) ?? null })),
      ];
      const title = `${year}${period === 'school' ? '学年' : '年'}工会工作计划`;
      await invoke(ctx, 'plans.save', { year, period, title, areas: parsed.areas.map((a) => a.slice(0, 200)), items, sourceText: parsed.text });
      data.saved = true;
      lines.push(`已保存为「${title}」（来自 ${path.basename(file)}）。`);
    } else lines.push('（--dry-run：未保存）');
    return { data, lines };
  },
};

export const planShowCommand: CliCommand = {
  words: ['plan', 'show'],
  minArgs: 1,
  maxArgs: 1,
  argsUsage: 'YEAR',
  summary: '显示一年的工作计划：各月事项、状态和台账记录，逾期未记录的事项标出。',
  async run({ ctx, args }) {
    const year = yearOf(args[0], planShowCommand);
    const plan = await invoke(ctx, 'plans.get', { year });
    if (!plan) throw new AppError('NOT_FOUND', `没有 ${year} 年的工作计划。可用 ledger plan import 文件 --year ${year} 导入。`);
    const items = plan.items.map((i) => ({ id: i.id, month: i.month, monthTo: i.monthTo, title: i.title, kind: i.kind, status: i.status, activityIds: i.activityIds, overdue: i.overdue }));
    const lines = plan.monthOrder.flatMap((m) => {
      const its = plan.items.filter((i) => i.month === m);
      return its.length ? [`${m}月`, ...its.map((i) => `  ${i.statusLabel}\t${i.title}${i.overdue ? '\t（逾期未记录）' : ''}`)] : [];
    });
    const open = plan.items.filter((i) => i.month == null);
    if (open.length) lines.push('月份待定', ...open.map((i) => `  ${i.statusLabel}\t${i.title}`));
    lines.push(`共 ${plan.items.length} 项，已完成 ${plan.items.filter((i) => i.status === 'done').length} 项，逾期未记录 ${plan.items.filter((i) => i.overdue).length} 项。`);
    return { data: { year: plan.year, period: plan.period, title: plan.title, items }, lines: [plan.title, ...lines] };
  },
};

export const activitiesListCommand: CliCommand = {
  words: ['activities', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出一年的活动台账：日期、名称、类别、参加人数和经费。',
  options: {
    year: { type: 'string', valueName: 'YYYY', description: '年度（默认今年）' },
    kind: { type: 'string', valueName: '类别', description: `只列出这一类：${PLAN_ITEM_KINDS.map((k) => PLAN_ITEM_KIND_LABELS[k]).join('、')}` },
  },
  async run({ ctx, options }) {
    const year = options.year === undefined ? ctx.clock().getFullYear() : yearOf(options.year, activitiesListCommand);
    let kind: string | undefined;
    if (typeof options.kind === 'string') {
      // A built-in code or name, or a kind the office added in 设置 (stored as its name).
      const names = (await invoke(ctx, 'settings.get', {})).planItemKinds;
      kind = PLAN_ITEM_KINDS.find((k) => k === options.kind) ?? planKindValue(options.kind);
      if (!PLAN_ITEM_KINDS.includes(kind as never) && !names.includes(kind))
        throw new UsageError(`没有「${options.kind}」这种类别。可用：${names.join('、')}。`, activitiesListCommand);
    }
    const r = await invoke(ctx, 'activities.list', { year, ...(kind ? { kind } : {}) });
    return {
      data: { year, total: r.rows.length, participants: r.participants, costFen: r.costFen, activities: r.rows.map((a) => ({ id: a.id, name: a.name, kind: a.kind, startDate: a.startDate, place: a.place, participants: a.participantCount, costFen: a.costFen })) },
      lines: [...r.rows.map((a) => [a.startDate, a.name, a.kindLabel, `${a.participantCount} 人`, `${yuan(a.costFen)} 元`].join('\t')), `${year} 年共 ${r.rows.length} 次活动，${r.participants} 人次，经费 ${yuan(r.costFen)} 元。`],
    };
  },
};

export const mediationListCommand: CliCommand = {
  words: ['mediation', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出劳动争议调解记录；--overdue 只列出受理满 15 日仍未结案的。',
  options: { overdue: { type: 'boolean', description: '只列出逾期未结案的' } },
  async run({ ctx, options }) {
    const rows = await invoke(ctx, 'mediation.list', { overdue: options.overdue === true });
    return {
      data: { total: rows.length, cases: rows.map((m) => ({ id: m.id, acceptedOn: m.acceptedOn, dueOn: m.dueOn, applicant: m.applicant, idNumber: m.applicantIdNumber, respondent: m.respondent, category: m.category, outcome: m.outcome, overdue: m.overdue })) },
      lines: [...rows.map((m) => [m.acceptedOn, m.applicant, m.respondent, m.category, m.outcomeLabel, m.overdue ? `已超过 ${m.dueOn}` : ''].join('\t')), `共 ${rows.length} 件。`],
    };
  },
};

export const summaryCommand: CliCommand = {
  words: ['summary'],
  minArgs: 1,
  maxArgs: 1,
  argsUsage: 'YEAR',
  summary: '生成一年的工作总结素材（Word .docx，供改写）。',
  options: {
    out: { type: 'string', valueName: 'FILE.docx', description: '写到这个 .docx 文件' },
    force: { type: 'boolean', description: '文件已存在时覆盖它' },
  },
  async run({ ctx, args, options }) {
    const year = yearOf(args[0], summaryCommand);
    if (typeof options.out !== 'string') throw new UsageError('请用 --out 文件.docx 指定要生成的文件。', summaryCommand);
    const target = path.resolve(options.out);
    if (path.extname(target).toLowerCase() !== '.docx') throw new UsageError('--out 的文件名应以 .docx 结尾。', summaryCommand);
    if (fs.existsSync(target) && !options.force) throw new AppError('CONFLICT', `文件「${target}」已存在，未覆盖。如确要覆盖，请加上 --force。`);
    if (!fs.existsSync(path.dirname(target))) throw new AppError('NOT_FOUND', `文件夹「${path.dirname(target)}」不存在，未生成。`);
    const s = await invoke(ctx, 'plans.summary', { year });
    const ref = await invoke(ctx, 'plans.summaryDocx', { year });
    const partial = `${target}.partial`;
    fs.copyFileSync(ctx.files.resolve(ref.token).path, partial);
    fs.renameSync(partial, target);
    return { data: { year, path: target, sizeBytes: ref.sizeBytes, activities: s.activities, participants: s.participants, costFen: s.costFen }, lines: [`已生成 ${year} 年工作总结素材：${target}`] };
  },
};

export const PLANS_COMMANDS: readonly CliCommand[] = [planImportCommand, planShowCommand, activitiesListCommand, mediationListCommand, summaryCommand];
