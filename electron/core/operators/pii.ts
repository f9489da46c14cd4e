/**
 * Personal information in what leaves the app (#16): which role gets full numbers in an export or print, the
 * reason a full export needs, and its audit entry. The masks themselves are shared/domain/pii.ts.
 *
 * Rule (the same for every workbook in PII_EXPORT_CHANNELS and every print):
 * - a role without 查看完整号码 (查阅) always gets masked values; asking for full ones is refused at the router;
 * - another role gets full values unless it asked for masked ones (revealIds: false) or 设置 → 个人信息 masks
 *   exports and prints (piiMask), in which case only revealIds: true gives full ones;
 * - a full workbook is logged (file name, row count, reason); once login is on it needs a reason. A one-person office
 *   without login is not asked, as before.
 */
import { piiReasonRequired, piiWriter, PII_EXPORT_CHANNELS, type PiiWriter } from '../../../shared/domain/pii';
import type { PiiExportAsk } from '../../../shared/contract/define';
import { roleHas } from '../../../shared/domain/permissions';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { effectiveOperator } from './access';
import { loginEnabled } from './operators.repo';

/** revealIds true: full numbers asked for; false: masked; absent: the role's and 设置's default. */
export type PiiAsk = PiiExportAsk;

/** Whether this output carries full numbers. `defaultFull`: false for outputs masked unless asked (hardship files). */
export function piiFull(ctx: AppContext, revealIds: boolean | undefined, defaultFull = true): boolean {
  const op = effectiveOperator(ctx);
  if (!op || !roleHas(op.role, 'reveal')) return false;
  if (revealIds !== undefined) return revealIds;
  return defaultFull && !getSettings(ctx).piiMask;
}

export const piiWriterFor = (ctx: AppContext, revealIds: boolean | undefined, defaultFull = true): PiiWriter => piiWriter(piiFull(ctx, revealIds, defaultFull));

/**
 * One export of PII_EXPORT_CHANNELS: decides full or masked, refuses a full one without its reason once login is
 * on (before any file is written), runs `make` with the writer, and logs a full one with what it wrote.
 */
export async function piiExport<R extends { fileName: string }>(
  ctx: AppContext,
  channel: keyof typeof PII_EXPORT_CHANNELS & string,
  ask: PiiAsk,
  make: (w: PiiWriter, full: boolean) => Promise<{ ref: R; rows: number; details?: Record<string, unknown> }>,
  defaultFull = true,
): Promise<R> {
  const full = piiFull(ctx, ask.revealIds, defaultFull);
  const reason = full ? exportReason(ctx, PII_EXPORT_CHANNELS[channel] ?? '文件', ask.reason) : ask.reason?.trim() || undefined;
  const { ref, rows, details } = await make(piiWriter(full), full);
  if (full) logPiiExport(ctx, channel, { fileName: ref.fileName, rows, ...(details ?? {}), ...(reason ? { reason } : {}) });
  return ref;
}

/** The reason a full-number export gives; once login is on, it is refused without one (before any file is written). */
export function exportReason(ctx: AppContext, what: string, given: string | undefined): string | undefined {
  const reason = given?.trim() || undefined;
  if (!reason && loginEnabled(ctx.db)) throw new AppError('VALIDATION', piiReasonRequired(what));
  return reason;
}

/** 导出… entry of a full export (action = the channel; labels in shared/domain/audit-labels.ts). */
export function logPiiExport(ctx: AppContext, action: string, after: Record<string, unknown>, entityId?: number): void {
  const now = ctx.clock();
  ctx.db.transaction(() =>
    writeAudit(ctx.db, ctx.actor() || '管理员', now, { action, entity: 'member', ...(entityId ? { entityId } : {}), after }),
  )();
}
