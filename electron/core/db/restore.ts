import fs from 'node:fs';
import { AppError } from '../errors';
import { openReadOnly } from './open';

/** Refuse anything that is not a sound 工会台账 database before the current one is touched. */
export function validateBackupFile(sourcePath: string, supportedVersion: number): void {
  let ro: ReturnType<typeof openReadOnly> | undefined;
  try {
    ro = openReadOnly(sourcePath);
    const db = ro.db;
    const check = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (check.some((c) => c !== 'ok')) throw new AppError('VALIDATION', '备份文件已损坏，未恢复。当前数据没有改动。');
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasSettings = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='settings'").get();
    if (!hasSettings || version < 1) throw new AppError('VALIDATION', '所选文件不是工会台账的备份，未恢复。当前数据没有改动。');
    if (version > supportedVersion) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `备份来自更新版本的工会台账（备份版本 ${version}，本程序支持到版本 ${supportedVersion}），未恢复。当前数据没有改动。`,
      );
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', '所选文件不是有效的数据库备份，未恢复。当前数据没有改动。');
  } finally {
    ro?.close();
  }
}

/** Copy, flush, then rename over the old file: a crash mid-way leaves either the old or the new database. */
export function restoreDatabaseFile(sourcePath: string, dbPath: string): void {
  const staging = `${dbPath}.restoring`;
  fs.copyFileSync(sourcePath, staging);
  const fd = fs.openSync(staging, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(staging, dbPath);
}

/**
 * A database that failed its check cannot be backed up through SQLite, yet it (and a -wal holding the last
 * transactions) may still hold records someone can salvage, so a restore moves it aside instead of over it.
 */
export function setAsideDamaged(dbPath: string, now: Date): string | null {
  if (!fs.existsSync(dbPath)) return null;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let aside = `${dbPath}.damaged-${stamp}`;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${dbPath}.damaged-${stamp}-${n}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, aside + suffix);
  }
  return aside;
}
