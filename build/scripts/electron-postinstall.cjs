// Root postinstall: fetches the Electron binary when it is missing (electron's own install script is not
// allowed to run, see "allowScripts" in package.json). It never fails `npm install`: without the binary the
// app still runs in browser mode (`npm run web`).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { findElectronBinary } = require('./electron-binary.cjs');

const root = path.resolve(__dirname, '..', '..');
// A refused or unresolvable connection fails within a second; the limit is for a network that swallows
// packets, so `npm install` is not held for long. A real download of Electron (~100 MB) fits inside it on
// an ordinary connection; LEDGER_ELECTRON_INSTALL_TIMEOUT_MS raises it for a slow one.
const TIMEOUT_MS = Number(process.env.LEDGER_ELECTRON_INSTALL_TIMEOUT_MS) || 120_000;

function warn(reason, reasonEn = reason) {
  console.warn(
    `[工会台账] 未能安装 Electron 桌面程序（${reason}），请用 \`npm run web\` 以浏览器模式运行。` +
      ` / Electron binary not installed (${reasonEn}); use \`npm run web\` for the browser mode.`,
  );
}

function main() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  if (findElectronBinary(root).found) return;
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return; // production install without dev dependencies: nothing to fetch
  const r = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (r.error && r.error.code === 'ETIMEDOUT') return warn(`下载超过 ${TIMEOUT_MS / 1000} 秒`, `download took over ${TIMEOUT_MS / 1000} s`);
  if (r.error) return warn(r.error.message);
  if (r.status !== 0) {
    const first = (r.stderr || '').split('\n').find((l) => l.trim()) || `exit ${r.status}`;
    return warn(first.trim().slice(0, 160));
  }
  const after = findElectronBinary(root);
  if (!after.found) warn(after.reason, after.reasonEn);
}

try {
  main();
} catch (e) {
  warn(e && e.message ? e.message : String(e));
}
process.exit(0);
