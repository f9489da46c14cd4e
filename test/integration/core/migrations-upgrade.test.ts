import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import type { AppContext } from '../../../electron/core/context';
import { silentLogger } from '../../../electron/core/log';
import { runMigrations } from '../../../electron/core/db/migrate';
import type * as MigrationsModule from '../../../electron/core/db/migrations';
import type { Migration } from '../../../electron/core/db/migrations/types';
import { openDatabase } from '../../../electron/core/db/open';
import { openTestContext, tempDir } from '../../helpers/context';
import { dumpFile } from '../../helpers/sqlite-files';

/**
 * Simulates installing a newer app: the real migration list plus one throwaway migration on top. Only the
 * list is replaced; the databases, backups and files are all real.
 */
const upgrade = vi.hoisted(() => ({ fail: false, ran: 0 }));

vi.mock('../../../electron/core/db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof MigrationsModule>();
  const next: Migration = {
    version: real.LATEST_SCHEMA_VERSION + 1,
    name: 'test upgrade',
    up(db) {
      upgrade.ran++;
      db.exec('CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
      db.prepare("INSERT INTO upgrade_probe (note) VALUES ('已升级')").run();
      if (upgrade.fail) throw new Error('upgrade failed half-way');
    },
  };
  return { MIGRATIONS: [...real.MIGRATIONS, next], LATEST_SCHEMA_VERSION: next.version };
});

const real = await vi.importActual<typeof MigrationsModule>('../../../electron/core/db/migrations');
const OLD = real.LATEST_SCHEMA_VERSION;

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
  upgrade.fail = false;
  upgrade.ran = 0;
});

/** A data folder as the previous version of the app left it, with one setting saved. */
function oldDataFolder(): string {
  const dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, 'ledger.sqlite'));
  runMigrations(db, real.MIGRATIONS, silentLogger);
  db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('unitName', '\"旧版本的单位\"', '2024-05-01')").run();
  db.close();
  return dataDir;
}

describe('upgrading an existing database', () => {
  it('takes an online backup of the old version before migrating', async () => {
    const dataDir = oldDataFolder();
    ctx = await openTestContext({ dataDir });
    expect(ctx.schemaVersion()).toBe(OLD + 1);
    expect(upgrade.ran).toBe(1);

    const backups = ctx.listBackups();
    expect(backups.map((b) => b.reason)).toEqual(['pre-migrate']);
    const saved = dumpFile(path.join(ctx.paths.backupsDir, backups[0]!.name));
    expect(saved.userVersion).toBe(OLD);
    expect(saved.tables.upgrade_probe).toBeUndefined();
    expect(saved.tables.settings).toEqual([{ key: 'unitName', value_json: '"旧版本的单位"', updated_at: '2024-05-01' }]);
    expect(ctx.db.prepare('SELECT note FROM upgrade_probe').all()).toEqual([{ note: '已升级' }]);
  });

  it('does not back up a brand-new database', async () => {
    ctx = await openTestContext();
    expect(ctx.schemaVersion()).toBe(OLD + 1);
    expect(ctx.listBackups()).toEqual([]);
  });

  it('leaves the old version in place when the upgrade fails, with the backup kept and the folder unlocked', async () => {
    const dataDir = oldDataFolder();
    upgrade.fail = true;
    await expect(openTestContext({ dataDir })).rejects.toThrow('upgrade failed half-way');
    expect(fs.existsSync(path.join(dataDir, 'ledger.lock'))).toBe(false);

    const db = new Database(path.join(dataDir, 'ledger.sqlite'), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(OLD);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'upgrade_probe'").get()).toBeUndefined();
      expect(db.prepare("SELECT value_json FROM settings WHERE key = 'unitName'").get()).toEqual({ value_json: '"旧版本的单位"' });
    } finally {
      db.close();
    }
    const names = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(names.filter((n) => n.endsWith('-pre-migrate.sqlite'))).toHaveLength(1);

    // The next start (a fixed version) upgrades from the same old state.
    upgrade.fail = false;
    ctx = await openTestContext({ dataDir });
    expect(ctx.schemaVersion()).toBe(OLD + 1);
  });
});
