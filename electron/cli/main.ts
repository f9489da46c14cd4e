import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppContext } from '../core/context';
import { createAppContext } from '../core/create-context';
import { AppError } from '../core/errors';
import { defaultDataDir } from '../core/paths';
import { createChromiumPdf } from '../core/print/pdf-chromium';
import { APP_VERSION } from '../core/version';
import type { FieldIssue } from '../core/errors';
import { EXIT, UsageError, type CliCommand, type CommandOutcome, type OptionSpec } from './command';
import { COMMANDS } from './commands';
import { fieldLabel } from './format';
import { commandHelp, fullHelp, GLOBAL_OPTIONS, shortUsage } from './help';
import { askHidden, runAs, type PasswordSource } from './run-as';

export interface CliIo extends PasswordSource {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  env: process.env,
  ...(process.stdin.isTTY ? { askPassword: askHidden } : {}),
};

/** Every option any command knows, so one parse handles `ledger --json info` and `ledger info --json` alike. */
function allOptions(commands: readonly CliCommand[]): Record<string, OptionSpec> {
  const all: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS };
  for (const c of commands) {
    for (const [name, spec] of Object.entries(c.options ?? {})) {
      const seen = all[name];
      if (seen && seen.type !== spec.type) throw new Error(`option --${name} is declared with two types`);
      all[name] = spec;
    }
  }
  return all;
}

const PARSE_ERRORS: Record<string, (opt: string) => string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (o) => `未知的选项 ${o}。`,
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (o) => `选项 ${o} 的值缺失或写法不对。`,
};

function parse(argv: string[]) {
  try {
    const options = Object.fromEntries(
      Object.entries(allOptions(COMMANDS)).map(([n, s]) => [n, { type: s.type, ...(s.short ? { short: s.short } : {}) }]),
    );
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const opt = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? '';
    throw new UsageError(PARSE_ERRORS[code]?.(opt) ?? `参数有误：${(e as Error).message}`);
  }
}

/** The longest command whose words start the positionals: `settings get unitName` → settings get. */
function findCommand(positionals: string[]): { command: CliCommand; args: string[] } | null {
  let best: CliCommand | null = null;
  for (const c of COMMANDS) {
    if (c.words.every((w, i) => positionals[i] === w) && (!best || c.words.length > best.words.length)) best = c;
  }
  return best ? { command: best, args: positionals.slice(best.words.length) } : null;
}

function checkShape(command: CliCommand, args: string[], values: Record<string, unknown>): void {
  const name = command.words.join(' ');
  for (const [opt, v] of Object.entries(values)) {
    if (v === undefined || opt in GLOBAL_OPTIONS || opt in (command.options ?? {})) continue;
    throw new UsageError(`命令「${name}」没有选项 --${opt}。`, command);
  }
  if (args.length < command.minArgs) throw new UsageError(`命令「${name}」缺少参数。`, command);
  const given = (opt: string) => values[opt] !== undefined && values[opt] !== '';
  const groups = new Map<string, string[]>();
  for (const [opt, spec] of Object.entries(command.options ?? {})) {
    if (spec.required) groups.set(spec.required === true ? opt : spec.required, [...(groups.get(spec.required === true ? opt : spec.required) ?? []), opt]);
  }
  const missing = [...groups.values()].filter((opts) => !opts.some(given)).map((opts) => opts.map((o) => `--${o}`).join(' 或 '));
  if (missing.length) throw new UsageError(`命令「${name}」缺少选项：${missing.join('、')}。`, command);
  if (args.length > command.maxArgs) throw new UsageError(`命令「${name}」多了参数：${args.slice(command.maxArgs).join(' ')}。`, command);
}

function issuesOf(details: unknown): FieldIssue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}

