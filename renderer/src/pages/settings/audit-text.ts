import type { AuditEntry } from '../../../../shared/contract';
import { ARCHIVE_AUDIT_LABELS } from '../../../../shared/domain/archive-labels';
import { CARE_AUDIT_LABELS } from '../../../../shared/domain/care-labels';
import { PLANS_AUDIT_LABELS } from '../../../../shared/domain/plans-labels';
import { SETTINGS_LABELS } from '../../../../shared/domain/labels';

/** Names of audited actions; record areas add theirs as they start writing audit entries. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'settings.update': '修改设置',
  ...ARCHIVE_AUDIT_LABELS,
  ...CARE_AUDIT_LABELS,
  ...PLANS_AUDIT_LABELS,
};

/** One line for the 最近修改 list, e.g. 修改设置：单位名称、全宗号. */
export function describeAudit(e: AuditEntry): string {
  const action = AUDIT_ACTION_LABELS[e.action] ?? e.action;
  if (e.entity === 'settings' && e.after && typeof e.after === 'object') {
    const names = Object.keys(e.after).map((k) => SETTINGS_LABELS[k as keyof typeof SETTINGS_LABELS] ?? k);
    if (names.length) return `${action}：${names.join('、')}`;
  }
  return e.entityId ? `${action}（${e.entityId}）` : action;
}
