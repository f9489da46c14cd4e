import type { AppInfo } from '../../../shared/contract/app';
import type { AppContext } from '../context';
import { APP_VERSION } from '../version';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { countRows, hasColumn, tableNames } from '../db/session';

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
  disclosures: 'disclosures',
  opinions: 'opinions',
  proposals: 'proposals',
  congressSessions: 'congress_sessions',
};

export function appInfo(ctx: AppContext): AppInfo {
  const counts: Record<string, number> = {};
  if (ctx.status === 'ok') {
    const existing = new Set(tableNames(ctx.db));
    for (const [label, table] of Object.entries(COUNTED_TABLES)) {
      if (!existing.has(table)) continue;
      // Deleted records stay in their table for the audit trail (soft delete); the counts are of live ones.
      counts[label] = countRows(ctx.db, table, hasColumn(ctx.db, table, 'deleted_at'));
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