function report(io: CliIo, json: boolean, e: unknown): number {
  if (e instanceof UsageError) {
    io.err(e.message);
    io.err(e.command ? commandHelp(e.command) : shortUsage(COMMANDS));
    if (json) io.out(JSON.stringify({ ok: false, error: { code: 'USAGE', message: e.message } }));
    return EXIT.usage;
  }
  if (e instanceof AppError) {
    io.err(e.message);
    // The router's message already carries the first issue; the rest go below it, each on its field.
    for (const i of issuesOf(e.details).filter((i) => !e.message.includes(i.message))) {
      io.err(`  - ${i.path.length ? `${fieldLabel(i.path)}：` : ''}${i.message}`);
    }
    if (json) io.out(JSON.stringify({ ok: false, error: e.toData() }));
    return EXIT.failed;
  }
  const message = `程序内部错误：${(e as Error)?.message ?? String(e)}`;
  io.err(message);
  if (json) io.out(JSON.stringify({ ok: false, error: { code: 'INTERNAL', message } }));
  return EXIT.failed;
}

/** Runs one `ledger` invocation and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  // Known before parsing, so even a usage error is answered in JSON when JSON was asked for.
  const json = argv.includes('--json');
  let ctx: AppContext | null = null;
  // The browser host's Chromium port; it starts a browser only when a command renders a PDF.
  const pdf = createChromiumPdf();
  try {
    const { values, positionals } = parse(argv);
    if (values.version) {
      io.out(json ? JSON.stringify({ ok: true, data: { appVersion: APP_VERSION } }) : APP_VERSION);
      return EXIT.ok;
    }
    const found = findCommand(positionals);
    if (values.help) {
      io.out(found ? commandHelp(found.command) : fullHelp(COMMANDS));
      return EXIT.ok;
    }
    if (!positionals.length) throw new UsageError('请给出要执行的命令。');
    if (!found) {
      const group = COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === positionals[0]);
      if (group.length && positionals.length === 1) {
        throw new UsageError(`「${positionals[0]}」后面还需要子命令：${group.map((c) => c.words[1]).join('、')}。`);
      }
      throw new UsageError(`未知的命令「${positionals.join(' ')}」。`);
    }
    checkShape(found.command, found.args, values);

    const dataDirOpt = values['data-dir'];
    const dataDir = typeof dataDirOpt === 'string' ? path.resolve(dataDirOpt) : defaultDataDir(io.env);
    ctx = await createAppContext({ dataDir, host: 'cli', autoBackupMs: 0, ports: { pdf } });
    if (typeof values.as === 'string') await runAs(ctx, values.as, io);
    // #16: with login on the CLI still runs without --as (it needs the data folder itself), as 管理员, and says so.
    if (ctx.status === 'ok' && ctx.session.current === null) {
      const s = await ctx.dispatch('operators.current', {});
      if (s.ok && (s.data as { loginEnabled: boolean }).loginEnabled) {
        io.err('提示：已启用登录，命令行以管理员身份运行，修改记录的操作人为「管理员（命令行）」。可用 --as 姓名 以操作员身份运行。');
      }
    }
    const outcome: CommandOutcome = await found.command.run({ ctx, args: found.args, options: values });
    const doc = found.command.rawJson ? outcome.data : { ok: true, data: outcome.data };
    io.out(json ? JSON.stringify(doc, null, 2) : outcome.lines.join('\n'));
    return outcome.exitCode ?? EXIT.ok;
  } catch (e) {
    if (ctx && !(e instanceof AppError) && !(e instanceof UsageError)) ctx.logger.error('cli command failed', { argv, error: e });
    return report(io, json, e);
  } finally {
    // Always release the data folder, also after a failure, so the app can open it next.
    if (ctx) await ctx.close().catch((e: unknown) => io.err(`关闭数据文件夹时出错：${(e as Error).message}`));
    await pdf.close().catch(() => undefined);
  }
}

// Run when started as `node dist/cli/main.cjs`; bin.cjs and in-process tests call main() themselves.
if (typeof require !== 'undefined' && require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
