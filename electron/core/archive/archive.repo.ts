import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface YearRow {
  year: number;
  numbered_at: string | null;
  sealed_at: string | null;
  seal_reason: string | null;
}

export interface ItemRow {
  id: number;
  year: number;
  source_key: string;
  kind: string;
  title: string;
  self_made_title: number;
  responsible: string;
  doc_no: string;
  date: string;
  secrecy: string;
  pages: number | null;
  retention: 'Y' | 'D30' | 'D10';
  org_code: string;
  remarks: string;
  excluded: number;
  merged_into_id: number | null;
  sort_order: number;
  files_json: string;
  data_json: string;
  edited_json: string;
  class_key: string | null;
  item_no: number | null;
  archive_code: string | null;
  box_no: number | null;
  created_at: string;
  updated_at: string;
}

/** The fields a plan writes from its source record. */
export type SourceFields = Pick<
  ItemRow,
  'kind' | 'title' | 'self_made_title' | 'responsible' | 'doc_no' | 'date' | 'secrecy' | 'pages' | 'retention' | 'org_code' | 'files_json' | 'data_json'
>;

export function ensureYear(db: DB, year: number, now: string): void {
  stmt(db, 'INSERT INTO archive_years (year, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING').run(year, now, now);
}

export const getYear = (db: DB, year: number): YearRow | undefined =>
  stmt(db, 'SELECT year, numbered_at, sealed_at, seal_reason FROM archive_years WHERE year = ?').get(year) as YearRow | undefined;

export const listYearRows = (db: DB): (YearRow & { items: number })[] =>
  stmt(
    db,
    `SELECT y.year, y.numbered_at, y.sealed_at, y.seal_reason,
       (SELECT count(*) FROM archive_items i WHERE i.year = y.year AND i.excluded = 0 AND i.merged_into_id IS NULL) AS items
     FROM archive_years y ORDER BY y.year DESC`,
  ).all() as (YearRow & { items: number })[];

export function setNumberedAt(db: DB, year: number, at: string): void {
  stmt(db, 'UPDATE archive_years SET numbered_at = ?, updated_at = ? WHERE year = ?').run(at, at, year);
}

export function setSealed(db: DB, year: number, at: string | null, reason: string | null, now: string): void {
  stmt(db, 'UPDATE archive_years SET sealed_at = ?, seal_reason = ?, updated_at = ? WHERE year = ?').run(at, reason, now, year);
}

/** Catalogue order: the plan's order; numbered items keep theirs. */
export const listItems = (db: DB, year: number): ItemRow[] =>
  stmt(db, 'SELECT * FROM archive_items WHERE year = ? ORDER BY sort_order, id').all(year) as ItemRow[];

export const getItem = (db: DB, id: number): ItemRow | undefined =>
  stmt(db, 'SELECT * FROM archive_items WHERE id = ?').get(id) as ItemRow | undefined;

export const maxSortOrder = (db: DB, year: number): number =>
  (stmt(db, 'SELECT coalesce(max(sort_order), 0) AS m FROM archive_items WHERE year = ?').get(year) as { m: number }).m;

