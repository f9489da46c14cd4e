import type { AppContext } from '../context';
import type { DB } from '../db/open';

/**
 * Who writes, when, on which connection, and (for an import) into which batch. Services take it instead of the
 * whole context, so an import can drive several record types inside one transaction and one batch.
 */
export interface WriteScope {
  db: DB;
  actor: string;
  now: Date;
  batchId?: number | null;
}

export const scopeOf = (ctx: AppContext, batchId: number | null = null): WriteScope => ({
  db: ctx.db,
  actor: ctx.actor(),
  now: ctx.clock(),
  batchId,
});
