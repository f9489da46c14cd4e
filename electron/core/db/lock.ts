import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';

interface LockInfo {
  pid: number;
  host: string;
  at: string;
  owner: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readLock = (lockPath: string): LockInfo | null => {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
};

/**
 * Locks this process holds. A lock file with our own PID is either one of these (a second context on the
 * same folder: refused) or a leftover from a crashed run whose PID the system handed to us (stale).
 */
const heldHere = new Set<string>();

export interface DataDirLock {
  release(): void;
}

/**
 * One process per data folder: SQLite's own locking keeps the file consistent, but two copies of the app
 * would each run migrations, timers and backups against the same records. A lock left by a crashed
 * process (its PID is gone on this host) is taken over.
 */
export function acquireDataDirLock(lockPath: string, owner: string): DataDirLock {
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), at: new Date().toISOString(), owner };
  const key = path.resolve(lockPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: 'wx' });
      heldHere.add(key);
      return {
        release: () => {
          heldHere.delete(key);
          const current = readLock(lockPath);
          if (current && current.pid === mine.pid && current.host === mine.host) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(lockPath);
      const sameHost = !!held && held.host === mine.host;
      const stale =
        !held || (sameHost && (held.pid === process.pid ? !heldHere.has(key) : !isAlive(held.pid)));
      if (!stale) {
        throw new AppError(
          'LOCKED',
          `数据文件夹正被另一个程序使用（${held.owner}，进程号 ${held.pid}，自 ${held.at.slice(0, 19).replace('T', ' ')} 起）。` +
            '请先关闭另一个工会台账窗口或命令，再重试。',
          { lockPath, holder: held },
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('LOCKED', '无法锁定数据文件夹，请重试。', { lockPath });
}
