import { DEFAULT_LOCK_MINUTES } from '../../../shared/domain/permissions';
import type { AppContext } from '../context';
import { readSetting } from '../settings/settings.repo';

/**
 * 设置 → 自动锁定时间 (#16), read on every check rather than cached, so a change in 设置 (or by the CLI in a
 * closed window's folder) applies to the very next call. One indexed read of a tiny table.
 */
export function applyLockMinutes(ctx: AppContext): void {
  if (ctx.status !== 'ok') return;
  const v = readSetting(ctx.db, 'lockMinutes');
  ctx.session.lockMinutes = typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 480 ? v : DEFAULT_LOCK_MINUTES;
}
