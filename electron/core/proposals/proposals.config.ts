import { proposalConfig, type ProposalConfig } from '../../../shared/contract/proposals';
import { defaultCategories } from '../../../shared/domain/proposal-labels';
import {
  DEFAULT_NUMBER_FORMAT,
  DEFAULT_OPINION_NUMBER_FORMAT,
  numberFormatProblem,
} from '../../../shared/domain/proposal-workflow';
import { writeAudit } from '../audit';
import type { DB } from '../db/open';
import { validationError } from '../errors';
import { readAllSettings, writeSetting } from '../settings/settings.repo';
import type { WriteScope } from '../imports/write-scope';

/**
 * The proposal area's own settings live in the settings table under `proposals.*` keys: the 设置 page's schema
 * ignores keys it does not know, and one table keeps one backup story.
 */
const KEYS: Record<keyof ProposalConfig, string> = {
  categories: 'proposals.categories',
  numberFormat: 'proposals.numberFormat',
  opinionNumberFormat: 'proposals.opinionNumberFormat',
};

function unitType(stored: Map<string, unknown>): 'school' | 'hospital' | 'company' {
  const t = stored.get('unitType');
  return t === 'hospital' || t === 'company' ? t : 'school';
}

/** Stored values that no longer fit fall back to the defaults, like the main settings. */
export function getProposalConfig(db: DB): ProposalConfig {
  const stored = readAllSettings(db);
  const defaults: ProposalConfig = {
    categories: defaultCategories(unitType(stored)),
    numberFormat: DEFAULT_NUMBER_FORMAT,
    opinionNumberFormat: DEFAULT_OPINION_NUMBER_FORMAT,
  };
  const out = { ...defaults };
  for (const k of Object.keys(KEYS) as (keyof ProposalConfig)[]) {
    const one = proposalConfig.shape[k].safeParse(stored.get(KEYS[k]));
    if (one.success) (out as Record<string, unknown>)[k] = one.data;
  }
  return out;
}

export function updateProposalConfig(scope: WriteScope, patch: Partial<ProposalConfig>): ProposalConfig {
  const { db } = scope;
  return db.transaction(() => {
    const before = getProposalConfig(db);
    for (const k of ['numberFormat', 'opinionNumberFormat'] as const) {
      const f = patch[k];
      const problem = f === undefined ? null : numberFormatProblem(f);
      if (problem) throw validationError(problem, [{ path: [k], message: problem }]);
    }
    const after = { ...before, ...patch };
    const changed = (Object.keys(patch) as (keyof ProposalConfig)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    for (const k of changed) writeSetting(db, KEYS[k], after[k], scope.now.toISOString());
    if (changed.length) {
      writeAudit(db, scope.actor, scope.now, {
        action: 'proposals.config',
        entity: 'settings',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    }
    return after;
  })();
}
