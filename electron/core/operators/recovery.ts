/**
 * The forgotten-password path of #16: when the first 管理员 password turns login on, a recovery code is shown
 * once; only its scrypt hash is kept (in the settings table, beside nothing a clerk edits). With the code and the
 * data folder (`ledger operators recover`, which has to open the folder itself) that 管理员 gets a new password.
 */
import { randomBytes } from 'node:crypto';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings.repo';
import { getOperator, setOperatorPassword } from './operators.repo';
import { hashPassword, verifyPassword } from './password';

const RECOVERY_KEY = 'adminRecovery';
const LOGIN_QUESTION_KEY = 'loginQuestion';
/** No 0/O, 1/I/L: the code is copied from paper. 20 characters × 5 bits = 100 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

interface StoredRecovery {
  operatorId: number;
  hash: string;
  at: string;
}

export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

const normalise = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

const stored = (ctx: AppContext): StoredRecovery | null => {
  const v = readSetting(ctx.db, RECOVERY_KEY) as StoredRecovery | undefined;
  return v && typeof v.hash === 'string' && typeof v.operatorId === 'number' ? v : null;
};

export const hasRecoveryCode = (ctx: AppContext): boolean => stored(ctx) !== null;

/** A code and its hash, made before the write transaction (scrypt is asynchronous). */
export async function prepareRecoveryCode(): Promise<{ code: string; hash: string }> {
  const code = newRecoveryCode();
  return { code, hash: await hashPassword(normalise(code)) };
}

/** Inside the caller's transaction. */
export function storeRecoveryCode(ctx: AppContext, operatorId: number, hash: string, at: Date): void {
  writeSetting(ctx.db, RECOVERY_KEY, { operatorId, hash, at: at.toISOString() } satisfies StoredRecovery, at.toISOString());
  writeSetting(ctx.db, LOGIN_QUESTION_KEY, 'protected', at.toISOString());
}

export const loginQuestionAnswered = (ctx: AppContext): boolean => readSetting(ctx.db, LOGIN_QUESTION_KEY) !== undefined;

/**
 * 不需要: remembered so the question is not asked again. Not an audit entry: nothing in the ledger changes and
 * the app stays exactly as it was (one 管理员, no login); turning login on later is logged as 新增操作员.
 */
export function declineLogin(ctx: AppContext): void {
  const at = ctx.clock().toISOString();
  ctx.db.transaction(() => writeSetting(ctx.db, LOGIN_QUESTION_KEY, 'declined', at))();
}

/** Resets the password of the 管理员 the code was issued for and issues a new code (the old one is used up). */
export async function recoverAdmin(ctx: AppContext, code: string, newPassword: string): Promise<{ name: string; recoveryCode: string }> {
  const s = stored(ctx);
  if (!s) throw new AppError('NOT_FOUND', '这个数据文件夹没有恢复码（还没有启用登录）。');
  if (!(await verifyPassword(normalise(code), s.hash))) {
    const at = ctx.clock();
    ctx.db.transaction(() => writeAudit(ctx.db, '恢复码', at, { action: 'operators.recoverFailed', entity: 'operator', entityId: s.operatorId }))();
    throw new AppError('VALIDATION', '恢复码不正确。');
  }
  const op = getOperator(ctx.db, s.operatorId);
  if (!op || op.role !== 'admin') throw new AppError('NOT_FOUND', '恢复码对应的管理员已被删除或不再是管理员；请让其他管理员重设密码。');
  if (op.disabled) throw new AppError('VALIDATION', `管理员「${op.name}」已停用。`);
  const [hash, next] = await Promise.all([hashPassword(newPassword), prepareRecoveryCode()]);
  const at = ctx.clock();
  ctx.db.transaction(() => {
    setOperatorPassword(ctx.db, op.id, hash, at.toISOString());
    storeRecoveryCode(ctx, op.id, next.hash, at);
    writeAudit(ctx.db, op.name, at, { action: 'operators.recover', entity: 'operator', entityId: op.id, after: { name: op.name } });
  })();
  return { name: op.name, recoveryCode: next.code };
}
