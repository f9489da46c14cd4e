import type { DB } from './open';

/**
 * Drops indexes for a bulk load and hands back their CREATE statements, taken from the schema itself so they
 * come back exactly (partial WHERE clauses included). Inside a transaction, a rollback restores them too.
 */
export function dropIndexes(db: DB, names: (name: string, table: string) => boolean): string[] {
  const rows = db.prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
    name: string;
    tbl: string;
    sql: string;
  }[];
  const dropped: string[] = [];
  for (const r of rows.filter((x) => names(x.name, x.tbl))) {
    db.exec(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
    dropped.push(r.sql);
  }
  return dropped;
}

export function recreateIndexes(db: DB, sqls: string[]): void {
  for (const sql of sqls) db.exec(sql);
}
