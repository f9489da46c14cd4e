import type { AppInfo } from '../../../shared/contract/app';
import type { AppContext } from '../context';
import { APP_VERSION } from '../version';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

/**
 * Record counts shown by `ledger info` and the 设置 page. Each record type adds its table here as it
 * arrives; a table the current schema lacks is skipped rather than failing the whole report.
 */
export const COUNTED_TABLES: Record<string, string> = {
  settings: 'settings',
  auditLog: 'audit_log',
  members: 'members',
  memberEvents: 'member_events',
  unionUnits: 'union_units',
  proposals: 'proposals',
  congressSessions: 'congress_sessions',
};

export function appInfo(ctx: AppContext): AppInfo {
  const counts: Record<string, number> = {};
  if (ctx.status === 'ok') {
    const existing = new Set(
      (ctx.db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name),
    );
    for (const [label, table] of Object.entries(COUNTED_TABLES)) {
      if (existing.has(table)) counts[label] = (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
  }
  counts.backups = ctx.listBackups().length;
  return {
    appVersion: APP_VERSION,
    schemaVersion: ctx.schemaVersion(),
    appSchemaVersion: LATEST_SCHEMA_VERSION,
    dataDir: ctx.paths.dataDir,
    dbPath: ctx.paths.dbPath,
    status: ctx.status,
    ...(ctx.recoveryReason ? { recoveryReason: ctx.recoveryReason } : {}),
    counts,
    host: ctx.host,
  };
}
