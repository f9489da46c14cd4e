import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../build/scripts/electron-binary.cjs';
import { tempDir } from '../../helpers/context';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

function fakeRoot(opts: { pathTxt?: string; binary?: string }): string {
  const dir = tempDir('ledger-electron-root-');
  const e = path.join(dir, 'node_modules', 'electron');
  fs.mkdirSync(path.join(e, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(e, 'package.json'), '{"name":"electron"}');
  if (opts.pathTxt !== undefined) fs.writeFileSync(path.join(e, 'path.txt'), opts.pathTxt);
  if (opts.binary) fs.writeFileSync(path.join(e, 'dist', opts.binary), '');
  return dir;
}

describe('findElectronBinary', () => {
  it('finds dist/<path.txt> without requiring electron', () => {
    const dir = fakeRoot({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(dir, {})).toEqual({ found: true, path: path.join(dir, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('says why when path.txt or the binary is missing', () => {
    const noTxt = findElectronBinary(fakeRoot({}), {});
    expect(noTxt).toMatchObject({ found: false, reason: 'node_modules/electron/path.txt 不存在' });
    const noBin = findElectronBinary(fakeRoot({ pathTxt: 'electron.exe' }), {});
    expect(noBin.found).toBe(false);
    expect(noBin.found ? '' : noBin.reason).toContain('electron.exe');
    expect(findElectronBinary(tempDir(), {})).toMatchObject({ found: false, reason: 'node_modules/electron 未安装' });
  });
});

describe('npm start / postinstall on this machine', () => {
  const here = findElectronBinary(root);

  it('npm start explains the missing binary in Chinese and English and exits 1 before building', () => {
    if (here.found) {
      console.log(`Electron 二进制已安装（${here.path}），跳过“缺少二进制”的提示测试。`);
      return;
    }
    const before = fs.existsSync(path.join(root, 'dist')) ? fs.statSync(path.join(root, 'dist')).mtimeMs : 0;
    const r = spawnSync(process.execPath, [path.join(root, 'build/scripts/start-electron.mjs')], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('本机没有安装 Electron 桌面程序');
    expect(r.stderr).toContain('npm run web');
    expect(r.stderr).toContain('The Electron binary is not installed here');
    expect(r.stdout).not.toContain('vite');
    const after = fs.existsSync(path.join(root, 'dist')) ? fs.statSync(path.join(root, 'dist')).mtimeMs : 0;
    expect(after).toBe(before);
  });

  it('postinstall never fails npm install and names npm run web when the download is impossible', () => {
    // A port nobody listens on: the download is refused at once, the same as on an offline PC.
    const env = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' };
    const started = Date.now();
    const r = spawnSync(process.execPath, [path.join(root, 'build/scripts/electron-postinstall.cjs')], {
      encoding: 'utf8',
      env,
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    if (!here.found) {
      expect(r.stderr).toMatch(/未能安装 Electron 桌面程序.*npm run web.*Electron binary not installed/);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
    const skipped = spawnSync(process.execPath, [path.join(root, 'build/scripts/electron-postinstall.cjs')], {
      encoding: 'utf8',
      env: { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toBe('');
  });
});
