import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { archiveContributors } from '../../../electron/core/archive-registry';
import { createSealTriggers, dropSealTriggers } from '../../../electron/core/archive/archive.repo';
import { runMigrations } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { silentLogger } from '../../../electron/core/log';

const CORE = path.resolve(import.meta.dirname, '../../../electron/core');

/** A record type joins the year-end archive by one file and one registry line; these keep that honest. */
describe('archive contributors', () => {
  it('every <type>/<type>.archive.ts is registered, under its folder name', () => {
    const files = fs
      .readdirSync(CORE, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(CORE, d.name, `${d.name}.archive.ts`)))
      .map((d) => d.name);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const type of files) expect(archiveContributors.map((c) => c.id), `${type}.archive.ts is not in archive-registry.ts`).toContain(type);
  });

  it('kind ids are unique and named <contributor>.<kind>, with Chinese labels', () => {
    const ids = archiveContributors.flatMap((c) => c.kinds.map((k) => k.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of archiveContributors) {
      expect(c.label).toMatch(/[\u4e00-\u9fff]/);
      for (const k of c.kinds) {
        expect(k.id.startsWith(`${c.id}.`)).toBe(true);
        expect(k.label).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('every seal target names a table of the schema and a year expression SQLite accepts', () => {
    const db = new Database(':memory:');
    runMigrations(db, MIGRATIONS, silentLogger);
    for (const c of archiveContributors) {
      for (const t of c.sealTargets ?? []) {
        expect(() => createSealTriggers(db, 2001, t.table, t.yearExpr, `2001 年度已封存，不能修改${t.label}。`), `${c.id}: ${t.table}`).not.toThrow();
        // The expression must run, not only parse: an UPDATE on an empty table evaluates nothing, so ask directly.
        expect(() => db.prepare(`SELECT ${t.yearExpr} FROM ${t.table} LIMIT 1`).all(), `${c.id}: ${t.yearExpr}`).not.toThrow();
      }
    }
    expect(dropSealTriggers(db, 2001)).toBeGreaterThan(0);
    db.close();
  });
});
