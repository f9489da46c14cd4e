import type { AppContext } from '../context';
import type { WriteScope } from '../members/members.service';

/** The same scope the member files use, so an import can drive both inside one transaction and one batch. */
export type { WriteScope };

export const scopeOf = (ctx: AppContext, batchId: number | null = null): WriteScope => ({
  db: ctx.db,
  actor: ctx.actor(),
  now: ctx.clock(),
  batchId,
});
