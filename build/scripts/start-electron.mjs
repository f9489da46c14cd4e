// `npm start`: the desktop app from this checkout. Checks for the Electron binary before building anything,
// so on a machine without it the clerk (or developer) gets a plain answer instead of a failed download.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { findElectronBinary } = require('./electron-binary.cjs');
const root = path.resolve(import.meta.dirname, '..', '..');

const binary = findElectronBinary(root);
if (!binary.found) {
  console.error(
    [
      `本机没有安装 Electron 桌面程序（${binary.reason}），无法以桌面版启动。`,
      '请运行 `npm run web` 以浏览器模式使用工会台账；在能上网的电脑上运行 `npm install` 会自动下载 Electron。',
      `The Electron binary is not installed here (${binary.reasonEn}).`,
      'Run `npm run web` for the browser mode; on a PC with internet access, `npm install` fetches Electron.',
    ].join('\n'),
  );
  process.exit(1);
}

// npm sets npm_execpath when this runs as an npm script; elsewhere fall back to npm on PATH.
const npmCli = process.env.npm_execpath;
const build = npmCli
  ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error('构建失败，未启动桌面版。/ Build failed; the desktop app was not started.');
  process.exit(build.status ?? 1);
}

const env = { ...process.env };
// Set by some tools; it would make the binary behave as plain Node instead of opening the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (e) => {
  console.error(`无法启动 Electron：${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