export function insertItem(db: DB, year: number, sourceKey: string, f: SourceFields, sortOrder: number, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO archive_items (year, source_key, kind, title, self_made_title, responsible, doc_no, date, secrecy, pages,
         retention, org_code, files_json, data_json, sort_order, created_at, updated_at)
       VALUES (@year, @source_key, @kind, @title, @self_made_title, @responsible, @doc_no, @date, @secrecy, @pages,
         @retention, @org_code, @files_json, @data_json, @sort_order, @now, @now)`,
    ).run({ ...f, year, source_key: sourceKey, sort_order: sortOrder, now }).lastInsertRowid,
  );
}

export function updateSource(db: DB, id: number, f: SourceFields, now: string): void {
  stmt(
    db,
    `UPDATE archive_items SET kind = @kind, title = @title, self_made_title = @self_made_title, responsible = @responsible,
       doc_no = @doc_no, date = @date, secrecy = @secrecy, pages = @pages, retention = @retention, org_code = @org_code,
       files_json = @files_json, data_json = @data_json, updated_at = @now WHERE id = @id`,
  ).run({ ...f, id, now });
}

/** The clerk's edit of an item's catalogue fields; `edited` names them so re-planning keeps them. */
export function updateEdited(db: DB, id: number, f: Omit<SourceFields, 'kind' | 'files_json' | 'data_json'> & { remarks: string; box_no: number | null; edited_json: string }, now: string): void {
  stmt(
    db,
    `UPDATE archive_items SET title = @title, self_made_title = @self_made_title, responsible = @responsible, doc_no = @doc_no,
       date = @date, secrecy = @secrecy, pages = @pages, retention = @retention, org_code = @org_code, remarks = @remarks,
       box_no = @box_no, edited_json = @edited_json, updated_at = @now WHERE id = @id`,
  ).run({ ...f, id, now });
}

export function setFiles(db: DB, id: number, filesJson: string, now: string): void {
  stmt(db, 'UPDATE archive_items SET files_json = ?, updated_at = ? WHERE id = ?').run(filesJson, now, id);
}

export function setPages(db: DB, id: number, pages: number, now: string): void {
  stmt(db, 'UPDATE archive_items SET pages = ?, updated_at = ? WHERE id = ?').run(pages, now, id);
}

export function deleteItem(db: DB, id: number): void {
  stmt(db, 'DELETE FROM archive_items WHERE id = ?').run(id);
}

export function setExcluded(db: DB, id: number, excluded: boolean, now: string): number {
  return stmt(db, 'UPDATE archive_items SET excluded = ?, updated_at = ? WHERE id = ? AND excluded <> ?').run(excluded ? 1 : 0, now, id, excluded ? 1 : 0).changes;
}

export function setMergedInto(db: DB, id: number, target: number | null, now: string): number {
  return stmt(db, 'UPDATE archive_items SET merged_into_id = ?, updated_at = ? WHERE id = ?').run(target, now, id).changes;
}

export const partsOf = (db: DB, id: number): ItemRow[] =>
  stmt(db, 'SELECT * FROM archive_items WHERE merged_into_id = ? ORDER BY sort_order, id').all(id) as ItemRow[];

export function setSortOrder(db: DB, id: number, order: number, now: string): void {
  stmt(db, 'UPDATE archive_items SET sort_order = ?, updated_at = ? WHERE id = ?').run(order, now, id);
}

/** The next 件号 of a lowest class; the counter only grows, so a number is never given twice. */
export function takeItemNo(db: DB, year: number, classKey: string): number {
  stmt(db, 'INSERT INTO archive_counters (year, class_key, last_no) VALUES (?, ?, 0) ON CONFLICT DO NOTHING').run(year, classKey);
  stmt(db, 'UPDATE archive_counters SET last_no = last_no + 1 WHERE year = ? AND class_key = ?').run(year, classKey);
  return (stmt(db, 'SELECT last_no FROM archive_counters WHERE year = ? AND class_key = ?').get(year, classKey) as { last_no: number }).last_no;
}

/** Every lowest class's counter of the year: 编号 hands out the numbers after these. */
export const listCounters = (db: DB, year: number): Map<string, number> =>
  new Map((stmt(db, 'SELECT class_key, last_no FROM archive_counters WHERE year = ?').all(year) as { class_key: string; last_no: number }[]).map((c) => [c.class_key, c.last_no]));

/** Raises a class's counter to `lastNo` (never lowers it: a number once given stays given). */
export function raiseCounter(db: DB, year: number, classKey: string, lastNo: number): void {
  stmt(db, 'INSERT INTO archive_counters (year, class_key, last_no) VALUES (?, ?, ?) ON CONFLICT (year, class_key) DO UPDATE SET last_no = max(last_no, excluded.last_no)').run(
    year,
    classKey,
    lastNo,
  );
}

/**
 * Whether anything was written since a moment: rows changed by this connection (`total_changes()`, triggers
 * included) and commits by any other connection (`data_version`). Equal marks = the database is as it was.
 */
export function writeMark(db: DB): string {
  const c = (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${c}/${db.pragma('data_version', { simple: true }) as number}`;
}

export const lastItemNo = (db: DB, year: number, classKey: string): number =>
  (stmt(db, 'SELECT last_no FROM archive_counters WHERE year = ? AND class_key = ?').get(year, classKey) as { last_no: number } | undefined)?.last_no ?? 0;

