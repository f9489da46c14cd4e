import { AppError } from '../errors';
import type { Logger } from '../log';
import type { DB } from './open';
import type { Migration } from './migrations/types';

export const schemaTooNew = (found: number, supported: number): AppError =>
  new AppError(
    'SCHEMA_TOO_NEW',
    `数据库由更新版本的工会台账写入（数据库版本 ${found}，本程序支持到版本 ${supported}）。` +
      '为保护数据，本程序不会打开或改动它；请安装最新版本的工会台账。',
    { found, supported },
  );

export function pendingMigrations(current: number, migrations: readonly Migration[]): Migration[] {
  return migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
}

/** Each migration and its user_version bump commit together, so a failure leaves the last good version. */
export function runMigrations(db: DB, migrations: readonly Migration[], logger: Logger): number {
  const supported = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > supported) throw schemaTooNew(current, supported);
  for (const m of pendingMigrations(current, migrations)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    logger.info('migrated', { version: m.version, name: m.name });
  }
  return db.pragma('user_version', { simple: true }) as number;
}
