import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..', '..');

// electron-builder's own loader and validator (the ones `electron-builder --config` runs), not a copy.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (isEnabled?: boolean) => unknown };

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  directories: Record<string, string>;
  nsis: Record<string, unknown>;
  win: { target: { target: string }[]; icon: string };
};

const load = (): Config => yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by the same validator when a key is wrong (so the check above means something)', async () => {
    const bad = { ...load(), nsis: { ...load().nsis, oneClik: false } };
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
    await expect(validateConfiguration({ ...load(), prodctName: 'x' }, new DebugLogger(false))).rejects.toThrow(/prodctName/);
  });

  it('packs only the desktop app, in Chinese, with the native addon unpacked', () => {
    const c = load();
    expect(c.productName).toBe('工会台账');
    expect(c.directories).toEqual({ buildResources: 'build', output: 'release' });
    expect(c.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/preload/**', 'dist/web/**', 'package.json']));
    expect(c.files).toEqual(expect.arrayContaining(['!dist/server/**', '!dist/cli/**', '!dist/bench/**', '!test/**']));
    expect(c.asarUnpack.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
    expect(c.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, installerLanguages: ['zh_CN'] });
    expect(c.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(c.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    for (const icon of [c.win.icon, c.icon as string]) expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
  });

  it('points at the entry the build produces', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; productName: string };
    expect(pkg.main).toBe('dist/main/main.cjs');
    expect(pkg.productName).toBe(load().productName);
  });
});
