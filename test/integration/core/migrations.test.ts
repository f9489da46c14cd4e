import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { AppError } from '../../../electron/core/errors';
import { silentLogger } from '../../../electron/core/log';
import { runMigrations } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations';
import type { Migration } from '../../../electron/core/db/migrations/types';
import { openDatabase, type DB } from '../../../electron/core/db/open';
import { openTestContext, tempDir } from '../../helpers/context';
import { sha256File, sidecarsOf } from '../../helpers/sqlite-files';

let ctx: AppContext | undefined;
const dbs: DB[] = [];
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
  for (const db of dbs.splice(0)) if (db.open) db.close();
});

const freshDb = (): { db: DB; file: string } => {
  const file = path.join(tempDir(), 'm.sqlite');
  const db = openDatabase(file);
  dbs.push(db);
  return { db, file };
};

const tableNames = (db: DB): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const createTable = (version: number, ran: number[]): Migration => ({
  version,
  name: `create t${version}`,
  up(db) {
    ran.push(version);
    db.exec(`CREATE TABLE t${version} (id INTEGER PRIMARY KEY)`);
  },
});

describe('runMigrations', () => {
  it('runs pending migrations in version order and bumps user_version with each', () => {
    const { db } = freshDb();
    const ran: number[] = [];
    const list = [createTable(3, ran), createTable(1, ran), createTable(2, ran)];
    expect(runMigrations(db, list, silentLogger)).toBe(3);
    expect(ran).toEqual([1, 2, 3]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(tableNames(db)).toEqual(['t1', 't2', 't3']);

    // Already up to date: nothing runs again.
    expect(runMigrations(db, list, silentLogger)).toBe(3);
    expect(ran).toEqual([1, 2, 3]);
  });

  it('runs only the migrations above the current version', () => {
    const { db } = freshDb();
    const ran: number[] = [];
    runMigrations(db, [createTable(1, ran)], silentLogger);
    runMigrations(db, [createTable(1, ran), createTable(2, ran)], silentLogger);
    expect(ran).toEqual([1, 2]);
  });

  it('rolls back a failing migration, keeping the last good version and none of its partial tables', () => {
    const { db, file } = freshDb();
    const ran: number[] = [];
    const failing: Migration = {
      version: 2,
      name: 'half done',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY, name TEXT)');
        d.prepare("INSERT INTO half_done (name) VALUES ('张三')").run();
        d.exec('CREATE INDEX half_done_name ON half_done (name)');
        throw new Error('migration 2 exploded');
      },
    };
    expect(() => runMigrations(db, [createTable(1, ran), failing, createTable(3, ran)], silentLogger)).toThrow(
      'migration 2 exploded',
    );
    expect(ran).toEqual([1]);
    db.close();

    // Looked at again from disk, not from the same connection's view.
    const reopened = openDatabase(file);
    dbs.push(reopened);
    expect(reopened.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(reopened)).toEqual(['t1']);
    expect(reopened.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'half_done%'").get()).toEqual({ n: 0 });
  });

  it('refuses a database whose version is above the newest migration', () => {
    const { db } = freshDb();
    db.pragma('user_version = 7');
    try {
      runMigrations(db, [createTable(1, []), createTable(2, [])], silentLogger);
      expect.unreachable('runMigrations accepted a newer database');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('SCHEMA_TOO_NEW');
      expect((e as AppError).message).toContain('数据库版本 7');
      expect((e as AppError).message).toContain('支持到版本 2');
    }
    expect(tableNames(db)).toEqual([]);
  });
});

describe('opening a data folder', () => {
  it('gives a brand-new database the full schema without a pre-migration backup', async () => {
    ctx = await openTestContext();
    expect(ctx.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect(tableNames(ctx.db)).toEqual(expect.arrayContaining(['settings', 'audit_log']));
    expect(ctx.listBackups()).toEqual([]);
  });

  it('reopens an up-to-date database without migrating or backing it up', async () => {
    ctx = await openTestContext();
    const dataDir = ctx.paths.dataDir;
    await ctx.close();
    ctx = await openTestContext({ dataDir });
    expect(ctx.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(ctx.listBackups()).toEqual([]);
  });

  it('refuses a database newer than the app, naming both versions, and leaves every byte as it was', async () => {
    const dataDir = tempDir();
    const dbPath = path.join(dataDir, 'ledger.sqlite');
    // Written the way the app writes (WAL mode), then closed cleanly by the "newer version".
    const db = openDatabase(dbPath);
    runMigrations(db, MIGRATIONS, silentLogger);
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('unitName', '\"新版本写入\"', '2030-01-01')").run();
    const newer = LATEST_SCHEMA_VERSION + 3;
    db.pragma(`user_version = ${newer}`);
    db.close();
    expect(sidecarsOf(dbPath)).toEqual([]);
    const before = sha256File(dbPath);
    const filesBefore = fs.readdirSync(dataDir).sort();

    const err = await openTestContext({ dataDir }).then(
      (c) => {
        ctx = c;
        return null;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('SCHEMA_TOO_NEW');
    expect((err as AppError).message).toContain(`数据库版本 ${newer}`);
    expect((err as AppError).message).toContain(`支持到版本 ${LATEST_SCHEMA_VERSION}`);

    expect(sha256File(dbPath)).toBe(before);
    expect(sidecarsOf(dbPath)).toEqual([]);
    // The lock is released and no backup was taken of a database this version cannot read.
    expect(fs.existsSync(path.join(dataDir, 'ledger.lock'))).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('ledger.sqlite')).sort()).toEqual(
      filesBefore.filter((f) => f.startsWith('ledger.sqlite')),
    );
  });
});
