/**
 * `--as NAME` (#16): the CLI runs as a named operator, with that operator's permissions and name in 修改记录.
 * The password comes from LEDGER_PASSWORD (scripts) or is asked on the terminal, never from the command line
 * (it would stay in the shell history and show in the process list).
 */
import type { AppContext } from '../core/context';
import { AppError } from '../core/errors';
import { findOperatorByName, loginEnabled } from '../core/operators/operators.repo';
import { UsageError } from './command';

export interface PasswordSource {
  env: NodeJS.ProcessEnv;
  /** Asks without echo; absent when stdin is not a terminal (a script, a pipe, a test). */
  askPassword?: (question: string) => Promise<string>;
}

export async function runAs(ctx: AppContext, name: string, io: PasswordSource): Promise<void> {
  if (ctx.status !== 'ok') throw new AppError('RECOVERY', '数据库无法打开，不能以操作员身份运行。');
  const row = findOperatorByName(ctx.db, name);
  if (!row || row.disabled) throw new AppError('VALIDATION', `没有名为「${name}」的操作员。`);
  // While login is off nobody has a password to give: the name and role are enough (the same as the window).
  if (!loginEnabled(ctx.db)) {
    ctx.session.login({ id: row.id, name: row.name, role: row.role }, ctx.clock().getTime());
    return;
  }
  const password = io.env.LEDGER_PASSWORD || (io.askPassword ? await io.askPassword(`「${name}」的密码：`) : undefined);
  if (!password) throw new AppError('VALIDATION', `以「${name}」身份运行需要密码：请在终端中输入，或用环境变量 LEDGER_PASSWORD 给出。`);
  const r = await ctx.dispatch('operators.login', { name, password });
  if (!r.ok) throw new AppError(r.error.code, `不能以「${name}」身份运行：${r.error.message}`, r.error.details);
}

/** Reads a line from the terminal without showing it. */
export function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new UsageError('已取消。'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
