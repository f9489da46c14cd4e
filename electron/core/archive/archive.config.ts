import { archiveConfig, type ArchiveConfig } from '../../../shared/contract/archive';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { validationError } from '../errors';
import { zodIssues } from '../router';
import { readConfigRows, writeConfig } from './archive.repo';

export const DEFAULT_ARCHIVE_CONFIG: ArchiveConfig = {
  scheme: 'year-retention-org',
  codeStyle: 'dat22-2015',
  categoryCode: 'WS',
  retentionByKind: {},
  orgByKind: {},
  stampOffsetXmm: 0,
  stampOffsetYmm: 4,
  boxBy: 'count',
  boxLimit: 50,
  spineMm: 30,
  organizer: '',
  checker: '',
};

/** A stored value that no longer fits (older version, hand edit) falls back to its default. */
export function getArchiveConfig(db: DB): ArchiveConfig {
  const stored = readConfigRows(db);
  const merged: Record<string, unknown> = { ...DEFAULT_ARCHIVE_CONFIG };
  for (const key of Object.keys(DEFAULT_ARCHIVE_CONFIG) as (keyof ArchiveConfig)[]) {
    if (!stored.has(key)) continue;
    const one = archiveConfig.shape[key].safeParse(stored.get(key));
    if (one.success) merged[key] = one.data;
  }
  return archiveConfig.parse(merged);
}

export function updateArchiveConfig(ctx: AppContext, patch: Partial<ArchiveConfig>): ArchiveConfig {
  const db = ctx.db;
  return db.transaction(() => {
    const before = getArchiveConfig(db);
    const parsed = archiveConfig.safeParse({ ...before, ...patch });
    if (!parsed.success) throw validationError('归档设置有误，未保存。', zodIssues(parsed.error));
    const changed = (Object.keys(patch) as (keyof ArchiveConfig)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(parsed.data[k]));
    for (const k of changed) writeConfig(db, k, parsed.data[k]);
    if (changed.length) {
      writeAudit(db, ctx.actor(), ctx.clock(), {
        action: 'archive.config',
        entity: 'archive',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, parsed.data[k]])),
      });
    }
    return parsed.data;
  })();
}
