import type { CliCommand, OptionSpec } from './command';

export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'data-dir': { type: 'string', valueName: '文件夹', description: '数据文件夹（默认：环境变量 LEDGER_DATA_DIR，否则本机的默认位置）' },
  json: { type: 'boolean', description: '输出一个 JSON 文档（见下文）' },
  help: { type: 'boolean', short: 'h', description: '显示帮助' },
  version: { type: 'boolean', description: '显示版本号' },
  as: { type: 'string', valueName: '操作员', description: '以这位操作员的身份和权限运行（已启用登录时需要密码：终端中输入，或环境变量 LEDGER_PASSWORD）' },
};

const optionUsage = (name: string, spec: OptionSpec) =>
  `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` <${spec.valueName ?? '值'}>` : ''}`;

export const commandUsage = (c: CliCommand): string =>
  ['ledger', ...c.words, ...Object.entries(c.options ?? {}).map(([n, s]) => `[${optionUsage(n, s)}]`), c.argsUsage ?? '']
    .filter(Boolean)
    .join(' ');

function commandBlock(c: CliCommand): string[] {
  return [
    `  ${commandUsage(c)}`,
    `      ${c.summary}`,
    ...(c.details ?? []).map((d) => `      ${d}`),
    ...Object.entries(c.options ?? {}).map(([n, s]) => `      ${optionUsage(n, s)}：${s.description}${s.required === true ? '（必填）' : s.required ? '（与同组选项必填其一）' : ''}`),
  ];
}

export function fullHelp(commands: readonly CliCommand[]): string {
  return [
    '工会台账命令行（ledger）——与桌面版使用同一个数据文件夹和同一套检查。',
    '',
    '用法：ledger [全局选项] <命令> [参数]',
    '',
    '命令：',
    ...commands.flatMap((c) => [...commandBlock(c), '']),
    '全局选项：',
    ...Object.entries(GLOBAL_OPTIONS).map(([n, s]) => `  ${optionUsage(n, s)}：${s.description}`),
    '',
    '--json 时，标准输出只有一个 JSON 文档：成功为 {"ok":true,"data":…}；',
    '失败为 {"ok":false,"error":{"code":…,"message":…}}，同时中文说明照常写到标准错误。',
    '',
    '退出码：0 成功；1 操作失败或检查发现问题；2 用法错误（如未知的命令、缺少参数）。',
    '桌面版正在使用同一数据文件夹时，命令会拒绝执行（数据文件夹已被锁定）。',
  ].join('\n');
}

export function commandHelp(c: CliCommand): string {
  return ['用法：', ...commandBlock(c), '', '全局选项见 ledger --help。'].join('\n');
}

export function shortUsage(commands: readonly CliCommand[]): string {
  return ['用法：ledger [全局选项] <命令> [参数]', '命令：', ...commands.map((c) => `  ${commandUsage(c)}`), '详见 ledger --help。'].join(
    '\n',
  );
}
