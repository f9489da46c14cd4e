import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';

interface LockInfo {
  pid: number;
  host: string;
  at: string;
  owner: string;
}

const readLock = (lockPath: string): LockInfo | null => {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
};

/** The OS-level lock lives in a small SQLite file beside the holder's note; it is never deleted (see below). */
export const guardPathOf = (lockPath: string): string => `${lockPath}-db`;

export interface DataDirLock {
  release(): void;
}

const lockedBy = (lockPath: string, held: LockInfo | null): AppError =>
  new AppError(
    'LOCKED',
    held
      ? `数据文件夹正被另一个程序使用（${held.owner}，进程号 ${held.pid}，自 ${held.at.slice(0, 19).replace('T', ' ')} 起）。` +
          '请先关闭另一个工会台账窗口或命令，再重试。'
      : '数据文件夹正被另一个程序使用。请先关闭另一个工会台账窗口或命令，再重试。',
    { lockPath, holder: held },
  );

/**
 * An exclusive SQLite lock held by an open connection: the OS takes it away the moment its process ends
 * (crashed, killed, or a zombie not yet reaped — its files are closed before it becomes one), so no PID test
 * is needed and a PID the system reused can never look like a holder. In EXCLUSIVE locking mode SQLite keeps
 * the lock after the first write until the connection closes. Its inode table also refuses a second connection
 * of this same process. The file is never removed: deleting it while another process is opening it would let
 * two processes each lock a different file of the same name.
 */
function takeGuard(guardPath: string): Database.Database | null {
  let guard: Database.Database;
  try {
    guard = new Database(guardPath, { timeout: 0 });
  } catch (e) {
    throw new AppError('LOCKED', `无法锁定数据文件夹（${(e as Error).message}），请确认文件夹可写后重试。`, { guardPath });
  }
  try {
    guard.pragma('locking_mode = EXCLUSIVE');
    // The journal in memory: the file holds nothing worth a rollback, and no -journal file lingers beside it.
    guard.pragma('journal_mode = MEMORY');
    guard.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY); INSERT OR REPLACE INTO lock VALUES (1); COMMIT;');
    return guard;
  } catch (e) {
    guard.close();
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw e;
  }
}

/**
 * One process per data folder: SQLite's own locking keeps the file consistent, but two copies of the app
 * would each run migrations, timers and backups against the same records. `ledger.lock` is only the note
 * naming the holder for the message; the lock itself is the OS lock on `ledger.lock-db`.
 */
export function acquireDataDirLock(lockPath: string, owner: string): DataDirLock {
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), at: new Date().toISOString(), owner };
  const guard = takeGuard(guardPathOf(lockPath));
  if (!guard) throw lockedBy(lockPath, readLock(lockPath));
  const held = readLock(lockPath);
  // A note from another computer (a shared folder) may stand for a lock this one cannot see: respected.
  if (held && held.host !== mine.host) {
    guard.close();
    throw lockedBy(lockPath, held);
  }
  // Any note from this computer is a leftover: its writer no longer holds the OS lock, we do.
  fs.writeFileSync(path.resolve(lockPath), JSON.stringify(mine));
  return {
    release: () => {
      const current = readLock(lockPath);
      if (current && current.pid === mine.pid && current.host === mine.host && current.at === mine.at) fs.rmSync(lockPath, { force: true });
      guard.close();
    },
  };
}
