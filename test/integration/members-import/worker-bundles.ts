/**
 * The import's worker threads as the app ships them, bundled here with esbuild (vitest runs the sources, which
 * have no bundle) beside node_modules so that a worker finds better-sqlite3. One file per test process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { Logger } from '../../../electron/core/log';
import { openTestContext, tempDir } from '../../helpers/context';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'node_modules', '.cache', 'ledger-test-workers');

export const WORKERS = {
  writer: { entry: 'electron/core/members/import/import-writer.worker.ts', env: 'LEDGER_IMPORT_WORKER' },
  engine: { entry: 'electron/core/members/import/import-engine.worker.ts', env: 'LEDGER_IMPORT_ENGINE' },
  tasks: { entry: 'electron/core/threads/task.worker.ts', env: 'LEDGER_TASK_THREAD' },
} as const;

/** Builds the worker and points the app at it (its env override); the returned function undoes both. */
export async function useWorkerBundle(kind: keyof typeof WORKERS): Promise<{ file: string; dispose(): void }> {
  const w = WORKERS[kind];
  const file = path.join(OUT, `${kind}-${process.pid}.cjs`);
  await build({ entryPoints: [path.join(ROOT, w.entry)], outfile: file, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  process.env[w.env] = file;
  return {
    file,
    dispose() {
      delete process.env[w.env];
      fs.rmSync(file, { force: true });
    },
  };
}

/**
 * A test file about a long job in the task thread, as the app ships it: the tasks bundle for the whole file, a
 * fresh data folder per test with a logger that keeps warnings (a fallback to the main process is one), and
 * `dir`, a temporary folder of the test's own.
 */
export function taskThreadSuite(): { readonly ctx: AppContext; readonly dir: string; readonly warnings: string[]; readonly bundleFile: string } {
  let bundle: Awaited<ReturnType<typeof useWorkerBundle>> | undefined;
  let ctx: AppContext | undefined;
  let dir = '';
  const warnings: string[] = [];
  const logger: Logger = { info: () => undefined, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m), child: () => logger };
  beforeAll(async () => {
    bundle = await useWorkerBundle('tasks');
  });
  afterAll(() => bundle?.dispose());
  beforeEach(async () => {
    warnings.length = 0;
    ctx = await openTestContext({ logger });
    dir = tempDir();
  });
  afterEach(async () => {
    await ctx?.close();
  });
  return {
    get ctx() {
      if (!ctx) throw new Error('taskThreadSuite: ctx is only there inside a test');
      return ctx;
    },
    get dir() {
      return dir;
    },
    get bundleFile() {
      return bundle?.file ?? '';
    },
    warnings,
  };
}
