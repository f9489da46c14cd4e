import type { MemberDetail, MemberListRow } from '../../../shared/contract/members';
import { MEMBER_EVENT_LABELS, MEMBER_STATUS_LABELS, MEMBER_STATUSES, type MemberStatus } from '../../../shared/domain/member-lifecycle';
import { AppError } from '../../core/errors';
import fs from 'node:fs';
import path from 'node:path';
import { memberQuery } from '../../../shared/contract/members';
import { exportMembersToPath, findTemplate } from '../../core/members/members.export';
import { piiAskOf, PII_CLI_OPTIONS } from '../pii-options';
import { EXPORT_TEMPLATES } from '../../core/members/members.export-templates';
import { UsageError, type CliCommand, type CommandInput } from '../command';
import { invoke } from '../invoke';

const PAGE = 1000;

function parseStatuses(raw: string | undefined, command: CliCommand): MemberStatus[] | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'all' || raw === '全部') return [...MEMBER_STATUSES];
  return raw.split(/[,，]/).map((word) => {
    const w = word.trim();
    const code = MEMBER_STATUSES.find((s) => s === w || MEMBER_STATUS_LABELS[s] === w);
    if (!code) {
      const known = MEMBER_STATUSES.map((s) => `${MEMBER_STATUS_LABELS[s]}(${s})`).join('、');
      throw new UsageError(`没有「${w}」这种会籍状态。可用：${known}，或 all。`, command);
    }
    return code;
  });
}

/** The JSON shape other tools read: full ID numbers, dates as YYYY-MM-DD, status in Chinese and as a code. */
const jsonMember = (r: MemberListRow | MemberDetail) => ({
  id: r.id,
  name: r.name,
  gender: r.gender ?? null,
  birthDate: r.birthDate ?? null,
  idNumber: r.idNumber ?? null,
  group: r.group ?? null,
  memberNo: r.memberNo ?? null,
  staffNo: r.staffNo ?? null,
  phone: r.phone ?? null,
  joinDate: r.joinDate ?? null,
  status: MEMBER_STATUS_LABELS[r.status],
  statusCode: r.status,
});

async function resolveGroup(ctx: CommandInput['ctx'], raw: unknown): Promise<number | undefined> {
  if (typeof raw !== 'string') return undefined;
  const units = await invoke(ctx, 'groups.tree', {});
  const unit = units.find((u) => String(u.id) === raw) ?? units.find((u) => u.name === raw);
  if (!unit) throw new AppError('NOT_FOUND', `找不到名为「${raw}」的分工会或工会小组。`);
  return unit.id;
}

const FILTER_OPTIONS = {
  search: { type: 'string', valueName: '检索词', description: '姓名片段、拼音首字母或全拼、证件号或手机号片段、会员证号' },
  status: { type: 'string', valueName: '状态', description: '会籍状态' },
  group: { type: 'string', valueName: '小组', description: '分工会或工会小组的名称或编号（含下级小组）' },
} as const;

