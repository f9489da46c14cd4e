#!/usr/bin/env node
'use strict';
// `ledger`: checks Node, rebuilds the bundled CLI when a checkout's sources are newer than it, then runs it.
// Plain CommonJS with nothing newer than Node 12 syntax, so an old Node gets the message below, not a crash.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `工会台账命令行需要 Node.js 22 或更高版本（当前为 ${process.version}），因为数据库组件 better-sqlite3 需要它。\n` +
      '在项目目录中请用 npx ledger 运行，它会使用项目自带的 Node 24。\n' +
      `The ledger CLI needs Node.js 22 or newer (found ${process.version}); better-sqlite3 requires it.\n` +
      "From a checkout, run `npx ledger` to use the project's own Node 24.\n",
  );
  process.exit(1);
}

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'cli', 'main.cjs');
const buildScript = path.join(root, 'build', 'scripts', 'build-node.mjs');
const SOURCE_DIRS = ['electron/cli', 'electron/core', 'shared'].map((d) => path.join(root, d));

function newestSourceMtime() {
  let newest = fs.existsSync(buildScript) ? fs.statSync(buildScript).mtimeMs : 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ts|cjs|mjs|js|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (fs.existsSync(dir)) walk(dir);
  return newest;
}

const bundleMtime = () => (fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0);

// An installed copy has no sources and no build script: it runs whatever bundle it shipped with.
const isCheckout = fs.existsSync(path.join(root, 'electron', 'cli', 'main.ts')) && fs.existsSync(buildScript);
if (isCheckout && bundleMtime() < newestSourceMtime()) {
  const r = spawnSync(process.execPath, [buildScript], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // Another entry (the Electron shell, say) may fail to build while the CLI built fine; only the CLI matters here.
  if (bundleMtime() < newestSourceMtime()) {
    process.stderr.write(`构建命令行程序失败，请运行 npm run build:node 查看原因。\n${r.stderr || r.stdout || ''}\n`);
    process.exit(1);
  }
}
if (!fs.existsSync(bundle)) {
  process.stderr.write(`找不到 ${bundle}，请先运行 npm run build:node。\n`);
  process.exit(1);
}

require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
