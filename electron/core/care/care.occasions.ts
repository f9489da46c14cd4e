/**
 * 慰问事由, their 标准 (cap, yuan) and 次数 rules as 设置 keeps them (issue #13). Stored as one settings row
 * ('careOccasions') beside the unit's settings; until the clerk saves, the defaults of care-labels.ts apply.
 */
import { z } from 'zod';
import type { CareOccasionRow } from '../../../shared/contract/care';
import { careOccasionRule } from '../../../shared/contract/care';
import { DEFAULT_CARE_OCCASIONS, occasionLabelOf } from '../../../shared/domain/care-labels';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { validationError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings.repo';
import { occasionsInUse } from './care.repo';

const KEY = 'careOccasions';
const stored = z.array(careOccasionRule.required({ key: true }));

/** A stored list that no longer fits (hand-edited, older version) falls back to the defaults, as settings do. */
export function careOccasionsOf(db: DB): CareOccasionRow[] {
  const parsed = stored.safeParse(readSetting(db, KEY));
  return parsed.success && parsed.data.length ? parsed.data : DEFAULT_CARE_OCCASIONS.map((r) => ({ ...r }));
}
export const careOccasions = (ctx: AppContext): CareOccasionRow[] => careOccasionsOf(ctx.db);

export const occasionLabel = (ctx: AppContext, key: string): string => occasionLabelOf(careOccasions(ctx), key);

/** A label → key lookup for the CLI and imports: the key itself or the clerk's label. */
export const findOccasion = (ctx: AppContext, text: string): CareOccasionRow | undefined => {
  const list = careOccasions(ctx);
  return list.find((r) => r.key === text) ?? list.find((r) => r.label === text.trim());
};

export function updateCareOccasions(ctx: AppContext, input: z.output<typeof careOccasionRule>[]): CareOccasionRow[] {
  const db = ctx.db;
  const now = ctx.clock();
  return db.transaction(() => {
    const before = careOccasions(ctx);
    const labels = input.map((r) => r.label.trim());
    const dup = labels.find((l, i) => labels.indexOf(l) !== i);
    if (dup) throw validationError(`慰问事由「${dup}」重复了。`, [{ path: ['occasions'], message: `「${dup}」重复` }]);
    const keys = new Set(input.map((r) => r.key).filter((k): k is string => !!k));
    let n = 1;
    const fresh = () => {
      while (keys.has(`custom${n}`) || before.some((r) => r.key === `custom${n}`)) n++;
      keys.add(`custom${n}`);
      return `custom${n}`;
    };
    const after: CareOccasionRow[] = input.map((r) => ({
      key: r.key ?? fresh(),
      label: r.label.trim(),
      capYuan: r.capYuan,
      frequency: r.frequency,
      timesPerYear: r.frequency === 'year' ? r.timesPerYear : 1,
    }));
    // A visit keeps its occasion's key; taking the occasion away would leave its visits unnamed in 设置.
    const inUse = occasionsInUse(db).filter((k) => !after.some((r) => r.key === k) && before.some((r) => r.key === k));
    if (inUse.length) {
      const names = inUse.map((k) => occasionLabelOf(before, k)).join('、');
      throw validationError(`「${names}」已有慰问记录，不能删除（可以改名或改标准）。`, [{ path: ['occasions'], message: `${names}已有慰问记录` }]);
    }
    writeSetting(db, KEY, after, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'care.occasionsUpdate', entity: 'settings', entityId: null, before: { careOccasions: before }, after: { careOccasions: after } });
    return after;
  })();
}