export const membersListCommand: CliCommand = {
  words: ['members', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出会员（默认在册和保留会籍），可检索和筛选。',
  details: ['--status 可写 在册、保留会籍、已转出、已退会、已开除、已故（逗号分隔多个）或 all。'],
  options: {
    ...FILTER_OPTIONS,
    limit: { type: 'string', valueName: 'N', description: '最多列出 N 人（默认全部）' },
  },
  async run({ ctx, options }) {
    const statuses = parseStatuses(options.status as string | undefined, membersListCommand);
    const limit = options.limit === undefined ? Infinity : Number(options.limit);
    if (!Number.isInteger(limit) && limit !== Infinity) throw new UsageError('--limit 必须是正整数。', membersListCommand);
    if (limit < 1) throw new UsageError('--limit 必须是正整数。', membersListCommand);
    const groupId = await resolveGroup(ctx, options.group);
    const rows: MemberListRow[] = [];
    let total = 0;
    for (let offset = 0; rows.length < limit; offset += PAGE) {
      const page = await invoke(ctx, 'members.list', {
        ...(typeof options.search === 'string' ? { search: options.search } : {}),
        ...(statuses ? { statuses } : {}),
        ...(groupId ? { groupId } : {}),
        revealIds: true,
        offset,
        limit: Math.min(PAGE, limit - rows.length),
      });
      total = page.total;
      rows.push(...page.rows);
      if (!page.rows.length || rows.length >= total) break;
    }
    return {
      data: { total, count: rows.length, members: rows.map(jsonMember) },
      lines: [
        ...rows.map((r) =>
          [r.name, r.gender ?? '', r.birthDate ?? '', r.idNumber ?? '（无证件号）', r.group ?? '未分组', r.memberNo ?? '', MEMBER_STATUS_LABELS[r.status]].join('\t'),
        ),
        `共 ${total} 人${rows.length < total ? `，列出 ${rows.length} 人` : ''}。`,
      ],
    };
  },
};

export const membersShowCommand: CliCommand = {
  words: ['members', 'show'],
  argsUsage: '<编号、会员证号或证件号码>',
  minArgs: 1,
  maxArgs: 1,
  summary: '显示一名会员的档案和会籍变动记录。',
  async run({ ctx, args }) {
    const m = await invoke(ctx, 'members.find', { key: args[0]! });
    return {
      data: { ...m, ...jsonMember(m), statusCode: m.status },
      lines: [
        `${m.name}（${MEMBER_STATUS_LABELS[m.status]}）`,
        `性别：${m.gender ?? ''}　出生日期：${m.birthDate ?? ''}　证件号码：${m.idNumber ?? '无'}`,
        `会员证号：${m.memberNo ?? ''}　工会小组：${m.group ?? '未分组'}　手机：${m.phone ?? ''}　入会时间：${m.joinDate ?? ''}`,
        ...m.events.map((e) => `  ${e.date} ${MEMBER_EVENT_LABELS[e.type]} ${[e.reason, e.otherUnion].filter(Boolean).join(' ')}`),
      ],
    };
  },
};

export const membersExportCommand: CliCommand = {
  words: ['members', 'export'],
  argsUsage: '<文件.xlsx>',
  minArgs: 1,
  maxArgs: 1,
  summary: '把会员花名册导出为 .xlsx（证件号码完整、按文本保存；--masked 遮盖）。完整号码的导出记入修改记录，启用登录后须给 --reason。',
  details: [`模板：${EXPORT_TEMPLATES.map((t) => `${t.name}（${t.label}）`).join('；')}。默认 standard。`],
  options: {
    ...FILTER_OPTIONS,
    template: { type: 'string', valueName: '模板', description: '导出模板名' },
    force: { type: 'boolean', description: '文件已存在时覆盖' },
    ...PII_CLI_OPTIONS,
  },
  async run({ ctx, args, options }) {
    const file = path.resolve(args[0]!);
    if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError('导出文件名须以 .xlsx 结尾。', membersExportCommand);
    if (fs.existsSync(file) && !options.force) throw new AppError('VALIDATION', `文件 ${file} 已存在。要覆盖请加 --force。`);
    const template = findTemplate(typeof options.template === 'string' ? options.template : 'standard');
    const statuses = parseStatuses(options.status as string | undefined, membersExportCommand);
    const groupId = await resolveGroup(ctx, options.group);
    const q = memberQuery.parse({
      ...(typeof options.search === 'string' ? { search: options.search } : {}),
      ...(statuses ? { statuses } : {}),
      ...(groupId ? { groupId } : {}),
    });
    const partial = `${file}.partial`;
    let count: number;
    let masked: boolean;
    try {
      ({ count, masked } = await exportMembersToPath(ctx, partial, q, template.name, piiAskOf(options), path.basename(file)));
    } catch (e) {
      fs.rmSync(partial, { force: true });
      throw e;
    }
    fs.renameSync(partial, file);
    return { data: { file, template: template.name, count, masked }, lines: [`已导出 ${count} 人到 ${file}（${template.label}${masked ? '，号码已遮盖' : ''}）。`] };
  },
};
