import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
/** Plain-Node layers: the same code runs in Electron, the browser host, the CLI and tests. */
const PLAIN_NODE_DIRS = ['electron/core', 'shared', 'electron/server', 'electron/cli'];
const ELECTRON_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"]electron(?:\/[^'"]*)?['"]/m;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) =>
    e.isFile() && /\.(c|m)?tsx?$|\.(c|m)?js$/.test(e.name) ? [path.join(e.parentPath, e.name)] : [],
  );
}

describe("core and shared never import 'electron'", () => {
  it('the pattern catches every import form', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { WebContents } from "electron";',
      "import 'electron';",
      "const { shell } = require('electron');",
      "await import('electron/main');",
    ]) {
      expect(ELECTRON_IMPORT.test(line), line).toBe(true);
    }
    expect(ELECTRON_IMPORT.test("import x from 'electron-builder';")).toBe(false);
    expect(ELECTRON_IMPORT.test("import { x } from '../electron/core/context';")).toBe(false);
  });

  it('no file in a plain-Node layer imports it', () => {
    const files = PLAIN_NODE_DIRS.flatMap((d) => sourceFiles(path.join(root, d)));
    expect(files.length).toBeGreaterThan(15);
    const offenders = files.filter((f) => ELECTRON_IMPORT.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });
});
