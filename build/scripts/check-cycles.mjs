// Import cycles are a lint failure: every entry point of the app (both hosts, the CLI, the workers, the
// renderer) is walked with dpdm, type-only imports included, and any cycle fails with its chain printed.
// `npm run lint` and `npm test` run it after eslint.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'dpdm.cmd' : 'dpdm');
const workers = fs
  .readdirSync(path.join(root, 'electron', 'core'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.worker.ts'))
  .map((f) => path.join('electron', 'core', f));
const entries = ['electron/main/main.ts', 'electron/preload/preload.ts', 'electron/cli/main.ts', 'electron/server/index.ts', 'renderer/src/main.tsx', ...workers, ...process.argv.slice(2)];
const r = spawnSync(bin, ['--no-tree', '--no-warning', '--no-progress', '--circular', '--exclude', 'node_modules', '--exit-code', 'circular:1', ...entries], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(r.status ?? 1);
