import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';

export const sha256File = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The -wal/-shm files beside a database; a read-only look must not leave any behind. */
export const sidecarsOf = (dbPath: string): string[] => ['-wal', '-shm'].map((s) => dbPath + s).filter((p) => fs.existsSync(p));

export interface Dump {
  userVersion: number;
  tables: Record<string, unknown[]>;
}

/** Every user table's rows in rowid order, plus user_version: two equal dumps mean equal data. */
export function dumpDb(db: Database.Database): Dump {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const tables: Record<string, unknown[]> = {};
  for (const name of names) {
    // Ordering by every column works for WITHOUT ROWID and virtual tables too, where rowid may not exist.
    const columns = (db.prepare(`SELECT * FROM "${name}" LIMIT 0`).columns() as unknown[]).length;
    const order = Array.from({ length: columns }, (_v, i) => i + 1).join(', ');
    tables[name] = db.prepare(`SELECT * FROM "${name}"${order ? ` ORDER BY ${order}` : ''}`).all();
  }
  return { userVersion: db.pragma('user_version', { simple: true }) as number, tables };
}

/** Dumps a database file on a scratch copy, so the file itself (and its folder) is not touched. */
export function dumpFile(file: string): Dump {
  const copy = `${file}.dump-${process.pid}-${Date.now()}`;
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return dumpDb(db);
  } finally {
    db.close();
    for (const p of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(p, { force: true });
  }
}

/** Overwrites the pages between the first and the last with random bytes, as a failing disk would. */
export function corruptMiddlePages(file: string, pageSize = 4096): void {
  const size = fs.statSync(file).size;
  const pages = Math.floor(size / pageSize);
  if (pages < 4) throw new Error(`database too small to corrupt its middle (${pages} pages)`);
  const fd = fs.openSync(file, 'r+');
  try {
    const garbage = Buffer.alloc(pageSize);
    for (let p = 1; p < pages - 1; p++) {
      for (let i = 0; i < pageSize; i++) garbage[i] = (p * 131 + i * 7919) % 251;
      fs.writeSync(fd, garbage, 0, pageSize, p * pageSize);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Cuts a database file short, as an interrupted copy would. */
export function truncateToHalf(file: string): void {
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
}
