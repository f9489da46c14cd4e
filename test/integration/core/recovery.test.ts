import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { AppContext } from '../../../electron/core/context';
import { updateSettings } from '../../../electron/core/settings/settings.service';
import type { AppInfo, BackupInfo, Settings } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';
import { corruptMiddlePages, dumpDb, sha256File, truncateToHalf } from '../../helpers/sqlite-files';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/**
 * A folder with real data and one backup, closed cleanly; the audit log is long enough that the file has
 * many pages, so damage in its middle hits table data rather than only the header.
 */
async function folderWithBackup(): Promise<{ dataDir: string; backup: BackupInfo; saved: ReturnType<typeof dumpDb> }> {
  const c = await openTestContext();
  await call(c, 'settings.update', { unitName: '某某市第一中学', operator: '李干事' });
  // One outer transaction (each update nests as a savepoint) keeps 150 audited changes from costing 150 fsyncs.
  c.db.transaction(() => {
    for (let i = 0; i < 150; i++) updateSettings(c, { fondsName: `全宗名称第${i}版——${'档案'.repeat(20)}` });
  })();
  const backup = await call<BackupInfo>(c, 'backup.create', {});
  const saved = dumpDb(c.db);
  const dataDir = c.paths.dataDir;
  await c.close();
  return { dataDir, backup, saved };
}

describe('recovery mode', () => {
  it.each([
    ['garbage over its middle pages', corruptMiddlePages],
    ['a file cut in half', truncateToHalf],
  ])('opens a database with %s in recovery, and restoring a backup brings it back', async (_what, damage) => {
    const { dataDir, backup, saved } = await folderWithBackup();
    damage(`${dataDir}/ledger.sqlite`);
    const damagedHash = sha256File(`${dataDir}/ledger.sqlite`);

    ctx = await openTestContext({ dataDir });
    expect(ctx.status).toBe('recovery');
    const info = await call<AppInfo>(ctx, 'app.info');
    expect(info.status).toBe('recovery');
    expect(info.recoveryReason).toMatch(/数据库/);
    expect(info.counts.backups).toBe(1);

    const refused = await ctx.dispatch('settings.get', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'RECOVERY' } });
    expect((await ctx.dispatch('audit.list', {})).ok).toBe(false);
    expect((await call<BackupInfo[]>(ctx, 'backup.list')).map((b) => b.name)).toEqual([backup.name]);

    const restored = await call<{ restoredFrom: string; safetyBackup: unknown; schemaVersion: number }>(ctx, 'backup.restore', {
      name: backup.name,
    });
    expect(restored.restoredFrom).toBe(backup.name);
    // The damaged file could not be read, so there was nothing sound to back up first.
    expect(restored.safetyBackup).toBeNull();
    expect(ctx.status).toBe('ok');
    expect((await call<AppInfo>(ctx, 'app.info')).status).toBe('ok');
    expect((await call<Settings>(ctx, 'settings.get')).unitName).toBe('某某市第一中学');
    expect(dumpDb(ctx.db)).toEqual(saved);
    // The damaged file is kept aside, byte for byte, for whoever tries to salvage it.
    const aside = fs.readdirSync(dataDir).filter((f) => /^ledger\.sqlite\.damaged-\d{8}-\d{6}(-\d+)?$/.test(f));
    expect(aside).toHaveLength(1);
    expect(sha256File(`${dataDir}/${aside[0]}`)).toBe(damagedHash);
  });

  it('stays in recovery for a file that is not a database at all, and survives a reopen', async () => {
    const { dataDir } = await folderWithBackup();
    fs.writeFileSync(`${dataDir}/ledger.sqlite`, '这不是数据库'.repeat(1000));
    ctx = await openTestContext({ dataDir });
    expect(ctx.status).toBe('recovery');
    expect(await ctx.dispatch('backup.create', {})).toMatchObject({ ok: false, error: { code: 'RECOVERY' } });
    await ctx.close();
    ctx = await openTestContext({ dataDir });
    expect(ctx.status).toBe('recovery');
  });
});

describe('a schema version no release ever wrote', () => {
  const setVersion = (file: string) => {
    const raw = new Database(file);
    raw.pragma('user_version = -1');
    raw.close();
  };
  const replaceWithStranger = (file: string) => {
    for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
    const raw = new Database(file);
    raw.exec('CREATE TABLE settings (k TEXT)');
    raw.close();
  };
  it.each([
    ['a negative user_version', setVersion, /数据库版本号 -1 无效/],
    ['version 0 on a file that has tables (another program’s database)', replaceWithStranger, /已有数据表/],
  ])('opens %s in recovery with 「不是工会台账的数据库，或已损坏」 and writes nothing', async (_what, spoil, reason) => {
    const { dataDir } = await folderWithBackup();
    const file = `${dataDir}/ledger.sqlite`;
    spoil(file);
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    const before = sha256File(file);

    ctx = await openTestContext({ dataDir });
    expect(ctx.status).toBe('recovery');
    const info = await call<AppInfo>(ctx, 'app.info');
    expect(info.recoveryReason).toMatch(/^不是工会台账的数据库，或已损坏/);
    expect(info.recoveryReason).toMatch(reason);
    await ctx.close();
    ctx = undefined;
    expect(sha256File(file)).toBe(before);
  });
});
