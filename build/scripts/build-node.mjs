// Bundles the Node-side entry points (Electron main + preload, browser host, CLI, bench) with esbuild.
// npm packages stay external (resolved from node_modules at run time, native better-sqlite3 included);
// only the sandboxed preload is fully self-contained, because a sandboxed preload cannot require packages.
import { build } from 'esbuild';
import path from 'node:path';
import { lazyPackages } from './lazy-packages.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

const entries = [
  { in: 'electron/main/main.ts', out: 'dist/main/main.cjs', external: ['electron'], packages: 'external' },
  { in: 'electron/preload/preload.ts', out: 'dist/preload/preload.cjs', external: ['electron'] },
  { in: 'electron/server/index.ts', out: 'dist/server/index.cjs', packages: 'external' },
  { in: 'electron/cli/main.ts', out: 'dist/cli/main.cjs', packages: 'external' },
  { in: 'test/bench/index.ts', out: 'dist/bench/index.cjs', packages: 'external' },
  // Worker threads, found by the bundles above at dist/workers/ (writer-client.ts, import-engine.ts).
  { in: 'electron/core/members/import/import-writer.worker.ts', out: 'dist/workers/import-writer.cjs', packages: 'external' },
  { in: 'electron/core/members/import/import-engine.worker.ts', out: 'dist/workers/import-engine.cjs', packages: 'external' },
  // The task thread: long jobs off the main thread (export, undo; electron/core/thread-tasks.ts).
  { in: 'electron/core/threads/task.worker.ts', out: 'dist/workers/tasks.cjs', packages: 'external' },
];

const { existsSync } = await import('node:fs');
await Promise.all(
  entries
    .filter((e) => existsSync(path.join(root, e.in)))
    .map((e) =>
      build({
        ...common,
        entryPoints: [e.in],
        outfile: e.out,
        external: e.external ?? [],
        ...(e.packages ? { packages: e.packages } : {}),
        // Heavy packages load on first use (see lazy-packages.mjs); the preload bundles everything itself.
        ...(e.packages === 'external' ? { plugins: [lazyPackages(root)] } : {}),
      }),
    ),
);
