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
 * Opens a file read-only and leaves no trace: even a read-only connection to a WAL-mode file creates empty
 * -wal and -shm files beside it, which a refused newer database or a backup the clerk picked must not gain.
 * Only sidecars this call created are removed, and only while the -wal is still empty.
 */
export function openReadOnly(dbPath: string): { db: DB; close(): void } {
  const created = ['-wal', '-shm'].map((s) => dbPath + s).filter((p) => !fs.existsSync(p));
  const cleanUp = () => {
    const wal = `${dbPath}-wal`;
    if (created.includes(wal) && fs.existsSync(wal) && fs.statSync(wal).size > 0) return;
    for (const p of created) fs.rmSync(p, { force: true });
  };
  let db: DB;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (e) {
    cleanUp();
    throw e;
  }
  return {
    db,
    close: () => {
      db.close();
      cleanUp();
    },
  };
}

const NOT_OURS = '不是工会台账的数据库，或已损坏';

/**
 * A schema version no release ever wrote (negative), or version 0 on a file that already has tables (another
 * program's database, or ours with its header damaged): migrating it would fail halfway on "table already
 * exists" or build our tables inside a stranger's file. It goes to the recovery screen, untouched.
 */
function impossibleSchema(db: DB, userVersion: number): string | null {
  if (userVersion < 0) return `${NOT_OURS}（数据库版本号 ${userVersion} 无效）。文件没有被改动。`;
  if (userVersion > 0) return null;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  return tables ? `${NOT_OURS}（文件中已有数据表，但没有工会台账的版本号）。文件没有被改动。` : null;
}

/**
 * Look at a database file without writing a byte: a newer schema must be refused before WAL mode or a
 * migration touches it, and a corrupt file must lead to the recovery screen, not to a crash.
 */
export function inspectDatabase(dbPath: string): Inspection {
  if (!fs.existsSync(dbPath)) return { exists: false, userVersion: 0, problem: null };
  let ro: ReturnType<typeof openReadOnly> | undefined;
  try {
    ro = openReadOnly(dbPath);
    const db = ro.db;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const failed = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (failed.length) return { exists: true, userVersion, problem: `数据库完整性检查未通过：${failed.slice(0, 3).join('；')}` };
    return { exists: true, userVersion, problem: impossibleSchema(db, userVersion) };
  } catch (e) {
    return { exists: true, userVersion: 0, problem: `数据库文件无法读取（${(e as Error).message}）` };
  } finally {
    ro?.close();
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
