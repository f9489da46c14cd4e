// Root postinstall, second part: builds the browser UI (dist/web) and the Node bundles once, when they are
// missing, so the first `npm run web` after `npm install` starts at once instead of waiting ~5 s for a build
// the install could have made. It never fails `npm install`: a build that cannot run (no dev dependencies,
// a read-only folder, an error) only warns, and `npm run web` builds then.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function warn(reason) {
  console.warn(`[工会台账] 未能预先构建浏览器界面（${reason}）；首次运行 \`npm run web\` 时会先构建。 / UI not prebuilt (${reason}); the first \`npm run web\` builds it.`);
}

function run(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 180_000 });
  if (r.error) return `${what}：${r.error.message}`;
  if (r.status !== 0) return `${what}：${((r.stderr || '').split('\n').find((l) => l.trim()) || `exit ${r.status}`).trim().slice(0, 160)}`;
  return null;
}

function main() {
  if (process.env.LEDGER_SKIP_WEB_PREBUILD) return;
  if (fs.existsSync(path.join(root, 'dist', 'web', 'index.html'))) return;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite) || !fs.existsSync(path.join(root, 'renderer'))) return; // production install: nothing to build
  const failed =
    run([path.join(root, 'build', 'scripts', 'build-node.mjs')], '构建服务端') ??
    run([vite, 'build', '--config', path.join(root, 'build', 'vite.config.ts'), '--logLevel', 'warn'], '构建界面');
  if (failed) warn(failed);
}

try {
  main();
} catch (e) {
  warn(e && e.message ? e.message : String(e));
}
