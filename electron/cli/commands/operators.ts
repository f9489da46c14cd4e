/** `ledger operators …` and `ledger audit list|export` (#16). */
import fs from 'node:fs';
import path from 'node:path';
import type { AuditFilter } from '../../../shared/contract/operators';
import { AUDIT_ENTITIES } from '../../../shared/domain/audit-labels';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/domain/permissions';
import { AppError } from '../../core/errors';
import { recoverAdmin } from '../../core/operators/recovery';
import { UsageError, type CliCommand } from '../command';
import { invoke } from '../invoke';

const roleOf = (v: unknown): Role | undefined => ROLES.find((r) => r === v || ROLE_LABELS[r] === v);

/**
 * From --password, or LEDGER_PASSWORD for scripts (so it does not stay in the shell history). With --as the
 * variable is that operator's own password, never the new one.
 */
function passwordOf(options: Record<string, string | boolean | undefined>): string | undefined {
  if (typeof options.password === 'string') return options.password;
  return options.as === undefined ? process.env.LEDGER_PASSWORD || undefined : undefined;
}

async function idOf(ctx: Parameters<CliCommand['run']>[0]['ctx'], name: string): Promise<number> {
  const op = (await invoke(ctx, 'operators.list', {})).find((o) => o.name === name);
  if (!op) throw new UsageError(`没有名为「${name}」的操作员。`, operatorsListCommand);
  return op.id;
}

export const operatorsListCommand: CliCommand = {
  words: ['operators', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出操作员、角色和是否设了密码。',
  async run({ ctx }) {
    const rows = await invoke(ctx, 'operators.list', {});
    return {
      data: rows.map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role] })),
      lines: rows.length
        ? rows.map((r) => [r.name, ROLE_LABELS[r.role], r.hasPassword ? '已设密码' : '未设密码', r.disabled ? '已停用' : ''].join('\t'))
        : ['还没有操作员：不需要登录，使用者即管理员。'],
    };
  },
};

export const operatorsAddCommand: CliCommand = {
  words: ['operators', 'add'],
  argsUsage: '<姓名>',
  minArgs: 1,
  maxArgs: 1,
  summary: '新增操作员。第一位设了密码的管理员启用登录。',
  options: {
    role: { type: 'string', valueName: '角色', description: `${ROLES.map((r) => ROLE_LABELS[r]).join('、')}（默认干事）` },
    password: { type: 'string', valueName: '密码', description: '密码（至少 6 位；也可用环境变量 LEDGER_PASSWORD）' },
  },
  async run({ ctx, args, options }) {
    const role = options.role === undefined ? 'clerk' : roleOf(options.role);
    if (!role) throw new UsageError(`没有「${String(options.role)}」这种角色。可用：${ROLES.map((r) => ROLE_LABELS[r]).join('、')}。`, operatorsAddCommand);
    const password = passwordOf(options);
    const r = await invoke(ctx, 'operators.add', { name: args[0]!, role, ...(password ? { password } : {}) });
    return {
      data: r,
      lines: [`已新增操作员「${r.name}」（${ROLE_LABELS[r.role]}）${r.hasPassword ? '' : '，未设密码'}。`, ...recoveryLines(r.recoveryCode)],
    };
  },
};

export const operatorsRemoveCommand: CliCommand = {
  words: ['operators', 'remove'],
  argsUsage: '<姓名>',
  minArgs: 1,
  maxArgs: 1,
  summary: '删除操作员（不能删除最后一位设了密码的管理员）。',
  async run({ ctx, args }) {
    const r = await invoke(ctx, 'operators.remove', { id: await idOf(ctx, args[0]!) });
    return { data: r, lines: [`已删除操作员「${args[0]!}」。`] };
  },
};

export const operatorsPasswdCommand: CliCommand = {
  words: ['operators', 'passwd'],
  argsUsage: '<姓名>',
  minArgs: 1,
  maxArgs: 1,
  summary: '设置或修改操作员的密码（管理员操作，不需要原密码）。',
  options: { password: { type: 'string', valueName: '新密码', description: '新密码（也可用环境变量 LEDGER_PASSWORD）' } },
  async run({ ctx, args, options }) {
    const password = passwordOf(options);
    if (!password) throw new UsageError('请用 --password 或环境变量 LEDGER_PASSWORD 给出新密码。', operatorsPasswdCommand);
    const r = await invoke(ctx, 'operators.passwd', { id: await idOf(ctx, args[0]!), newPassword: password });
    return { data: r, lines: [`已修改「${args[0]!}」的密码。`, ...recoveryLines(r.recoveryCode)] };
  },
};

/** Shown once: only its hash is kept. */
function recoveryLines(code: string | undefined): string[] {
  if (!code) return [];
  return [`已启用登录。恢复码（只显示这一次，请抄下并与电脑分开保管）：${code}`, '忘记管理员密码时：ledger operators recover --code 恢复码 --password 新密码'];
}

