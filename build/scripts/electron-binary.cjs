// Where the Electron executable is, found the way node_modules/electron/index.js finds it but without
// requiring that file: its index.js starts a download when the binary is missing, which must never happen
// from `npm start` on an offline PC.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * @param {string} root project root (the folder holding node_modules)
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ found: true, path: string } | { found: false, reason: string, reasonEn: string }}
 */
function findElectronBinary(root, env = process.env) {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) {
    return { found: false, reason: 'node_modules/electron 未安装', reasonEn: 'node_modules/electron is not installed' };
  }
  if (!fs.existsSync(pathFile)) {
    return {
      found: false,
      reason: 'node_modules/electron/path.txt 不存在',
      reasonEn: 'node_modules/electron/path.txt is missing',
    };
  }
  const executable = fs.readFileSync(pathFile, 'utf8').trim();
  const full = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : path.join(electronDir, 'dist', executable);
  if (!executable || !fs.existsSync(full)) {
    const shown = path.relative(root, full) || full;
    return { found: false, reason: `找不到 ${shown}`, reasonEn: `${shown} is missing` };
  }
  return { found: true, path: full };
}

module.exports = { findElectronBinary };
