import type Database from 'better-sqlite3';
import type { DB } from './open';

const caches = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * Prepared statements, compiled once per connection. better-sqlite3 compiles on every `prepare`, which costs
 * more than running a simple statement, so hot paths (imports, search) go through here.
 */
export function stmt(db: DB, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