export function setNumber(db: DB, id: number, classKey: string | null, itemNo: number | null, code: string | null, now: string): void {
  stmt(db, 'UPDATE archive_items SET class_key = ?, item_no = ?, archive_code = ?, updated_at = ? WHERE id = ?').run(classKey, itemNo, code, now, id);
}

export interface ManifestRow {
  id: number;
  year: number;
  version: number;
  sealed_at: string;
  sealed_by: string;
  reason: string | null;
  year_sha256: string;
  items_json: string;
  unsealed_at: string | null;
  unseal_reason: string | null;
}

export const listManifests = (db: DB, year: number): ManifestRow[] =>
  stmt(db, 'SELECT * FROM archive_manifests WHERE year = ? ORDER BY version DESC').all(year) as ManifestRow[];

export function insertManifest(db: DB, m: Omit<ManifestRow, 'id' | 'version' | 'unsealed_at' | 'unseal_reason'>): number {
  const version = ((stmt(db, 'SELECT coalesce(max(version), 0) AS v FROM archive_manifests WHERE year = ?').get(m.year) as { v: number }).v) + 1;
  stmt(
    db,
    `INSERT INTO archive_manifests (year, version, sealed_at, sealed_by, reason, year_sha256, items_json)
     VALUES (@year, @version, @sealed_at, @sealed_by, @reason, @year_sha256, @items_json)`,
  ).run({ ...m, version });
  return version;
}

export function markManifestUnsealed(db: DB, year: number, at: string, reason: string): void {
  stmt(db, 'UPDATE archive_manifests SET unsealed_at = ?, unseal_reason = ? WHERE year = ? AND unsealed_at IS NULL').run(at, reason, year);
}

export const cachedPages = (db: DB, sha256: string): number | undefined =>
  (stmt(db, 'SELECT pages FROM archive_file_pages WHERE sha256 = ?').get(sha256) as { pages: number } | undefined)?.pages;

export function cachePages(db: DB, sha256: string, pages: number): void {
  stmt(db, 'INSERT INTO archive_file_pages (sha256, pages) VALUES (?, ?) ON CONFLICT (sha256) DO UPDATE SET pages = excluded.pages').run(sha256, pages);
}

export function readConfigRows(db: DB): Map<string, unknown> {
  const rows = stmt(db, 'SELECT key, value_json FROM archive_config').all() as { key: string; value_json: string }[];
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
}

export function writeConfig(db: DB, key: string, value: unknown): void {
  stmt(db, 'INSERT INTO archive_config (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(key, JSON.stringify(value));
}


// --- seal triggers -------------------------------------------------------------------------------------------

const IDENT = /^[a-z_][a-z0-9_]*$/;
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Read-only at the database level: BEFORE UPDATE/DELETE triggers on a table, for the rows whose archive year
 * (the contributor's expression, evaluated on the row as stored) is the sealed year. Every channel — UI, CLI,
 * an import's worker connection, the undo of an import — goes through SQLite, so all of them are refused.
 */
export function createSealTriggers(db: DB, year: number, table: string, yearExpr: string, message: string): void {
  if (!IDENT.test(table)) throw new Error(`bad table name ${table}`);
  const rowYear = (ref: 'OLD') => `(SELECT ${yearExpr} FROM ${table} WHERE rowid = ${ref}.rowid)`;
  for (const [suffix, op] of [['u', 'UPDATE'], ['d', 'DELETE']] as const) {
    db.exec(`CREATE TRIGGER IF NOT EXISTS archive_seal_${year}_${table}_${suffix} BEFORE ${op} ON ${table}
      WHEN ${rowYear('OLD')} = ${year}
      BEGIN SELECT RAISE(ABORT, ${sqlText(message)}); END;`);
  }
}

export function dropSealTriggers(db: DB, year: number): number {
  const names = stmt(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").all(`archive_seal_${year}_%`) as { name: string }[];
  for (const { name } of names) if (IDENT.test(name)) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  return names.length;
}

export const sealTriggerNames = (db: DB, year: number): string[] =>
  (stmt(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ORDER BY name").all(`archive_seal_${year}_%`) as { name: string }[]).map((r) => r.name);
