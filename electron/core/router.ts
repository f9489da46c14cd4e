import { z } from 'zod';
import '../../shared/zod-zh';
import {
  contract,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/contract';
import type { Result } from '../../shared/result';
import { AppError, isBusy, isSealRefusal, newCorrelationId, type FieldIssue } from './errors';
import type { Logger } from './log';

export type Handler<C extends ChannelName, Ctx> = (
  input: ChannelParsedInput<C>,
  ctx: Ctx,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers<Ctx> = { [C in ChannelName]: Handler<C, Ctx> };

export const zodIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));

export interface RouterOptions<Ctx> {
  handlers: Handlers<Ctx>;
  ctx: Ctx;
  logger: Logger;
  /** Only the channels marked `recovery` run while the database is unusable. */
  inRecovery: () => boolean;
  /** Tests turn this on so a handler returning the wrong shape fails loudly. */
  checkOutputs?: boolean;
  /** Operators and roles (#16): refuse a channel the session may not use (FORBIDDEN), with its parsed input. */
  guard?: (channel: ChannelName, rawInput: unknown) => AppError | null;
  /** Operators and roles (#16): mask what the session's role may not see, after the output check. */
  redact?: (channel: ChannelName, data: unknown) => unknown;
}

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * The single entry from any host: validate, run, and turn every outcome into a Result. Nothing thrown
 * escapes, so a malformed payload or an unknown channel can never crash the main process.
 */
/** SQLITE_BUSY in the clerk's words. */
export const BUSY_MESSAGE = '正在写入另一项工作（如导入花名册），刚才的修改没有保存；请等它完成后再试。';

export function createRouter<Ctx>(opts: RouterOptions<Ctx>): Dispatch {
  const log = opts.logger.child('router');
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'VALIDATION', message: `未知的操作「${String(channel).slice(0, 60)}」。` } };
    }
    const def = contract[channel];
    if (opts.inRecovery() && !('recovery' in def && def.recovery)) {
      return {
        ok: false,
        error: { code: 'RECOVERY', message: '数据库未通过完整性检查，请先从备份恢复。' },
      };
    }
    // Before validation, so a refused channel says FORBIDDEN whatever was sent (the guard reads raw revealIds).
    try {
      const refused = opts.guard?.(channel, rawInput);
      if (refused) return { ok: false, error: refused.toData() };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      log.error('access check failed', { channel, error: e });
      return { ok: false, error: { code: 'INTERNAL', message: '权限检查出错，操作未完成。' } };
    }
    // Only a missing input means "no input"; an explicit null is a malformed payload like any other.
    const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      const first = issues[0];
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: first ? `输入有误：${first.message}` : '输入有误。',
          details: { issues },
        },
      };
    }
    try {
      const handler = opts.handlers[channel] as Handler<ChannelName, Ctx>;
      const data = await handler(parsed.data as never, opts.ctx);
      if (opts.checkOutputs) def.output.parse(data);
      return { ok: true, data: opts.redact ? opts.redact(channel, data) : data };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      // Another connection holds the write lock (a roster import being written, or the CLI): refused at once.
      if (isBusy(e)) return { ok: false, error: { code: 'CONFLICT', message: BUSY_MESSAGE } };
      // A sealed year's read-only trigger (archive/archive.seal.ts): its Chinese message names the year.
      if (isSealRefusal(e)) return { ok: false, error: { code: 'CONFLICT', message: e.message } };
      const correlationId = newCorrelationId();
      log.error('unhandled error', { channel, correlationId, error: e });
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `程序内部错误，操作未完成。请把错误编号 ${correlationId} 告诉技术支持。`,
          correlationId,
        },
      };
    }
  };
}
