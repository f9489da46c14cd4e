import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * The servers under test serve a private copy of dist/web: a `vite build` started elsewhere during the run
 * empties dist/web first (emptyOutDir), and pages loading then would get 503s that have nothing to do with
 * the code under test.
 */
export default function globalSetup(): () => void {
  const source = path.join(root, 'dist', 'web');
  if (!fs.existsSync(path.join(source, 'index.html'))) {
    throw new Error('缺少 dist/web：请先运行 npm run build（或 npm run build:web）。');
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-web-'));
  fs.cpSync(source, copy, { recursive: true });
  process.env.LEDGER_E2E_WEB_DIR = copy;
  return () => fs.rmSync(copy, { recursive: true, force: true });
}
