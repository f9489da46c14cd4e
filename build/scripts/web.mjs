// `npm run web`: the app in a browser, for anyone without the Electron binary. Builds what is stale, then
// runs the loopback host (dist/server/index.cjs) with this same Node, passing PORT and LEDGER_DATA_DIR on.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const webIndex = path.join(root, 'dist', 'web', 'index.html');

/** Newest modification time of any file under the given folders (node_modules never lives there). */
function newestMtime(dirs) {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return newest;
}

function runNode(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what}失败（退出码 ${r.status ?? r.signal}）。`);
    process.exit(r.status ?? 1);
  }
}

// esbuild takes well under a second, so the server bundle is always rebuilt rather than guessed about.
runNode([path.join(root, 'build', 'scripts', 'build-node.mjs')], '构建服务端');

const sources = ['renderer', 'shared', path.join('build', 'vite.config.ts')].map((p) => path.join(root, p));
const webBuilt = fs.existsSync(webIndex) ? fs.statSync(webIndex).mtimeMs : 0;
if (!webBuilt || newestMtime(sources) > webBuilt) {
  console.log('正在构建界面…');
  const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  runNode([viteBin, 'build', '--config', path.join(root, 'build', 'vite.config.ts'), '--logLevel', 'warn'], '构建界面');
}

const child = spawn(process.execPath, [path.join(root, 'dist', 'server', 'index.cjs')], {
  cwd: root,
  env: process.env,
  stdio: 'inherit',
});
// The server takes its quit backup on SIGINT/SIGTERM, so pass the signal on and wait for it to finish.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (child.exitCode === null) child.kill(sig);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
