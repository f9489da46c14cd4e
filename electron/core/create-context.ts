/**
 * Where the context is made, and so where its router is built from every channel's handler. Kept apart from
 * context.ts so the handlers (which take the context's type) and the context never import each other.
 */
import { AppContext } from './context';
import type { ContextOptions } from './context.types';
import { allHandlers } from './handlers';
import { accessFor } from './operators/access';

export async function createAppContext(opts: ContextOptions): Promise<AppContext> {
  const ctx = new AppContext(opts, allHandlers, accessFor);
  await ctx.open();
  ctx.startAutoBackup(opts.autoBackupMs ?? 0);
  return ctx;
}
