import { createHash } from 'node:crypto';

/** The stored columns of one change-log entry that its chain hash covers. */
export interface AuditChainContent {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

/**
 * sha256 over the previous entry's hash and this entry's columns (#16). The id is included so that a removed
 * entry in the middle breaks the chain even when the rows around it are untouched. The format is frozen: the
 * hashes already stored in clerks' databases were computed with it (migration 0011 back-filled the old ones).
 */
export function auditChainHash(prevHash: string, row: AuditChainContent): string {
  const canonical = JSON.stringify([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before_json, row.after_json]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

/** The "previous hash" of the first entry. */
export const AUDIT_CHAIN_START = '';
