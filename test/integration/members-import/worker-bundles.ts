/**
 * The import's worker threads as the app ships them, bundled here with esbuild (vitest runs the sources, which
 * have no bundle) beside node_modules so that a worker finds better-sqlite3. One file per test process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

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
