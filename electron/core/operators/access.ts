/**
 * The router's access check (#16): every channel's permission from shared/domain/permissions.ts, the login and
 * idle lock, and masking of ID numbers and phones for roles that may not see them. While login is off
 * (no operator with a password) everyone is the single 管理员 and nothing here changes what a channel does.
 */
import { channelAccess, PERMISSION_LABELS, ROLE_LABELS, roleHas, type Role } from '../../../shared/domain/permissions';
import { piiWriter, PII_EXPORT_CHANNELS, PII_KEYS } from '../../../shared/domain/pii';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { applyLockMinutes } from './lock-setting';
import { loginEnabled } from './operators.repo';
import type { SessionOperator } from './session';

export const IMPLICIT_ADMIN: SessionOperator = { id: null, name: '管理员', role: 'admin' };

export interface Access {
  guard(channel: string, input: unknown): AppError | null;
  redact(channel: string, data: unknown): unknown;
}

const isLoginOn = (ctx: AppContext): boolean => ctx.status === 'ok' && loginEnabled(ctx.db);

/** Who the channel runs as: the logged-in operator, the implicit 管理员 while login is off, or the CLI. */
export function effectiveOperator(ctx: AppContext): SessionOperator | null {
  if (ctx.session.current) return ctx.session.current;
  if (!isLoginOn(ctx)) return IMPLICIT_ADMIN;
  // The CLI runs as 管理员 and says so (electron/cli/main.ts warns); it needs the data folder anyway.
  if (ctx.host === 'cli') return { id: null, name: '管理员（命令行）', role: 'admin' };
  return null;
}

const forbidden = (message: string, reason: 'login' | 'locked' | 'role'): AppError => new AppError('FORBIDDEN', message, { reason });

export function accessFor(ctx: AppContext): Access {
  return {
    guard(channel, input) {
      const need = channelAccess(channel);
      if (need === 'public' || ctx.status !== 'ok') return null;
      const now = ctx.clock().getTime();
      applyLockMinutes(ctx);
      if (ctx.session.current && ctx.session.idle(now)) {
        ctx.session.logout();
        if (isLoginOn(ctx)) return forbidden('长时间未操作，已自动锁定，请重新登录。', 'locked');
      }
      const op = effectiveOperator(ctx);
      if (!op) return forbidden('请先登录。', 'login');
      ctx.session.touch(now);
      if (!roleHas(op.role, need)) return forbidden(`${ROLE_LABELS[op.role]}没有此权限：${PERMISSION_LABELS[need]}。`, 'role');
      const wantsReveal = !!input && typeof input === 'object' && (input as { revealIds?: unknown }).revealIds === true;
      if (wantsReveal) {
        if (!roleHas(op.role, 'reveal')) return forbidden(`${ROLE_LABELS[op.role]}不能查看完整身份证号。`, 'role');
        // A deliberate reveal is evidence of who looked at whose numbers; only worth recording once login is on.
        // An export of full numbers writes its own entry (file, rows, reason) once the file exists.
        if (isLoginOn(ctx) && !(channel in PII_EXPORT_CHANNELS)) {
          const { entity, entityId } = revealTarget(channel, input as Record<string, unknown>);
          writeAudit(ctx.db, op.name, ctx.clock(), { action: 'pii.reveal', entity, entityId, after: { channel } });
        }
      }
      return null;
    },
    redact(_channel, data) {
      const op = effectiveOperator(ctx);
      return op && roleHas(op.role, 'reveal') ? data : maskDeep(data);
    },
  };
}

/** Whose numbers a reveal showed: the record the channel was asked for (its `id`), by area. */
function revealTarget(channel: string, input: Record<string, unknown>): { entity: string; entityId: number | null } {
  const id = typeof input.id === 'number' ? input.id : typeof input.memberId === 'number' ? input.memberId : null;
  if (channel.startsWith('care.hardship')) return { entity: 'hardship_file', entityId: id };
  if (channel.startsWith('mediation.')) return { entity: 'mediation_case', entityId: id };
  return { entity: 'member', entityId: id };
}

const mask = piiWriter(false);

/** Any channel's output, so a list another area adds is masked too. */
export function maskDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskDeep);
  if (!v || typeof v !== 'object' || Buffer.isBuffer(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    const kind = PII_KEYS[k];
    out[k] = kind && typeof val === 'string' ? mask(kind, val) : maskDeep(val);
  }
  return out;
}

export const roleOf = (ctx: AppContext): Role | null => effectiveOperator(ctx)?.role ?? null;
