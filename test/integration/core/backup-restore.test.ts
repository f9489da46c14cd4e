import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { AppContext } from '../../../electron/core/context';
import { createBackup } from '../../../electron/core/db/backup';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import type { BackupInfo, Settings } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { dumpDb, dumpFile, sha256File, sidecarsOf } from '../../helpers/sqlite-files';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

interface RestoreResult {
  restoredFrom: string;
  safetyBackup: BackupInfo | null;
  schemaVersion: number;
}

async function seeded(): Promise<AppContext> {
  const c = await openTestContext();
  await call(c, 'settings.update', {
    unitName: '某某市人民医院',
    unitType: 'hospital',
    operator: '王干事',
    orgCodes: [
      { code: 'GH', name: '工会办公室' },
      { code: 'BGS', name: '办公室' },
    ],
  });
  await call(c, 'settings.update', { fondsCode: 'Z109', fondsName: '某某市人民医院工会' });
  return c;
}

/** A file the clerk might pick, registered as a token the way a dialog or an upload does. */
const tokenFor = (c: AppContext, file: string) => c.files.register(file, path.basename(file), false).token;

describe('backup and restore', () => {
  it('two backups started in the same millisecond get two names, each a whole copy', async () => {
    ctx = await seeded();
    const at = new Date('2026-11-21T10:00:00.000Z');
    const c = ctx;
    const [a, b] = await Promise.all([createBackup(c.db, c.paths.backupsDir, 'pre-import', at), createBackup(c.db, c.paths.backupsDir, 'pre-import', at)]);
    expect(a.name).not.toBe(b.name);
    for (const info of [a, b]) {
      const copy = new Database(path.join(c.paths.backupsDir, info.name), { readonly: true });
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect((copy.prepare("SELECT count(*) AS n FROM settings").get() as { n: number }).n).toBeGreaterThan(0);
      copy.close();
    }
    expect(fs.readdirSync(c.paths.backupsDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('brings every table back to the backed-up state and keeps a safety backup of what it replaced', async () => {
    ctx = await seeded();
    const backup = await call<BackupInfo>(ctx, 'backup.create', {});
    expect(backup.reason).toBe('manual');
    const atBackup = dumpDb(ctx.db);
    expect(dumpFile(path.join(ctx.paths.backupsDir, backup.name))).toEqual(atBackup);

    await call(ctx, 'settings.update', { unitName: '改过的名称', orgCodes: [] });
    const changed = dumpDb(ctx.db);
    expect(changed).not.toEqual(atBackup);

    const r = await call<RestoreResult>(ctx, 'backup.restore', { name: backup.name });
    expect(r).toMatchObject({ restoredFrom: backup.name, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(dumpDb(ctx.db)).toEqual(atBackup);
    expect((await call<Settings>(ctx, 'settings.get')).unitName).toBe('某某市人民医院');

    // The state just replaced is not lost: it is the pre-restore backup.
    expect(r.safetyBackup?.reason).toBe('pre-restore');
    const names = (await call<BackupInfo[]>(ctx, 'backup.list')).map((b) => b.name);
    expect(names).toContain(r.safetyBackup!.name);
    expect(dumpFile(path.join(ctx.paths.backupsDir, r.safetyBackup!.name))).toEqual(changed);
  });

  it('restores from a file picked outside the backups folder, and survives a reopen', async () => {
    ctx = await seeded();
    const backup = await call<BackupInfo>(ctx, 'backup.create', {});
    const atBackup = dumpDb(ctx.db);
    const outside = path.join(tempDir(), '工会台账备份.sqlite');
    fs.copyFileSync(path.join(ctx.paths.backupsDir, backup.name), outside);
    await call(ctx, 'settings.update', { unitName: '又改了' });

    const r = await call<RestoreResult>(ctx, 'backup.restore', { token: tokenFor(ctx, outside) });
    expect(r.restoredFrom).toBe('工会台账备份.sqlite');
    const dataDir = ctx.paths.dataDir;
    await ctx.close();
    ctx = await openTestContext({ dataDir });
    expect(dumpDb(ctx.db)).toEqual(atBackup);
    // Checking the picked file left nothing beside it.
    expect(sidecarsOf(outside)).toEqual([]);
  });

  it.each([
    ['a text file', (f: string) => fs.writeFileSync(f, '姓名,身份证号\n张三,110101199001011234\n'), 'VALIDATION'],
    ['an empty file', (f: string) => fs.writeFileSync(f, ''), 'VALIDATION'],
    [
      'a database of another program',
      (f: string) => {
        const db = new Database(f);
        db.exec('CREATE TABLE notes (body TEXT)');
        db.pragma('user_version = 1');
        db.close();
      },
      'VALIDATION',
    ],
  ])('refuses %s and changes nothing', async (_what, make, code) => {
    ctx = await seeded();
    const file = path.join(tempDir(), 'picked.sqlite');
    make(file);
    const before = dumpDb(ctx.db);
    const backupsBefore = ctx.listBackups();

    const r = await ctx.dispatch('backup.restore', { token: tokenFor(ctx, file) });
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (!r.ok) expect(r.error.message).toContain('当前数据没有改动');
    expect(dumpDb(ctx.db)).toEqual(before);
    expect(ctx.listBackups()).toEqual(backupsBefore);
    expect(ctx.status).toBe('ok');
  });

  it('refuses a backup written by a newer version, naming both versions, and changes nothing', async () => {
    ctx = await seeded();
    const backup = await call<BackupInfo>(ctx, 'backup.create', {});
    const newer = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(path.join(ctx.paths.backupsDir, backup.name), newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const newerHash = sha256File(newer);
    await call(ctx, 'settings.update', { unitName: '当前的数据' });
    const before = dumpDb(ctx.db);
    const backupsBefore = ctx.listBackups();

    const r = await ctx.dispatch('backup.restore', { token: tokenFor(ctx, newer) });
    expect(r).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
    if (!r.ok) {
      expect(r.error.message).toContain(`备份版本 ${LATEST_SCHEMA_VERSION + 1}`);
      expect(r.error.message).toContain(`支持到版本 ${LATEST_SCHEMA_VERSION}`);
    }
    expect(dumpDb(ctx.db)).toEqual(before);
    expect(ctx.listBackups()).toEqual(backupsBefore);
    expect(sha256File(newer)).toBe(newerHash);
  });

  it('prunes old backups by the retention policy as new ones are made', async () => {
    ctx = await openTestContext({ retention: { keepToday: 2, keepDays: 1, maxTotal: 2 } });
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await call<BackupInfo>(ctx, 'backup.create', {})).name);
    expect(ctx.listBackups().map((b) => b.name)).toEqual([made[3], made[2]]);
  });
});
