import type { DB } from '../db/open';

export function readAllSettings(db: DB): Map<string, unknown> {
  const rows = db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
}

export function writeSetting(db: DB, key: string, value: unknown, at: string): void {
  db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}

/** One setting's stored value, or undefined when never set. */
export function readSetting(db: DB, key: string): unknown {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}

/** 责任者 of the union's own documents: the 工会's name, else the unit's, else 工会. */
export const unionNameOf = (s: ReadonlyMap<string, unknown>): string => String(s.get('unionName') ?? '') || String(s.get('unitName') ?? '') || '工会';

export const unionNameIn = (db: DB): string => unionNameOf(readAllSettings(db));
