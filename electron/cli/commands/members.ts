import type { MemberDetail, MemberListRow } from '../../../shared/contract/members';
import { MEMBER_EVENT_LABELS, MEMBER_STATUS_LABELS, MEMBER_STATUSES, type MemberStatus } from '../../../shared/domain/member-lifecycle';
import { AppError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
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

export const membersListCommand: CliCommand = {
  words: ['members', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出会员（默认在册和保留会籍），可检索和筛选。',
  details: ['--status 可写 在册、保留会籍、已转出、已退会、已开除、已故（逗号分隔多个）或 all。'],
  options: {
    search: { type: 'string', valueName: '检索词', description: '姓名片段、拼音首字母或全拼、证件号或手机号片段、会员证号' },
    status: { type: 'string', valueName: '状态', description: '会籍状态' },
    group: { type: 'string', valueName: '小组', description: '分工会或工会小组的名称或编号（含下级小组）' },
    limit: { type: 'string', valueName: 'N', description: '最多列出 N 人（默认全部）' },
  },
  async run({ ctx, options }) {
    const statuses = parseStatuses(options.status as string | undefined, membersListCommand);
    const limit = options.limit === undefined ? Infinity : Number(options.limit);
    if (!Number.isInteger(limit) && limit !== Infinity) throw new UsageError('--limit 必须是正整数。', membersListCommand);
    if (limit < 1) throw new UsageError('--limit 必须是正整数。', membersListCommand);
    let groupId: number | undefined;
    if (typeof options.group === 'string') {
      const units = await invoke(ctx, 'groups.tree', {});
      const g = options.group;
      const unit = units.find((u) => String(u.id) === g) ?? units.find((u) => u.name === g);
      if (!unit) throw new AppError('NOT_FOUND', `找不到名为「${g}」的分工会或工会小组。`);
      groupId = unit.id;
    }
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
