import fs from 'node:fs';
import path from 'node:path';

export interface Leftovers {
  files: string[];
  bytes: number;
}

/**
 * A backup is written to `<name>.partial` (and SQLite's `<name>.partial-journal` beside it) and renamed only
 * when complete, so a partial file is never a usable backup: what is left of one is a backup killed midway.
 * Only called while this process holds the data-folder lock, so no backup of another program is running.
 */
export function findBackupPartials(backupsDir: string): Leftovers {
  const out: Leftovers = { files: [], bytes: 0 };
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/\.partial(-journal|-wal|-shm)?$/.test(name)) continue;
    out.files.push(name);
    try {
      out.bytes += fs.statSync(path.join(backupsDir, name)).size;
    } catch {
      // vanished meanwhile: nothing to count
    }
  }
  return out;
}

export function removeBackupPartials(backupsDir: string): Leftovers {
  const found = findBackupPartials(backupsDir);
  for (const name of found.files) fs.rmSync(path.join(backupsDir, name), { force: true });
  return found;
}

/**
 * The temp folder holds uploaded rosters (with ID numbers) and generated files only for as long as one run
 * of the program: its tokens die with it, so anything there at start or at quit is a leftover. A file another
 * program still holds open (Windows) is left for the next sweep instead of failing start or quit.
 */
export function sweepTempFolder(tmpDir: string): number {
  let names: string[];
  try {
    names = fs.readdirSync(tmpDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    try {
      fs.rmSync(path.join(tmpDir, name), { recursive: true, force: true });
      removed++;
    } catch {
      // still open elsewhere
    }
  }
  return removed;
}
