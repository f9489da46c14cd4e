import type { Migration } from './types';

export const m0015AuditHead: Migration = {
  version: 15,
  name: 'the change log chain head (last entry and count) in settings, so `ledger check` sees entries cut off its end',
  up(db) {
    // From here writeAudit (audit.ts) rewrites the head with every entry; this seeds it for the entries written before.
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
    if (!last) return;
    const count = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    db.prepare(
      `INSERT INTO settings (key, value_json, updated_at) VALUES ('auditChainHead', ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ).run(JSON.stringify({ id: last.id, hash: last.hash ?? '', count }), new Date().toISOString());
  },
};
