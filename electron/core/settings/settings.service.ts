import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsKey } from '../../../shared/contract/settings';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { validationError } from '../errors';
import { zodIssues } from '../router';
import { readAllSettings, writeSetting } from './settings.repo';

/** Stored values that no longer fit the schema (hand-edited file, older version) fall back to defaults. */
export function getSettings(ctx: AppContext): Settings {
  const stored = readAllSettings(ctx.db);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingsKey[]) {
    if (!stored.has(key)) continue;
    const one = settingsSchema.shape[key].safeParse(stored.get(key));
    if (one.success) merged[key] = one.data;
  }
  return settingsSchema.parse(merged);
}

export function updateSettings(ctx: AppContext, patch: Partial<Settings>): Settings {
  const db = ctx.db;
  return db.transaction(() => {
    const before = getSettings(ctx);
    const parsed = settingsSchema.safeParse({ ...before, ...patch });
    if (!parsed.success) throw validationError('设置有误，未保存。', zodIssues(parsed.error));
    const after = parsed.data;
    const at = ctx.clock();
    const changed = (Object.keys(patch) as SettingsKey[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    for (const key of changed) writeSetting(db, key, after[key], at.toISOString());
    if (changed.length) {
      // A logged-in operator signs their own change; otherwise the 操作人 of 设置 (the new one when it changed).
      writeAudit(db, ctx.session.current?.name || after.operator || before.operator, at, {
        action: 'settings.update',
        entity: 'settings',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    }
    return after;
  })();
}
