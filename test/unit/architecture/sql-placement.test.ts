/**
 * House rule: SQL lives in *.repo.ts, in a declared *.query.ts read model, or in electron/core/db/. Anywhere
 * else a `.prepare(`, a `.exec(` on a connection or a `stmt(` call fails this test, naming file and line.
 * `.exec(` on a regular expression is allowed: a regex literal (`/…/.exec(`) or a receiver whose name says it
 * is one (`re`, `SERIAL_RE`, an UPPER_CASE constant, `p.re`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SCANNED = ['electron', 'shared', 'renderer/src'];
const SQL_HOME = (rel: string) => /\.(repo|query)\.ts$/.test(rel) || rel.startsWith('electron/core/db/');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const REGEX_RECEIVER = /(\/[dgimsuyv]*|\b(?:re|[A-Za-z]*_RE|[A-Z][A-Z0-9_]*|[A-Za-z]+Re|[a-z]+\.re))\.exec\($/;

/** The places a line runs SQL outside its home: [column, what] pairs. */
export function sqlCalls(line: string): string[] {
  const found: string[] = [];
  const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, '');
  if (/\.prepare\(/.test(code)) found.push('.prepare(');
  if (/(^|[^.\w])stmt\(/.test(code)) found.push('stmt(');
  for (const m of code.matchAll(/\.exec\(/g)) {
    const upTo = code.slice(0, (m.index ?? 0) + m[0].length);
    if (!REGEX_RECEIVER.test(upTo)) found.push('.exec(');
  }
  return found;
}

export function sqlOutsideHome(root: string): string[] {
  const hits: string[] = [];
  for (const top of SCANNED) {
    const dir = path.join(root, top);
    if (!fs.existsSync(dir)) continue;
    for (const file of sourceFiles(dir)) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (SQL_HOME(rel)) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const what of sqlCalls(line)) hits.push(`${rel}:${i + 1} ${what}`);
        });
    }
  }
  return hits;
}

describe('SQL placement (house rule)', () => {
  it('no SQL outside *.repo.ts, *.query.ts and electron/core/db/', () => {
    expect(sqlOutsideHome(ROOT)).toEqual([]);
  });

  it('the check sees a planted violation and lets regular expressions be', () => {
    expect(sqlCalls("  const row = db.prepare('SELECT 1').get();")).toEqual(['.prepare(']);
    expect(sqlCalls("  this.db.exec('BEGIN IMMEDIATE');")).toEqual(['.exec(']);
    expect(sqlCalls("  stmt(db, 'DELETE FROM members').run();")).toEqual(['stmt(']);
    expect(sqlCalls('  const m = /^(\\d{4})-(\\d{2})$/.exec(t);')).toEqual([]);
    expect(sqlCalls('  const m = ISO_STRICT.exec(s); const n = p.re.exec(s); const k = SERIAL_RE.exec(x); re.exec(a);')).toEqual([]);
    expect(sqlCalls("  // db.prepare('SELECT 1') in a comment")).toEqual([]);
  });
});
