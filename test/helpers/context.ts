import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext, ContextOptions } from '../../electron/core/context';
import { createAppContext } from '../../electron/core/create-context';
import { silentLogger } from '../../electron/core/log';

export function tempDir(prefix = 'ledger-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real context on a real SQLite file in a fresh folder; outputs are schema-checked. */
export async function openTestContext(overrides: Partial<ContextOptions> = {}): Promise<AppContext> {
  return createAppContext({
    dataDir: overrides.dataDir ?? tempDir(),
    host: 'test',
    logger: silentLogger,
    checkOutputs: true,
    ...overrides,
  });
}

/** Calls a channel and returns its data, failing the test with the Chinese message otherwise. */
export async function call<T = unknown>(ctx: AppContext, channel: string, input: unknown = {}): Promise<T> {
  const r = await ctx.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
