import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/contract/app';
import { AppError } from '../errors';
import { defineTask } from '../threads/task';
import type { DB } from './open';

/** Retention: every backup of the last day up to a limit, then the newest of each day, under an overall cap. */
export interface RetentionPolicy {
  keepToday: number;
  keepDays: number;
  maxTotal: number;
}
export const DEFAULT_RETENTION: RetentionPolicy = { keepToday: 10, keepDays: 30, maxTotal: 60 };

const NAME_RE = /^ledger-(\d{8})-(\d{6})-(\d{3})-([a-z-]+)\.sqlite$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const stamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(
    d.getSeconds(),
  )}-${pad(d.getMilliseconds(), 3)}`;

export function parseBackupName(name: string): { createdAt: Date; reason: string } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, ymd, hms, ms, reason] = m as unknown as [string, string, string, string, string];
  const createdAt = new Date(
    Number(ymd.slice(0, 4)),
    Number(ymd.slice(4, 6)) - 1,
    Number(ymd.slice(6, 8)),
    Number(hms.slice(0, 2)),
    Number(hms.slice(2, 4)),
    Number(hms.slice(4, 6)),
    Number(ms),
  );
  return { createdAt, reason };
}

export function listBackups(backupsDir: string): BackupInfo[] {
  if (!fs.existsSync(backupsDir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(backupsDir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const st = fs.statSync(path.join(backupsDir, name));
    out.push({ name, createdAt: parsed.createdAt.toISOString(), reason: parsed.reason, sizeBytes: st.size });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** A backup name from the renderer is only ever looked up in the list, never joined onto a path as given. */
export function resolveBackup(backupsDir: string, name: string): string {
  const found = listBackups(backupsDir).find((b) => b.name === name);
  if (!found) throw new AppError('NOT_FOUND', `找不到备份「${name}」。`);
  return path.join(backupsDir, found.name);
}

/** SQLite's online backup API: consistent even while the app writes, unlike a file copy of a WAL database. */
function reserve(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'wx'));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Pages copied per step of the online backup: 16 MB at SQLite's 4 KB pages, so progress moves and cancel is heard. */
const PAGES_PER_STEP = 4096;

/**
 * The copy itself, in the task thread (context.ts): its last step commits and syncs the whole destination file,
 * ~150–250 ms for a 90 MB database, which on the main process froze the window at the end of every backup.
 * The thread's own read-only connection sees exactly what is committed; a write made by the main process
 * between two steps makes SQLite restart the copy, so the file is always one consistent state.
 */
export const backupTask = defineTask<{ partial: string }, null>({
  name: 'db.backup',
  writes: false,
  run: async ({ db, progress }, { partial }) => {
    let pages = 0;
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        pages = totalPages;
        progress('正在备份数据库', totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    // SQLite reports before each step, never after the last: the window's bar would stop short of the end.
    if (pages) progress('正在备份数据库', pages, pages, true);
    return null;
  },
});

/**
 * `copy` writes the consistent copy to the given path (by default SQLite's online backup on `db` here; the
 * context runs it in the task thread).
 */
export async function createBackup(
  db: DB,
  backupsDir: string,
  reason: string,
  now: Date,
  copy: (partial: string) => Promise<unknown> = (partial) => db.backup(partial),
): Promise<BackupInfo> {
  fs.mkdirSync(backupsDir, { recursive: true });
  let when = now;
  let name = `ledger-${stamp(when)}-${reason}.sqlite`;
  // The name is reserved by creating its .partial file exclusively: two backups started in the same
  // millisecond (two imports at once) must not write into one file.
  for (;;) {
    const target = path.join(backupsDir, name);
    if (!fs.existsSync(target) && reserve(`${target}.partial`)) break;
    when = new Date(when.getTime() + 1);
    name = `ledger-${stamp(when)}-${reason}.sqlite`;
  }
  const target = path.join(backupsDir, name);
  const partial = `${target}.partial`;
  try {
    await copy(partial);
  } catch (e) {
    // Never a valid backup; the start-up sweep would remove it too, but not until the next start.
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    throw e;
  }
  fs.renameSync(partial, target);
  return { name, createdAt: when.toISOString(), reason, sizeBytes: fs.statSync(target).size };
}

export function backupsToPrune(backups: BackupInfo[], now: Date, policy: RetentionPolicy): string[] {
  const sorted = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set<string>();
  const dayMs = 86_400_000;
  const seenDays = new Set<string>();
  let today = 0;
  for (const b of sorted) {
    const at = new Date(b.createdAt);
    const age = now.getTime() - at.getTime();
    const day = `${at.getFullYear()}-${at.getMonth()}-${at.getDate()}`;
    if (age < dayMs && today < policy.keepToday) {
      keep.add(b.name);
      today++;
      seenDays.add(day);
    } else if (age < policy.keepDays * dayMs && !seenDays.has(day)) {
      keep.add(b.name);
      seenDays.add(day);
    }
  }
  // The newest backup always survives, whatever the policy says.
  if (sorted[0]) keep.add(sorted[0].name);
  const kept = sorted.filter((b) => keep.has(b.name)).slice(0, policy.maxTotal);
  const keptNames = new Set(kept.map((b) => b.name));
  return sorted.filter((b) => !keptNames.has(b.name)).map((b) => b.name);
}

export function pruneBackups(backupsDir: string, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const doomed = backupsToPrune(listBackups(backupsDir), now, policy);
  for (const name of doomed) fs.rmSync(path.join(backupsDir, name), { force: true });
  return doomed;
}
