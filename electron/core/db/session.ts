import type { DB } from './open';

/**
 * The few statements about the connection itself, so code outside repos and db/ never holds SQL: the change
 * counter (backup-while-changed) and an explicit write transaction (the import writer's, which spans chunks
 * and awaits between them, so better-sqlite3's synchronous `transaction()` cannot hold it).
 */
export const totalChanges = (db: DB): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

export const beginImmediate = (db: DB): void => void db.exec('BEGIN IMMEDIATE');
export const commitTransaction = (db: DB): void => void db.exec('COMMIT');
export const rollbackTransaction = (db: DB): void => void db.exec('ROLLBACK');

export const tableExists = (db: DB, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

export const tableNames = (db: DB): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);

export const hasColumn = (db: DB, table: string, column: string): boolean =>
  db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;

/** Live rows of a table (`table` is one of our own names, never input): soft-deleted ones left out. */
export const countRows = (db: DB, table: string, liveOnly: boolean): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}${liveOnly ? ' WHERE deleted_at IS NULL' : ''}`).get() as { n: number }).n;
