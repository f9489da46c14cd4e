import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../errors';

export type DB = Database.Database;

export interface Inspection {
  exists: boolean;
  userVersion: number;
  /** null when the file passed quick_check, else the reason in Chinese. */
  problem: string | null;
}

/**
 * Look at a database file without writing a byte: a newer schema must be refused before WAL mode or a
 * migration touches it, and a corrupt file must lead to the recovery screen, not to a crash.
 */
export function inspectDatabase(dbPath: string): Inspection {
  if (!fs.existsSync(dbPath)) return { exists: false, userVersion: 0, problem: null };
  let db: DB | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const failed = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return {
      exists: true,
      userVersion,
      problem: failed.length ? `数据库完整性检查未通过：${failed.slice(0, 3).join('；')}` : null,
    };
  } catch (e) {
    return { exists: true, userVersion: 0, problem: `数据库文件无法读取（${(e as Error).message}）` };
  } finally {
    db?.close();
  }
}

export function openDatabase(dbPath: string): DB {
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (e) {
    db.close();
    throw new AppError('INTERNAL', `无法打开数据库：${(e as Error).message}`);
  }
}