export const operatorsRecoverCommand: CliCommand = {
  words: ['operators', 'recover'],
  minArgs: 0,
  maxArgs: 0,
  summary: '忘记管理员密码时，凭启用登录时显示的恢复码重设那位管理员的密码，并换一个新的恢复码。',
  details: ['只能在能打开数据文件夹的电脑上运行（程序窗口中没有这个功能）。'],
  options: {
    code: { type: 'string', valueName: '恢复码', description: '启用登录时显示的恢复码（大小写、连字符不论）', required: true },
    password: { type: 'string', valueName: '新密码', description: '新密码（至少 6 位；也可用环境变量 LEDGER_PASSWORD）' },
  },
  async run({ ctx, options }) {
    const password = passwordOf(options);
    if (!password) throw new UsageError('请用 --password 或环境变量 LEDGER_PASSWORD 给出新密码。', operatorsRecoverCommand);
    if (password.length < 6) throw new UsageError('密码至少 6 位。', operatorsRecoverCommand);
    const r = await recoverAdmin(ctx, String(options.code), password);
    return {
      data: { name: r.name, recoveryCode: r.recoveryCode },
      lines: [`已重设管理员「${r.name}」的密码。原恢复码已作废，新的恢复码（只显示这一次）：${r.recoveryCode}`],
    };
  },
};

const AUDIT_FILTER_OPTIONS = {
  since: { type: 'string', valueName: 'YYYY-MM-DD', description: '只列出这一天及以后的记录' },
  record: { type: 'string', valueName: '类型:编号', description: '只列出一条记录自己的修改记录，如 member:12（会员）、proposal:3（提案）' },
} as const;

/** `member:12`, `proposal:3`, or the Chinese type (会员:12) as 修改记录 shows it. */
function recordOf(v: string, command: CliCommand): Pick<AuditFilter, 'entity' | 'entityId'> {
  const m = /^([^:：]+)[:：](\d+)$/.exec(v.trim());
  const entity = m && (m[1]! in AUDIT_ENTITIES ? m[1]! : Object.keys(AUDIT_ENTITIES).find((k) => AUDIT_ENTITIES[k] === m[1]));
  if (!m || !entity) throw new UsageError(`记录「${v}」应写成 类型:编号，如 member:12 或 proposal:3。`, command);
  return { entity, entityId: m[2]! };
}

function filterOf(options: Record<string, string | boolean | undefined>, command: CliCommand): AuditFilter {
  const since = typeof options.since === 'string' ? options.since : undefined;
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`日期「${since}」应为 YYYY-MM-DD。`, command);
  return { ...(since ? { from: since } : {}), ...(typeof options.record === 'string' ? recordOf(options.record, command) : {}) };
}

export const auditListCommand: CliCommand = {
  words: ['audit', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出修改记录（最新在前）：时间、操作人、操作和改动的字段。',
  options: {
    ...AUDIT_FILTER_OPTIONS,
    limit: { type: 'string', valueName: '条数', description: '最多列出多少条（默认 100）' },
  },
  async run({ ctx, options }) {
    const limit = typeof options.limit === 'string' ? Number(options.limit) : 100;
    const r = await invoke(ctx, 'audit.query', { ...filterOf(options, auditListCommand), limit });
    const entries = r.rows.map((e) => ({
      at: e.at,
      operator: e.operator,
      action: e.action,
      actionLabel: e.actionLabel,
      record: { type: e.entity, typeLabel: e.entityLabel, id: e.entityId, name: e.recordName },
      changes: e.changes.map((c) => ({ field: c.label, old: c.before, new: c.after })),
    }));
    return {
      data: { total: r.total, entries },
      lines: [
        ...r.rows.map((e) =>
          [e.at.slice(0, 19).replace('T', ' '), e.operator, e.actionLabel, `${e.entityLabel}${e.recordName ? `「${e.recordName}」` : e.entityId ? ` ${e.entityId}` : ''}`, e.changes.map((c) => c.label).join('、')].join('\t'),
        ),
        `共 ${r.total} 条修改记录。`,
      ],
    };
  },
};

export const auditExportCommand: CliCommand = {
  words: ['audit', 'export'],
  minArgs: 0,
  maxArgs: 0,
  summary: '把修改记录导出为 Excel（.xlsx），最新在前；可只导出一条记录的或某天以后的。',
  options: {
    ...AUDIT_FILTER_OPTIONS,
    out: { type: 'string', valueName: '文件.xlsx', description: '写到这个文件', required: true },
    force: { type: 'boolean', description: '文件已存在时覆盖' },
  },
  async run({ ctx, options }) {
    const filter = filterOf(options, auditExportCommand);
    const out = String(options.out);
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('请用 --out 指定以 .xlsx 结尾的文件。', auditExportCommand);
    const target = path.resolve(out);
    if (fs.existsSync(target) && !options.force) throw new AppError('CONFLICT', `文件「${target}」已存在，未覆盖。如确要覆盖，请加上 --force。`);
    const ref = await invoke(ctx, 'audit.exportXlsx', filter);
    fs.copyFileSync(ctx.files.resolve(ref.token).path, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    return { data: { path: target, sizeBytes: ref.sizeBytes }, lines: [`已导出修改记录：${target}`] };
  },
};

export const OPERATORS_COMMANDS: readonly CliCommand[] = [
  operatorsListCommand,
  operatorsAddCommand,
  operatorsRemoveCommand,
  operatorsPasswdCommand,
  operatorsRecoverCommand,
  auditListCommand,
  auditExportCommand,
];
