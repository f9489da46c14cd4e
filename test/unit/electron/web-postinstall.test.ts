import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A stand-in checkout: the real script, with build steps that do what the test says. */
function fakeRoot(steps: { buildNode: string; vite: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-postinstall-'));
  fs.mkdirSync(path.join(root, 'build', 'scripts'), { recursive: true });
  fs.mkdirSync(path.join(root, 'renderer'));
  fs.mkdirSync(path.join(root, 'node_modules', 'vite', 'bin'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'build/scripts/web-postinstall.cjs'), path.join(root, 'build/scripts/web-postinstall.cjs'));
  fs.writeFileSync(path.join(root, 'build/scripts/build-node.mjs'), steps.buildNode);
  fs.writeFileSync(path.join(root, 'node_modules/vite/bin/vite.js'), steps.vite);
  return root;
}
const run = (root: string) =>
  spawnSync(process.execPath, [path.join(root, 'build/scripts/web-postinstall.cjs')], { encoding: 'utf8', env: { ...process.env, LEDGER_SKIP_WEB_PREBUILD: '' } });

const writesIndex = `const fs=require('node:fs');fs.mkdirSync('dist/web',{recursive:true});fs.writeFileSync('dist/web/index.html','<!doctype html>');`;

describe('postinstall prebuilds the browser UI', () => {
  it('builds dist/web once when it is missing, so the first npm run web does not wait for it', () => {
    const root = fakeRoot({ buildNode: '', vite: writesIndex });
    const r = run(root);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(root, 'dist/web/index.html'))).toBe(true);
  });

  it('leaves an existing build alone', () => {
    const root = fakeRoot({ buildNode: 'process.exit(3)', vite: 'process.exit(3)' });
    fs.mkdirSync(path.join(root, 'dist/web'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/web/index.html'), 'old');
    const r = run(root);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('never fails npm install when the build cannot run: it warns and names npm run web', () => {
    const root = fakeRoot({ buildNode: '', vite: `console.error('vite: out of memory');process.exit(1)` });
    const r = run(root);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('未能预先构建浏览器界面');
    expect(r.stderr).toContain('vite: out of memory');
    expect(r.stderr).toContain('npm run web');
  });

  it('is part of the package postinstall', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toContain('node build/scripts/web-postinstall.cjs');
  });
});
