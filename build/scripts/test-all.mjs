// `npm test`: typecheck, lint, import cycles, unit + integration (vitest), then the Playwright E2E suite, in that order,
// stopping at the first failing stage. Ends with one plain line "N passed, N failed, N skipped" counted from
// the runners' JSON reports, so CI and people read the same total.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const reports = path.join(root, 'test-results', 'reports');
fs.mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return r.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}
function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}
function finish(code) {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

for (const f of fs.readdirSync(reports)) fs.rmSync(path.join(reports, f));
if (run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) finish(1);
if (run('lint', bin('eslint'), ['.'])) finish(1);
if (run('import cycles (dpdm)', process.execPath, [path.join(root, 'build', 'scripts', 'check-cycles.mjs')])) finish(1);
const vitestJson = path.join(reports, 'vitest.json');
const unit = run('unit + integration (vitest)', bin('vitest'), [
  'run', '--config', 'build/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
]);
countVitest(vitestJson);
if (unit) finish(1);
if (run('build', process.execPath, [path.join(root, 'build', 'scripts', 'build-node.mjs')])) finish(1);
if (run('build web', bin('vite'), ['build', '--config', 'build/vite.config.ts', '--logLevel', 'warn'])) finish(1);
const pwJson = path.join(reports, 'playwright.json');
const e2e = run('E2E (Playwright, Debian Chromium)', bin('playwright'), ['test', '--config', 'build/playwright.config.ts', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
});
countPlaywright(pwJson);
finish(e2e ? 1 : 0);
