import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core/audit';
import { m0015AuditHead } from '../../../electron/core/db/migrations/0015_audit_head';
import { m0011AuditChain } from '../../../electron/core/db/migrations/0011_audit_chain';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { call, tempDir } from '../../helpers/context';

/** A folder with a few change-log entries written by the app itself. */
async function folderWithEntries(): Promise<{ dir: string; dbPath: string }> {
  const dir = path.join(tempDir(), '数据');
  await withContext(dir, async (ctx) => {
    await call(ctx, 'settings.update', { operator: '张三' });
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '王五' } });
    await call(ctx, 'members.update', { id: m.id, member: { name: '王五', phone: '13900001111' } });
    await call(ctx, 'members.create', { member: { name: '赵六' } });
  });
  return { dir, dbPath: path.join(dir, 'ledger.sqlite') };
}

/** Opens the file the way someone editing it behind the app's back would: triggers dropped first. */
function tamper(dbPath: string, sql: string): void {
  const db = new Database(dbPath);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

describe('the change log hash chain (#16)', () => {
  it('every entry the app writes chains on the one before; ledger check passes', async () => {
    const { dir } = await folderWithEntries();
    const entries = await withContext(dir, async (ctx) => {
      const rows = ctx.db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as { id: number; hash: string | null }[];
      expect(rows.length).toBeGreaterThanOrEqual(4);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ''))).toBe(true);
      expect(rows.map((r) => r.id)).toEqual(rows.map((_r, i) => i + 1));
      expect(verifyAuditChain(ctx.db).problems).toEqual([]);
      return rows.length;
    });
    const r = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(r.stdout).toContain(`[正常] 修改记录校验链：${entries} 条修改记录，校验链完整`);
    // Opening the folder for the check wrote nothing that breaks the chain either.
    expect(r.stdout).not.toContain('[问题] 修改记录');
  });

  it('an entry edited in the file is reported by its number and ledger check exits 1', async () => {
    const { dir, dbPath } = await folderWithEntries();
    tamper(dbPath, `UPDATE audit_log SET actor = '李四' WHERE id = 3`);
    const r = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[问题] 修改记录校验链');
    expect(r.stdout).toContain('修改记录第 3 条被改动过（校验链断开）');
    // Only the edited entry: the ones after it still chain on its stored hash.
    expect(r.stdout).not.toContain('第 4 条');
    const doc = jsonOf<{ data: { healthy: boolean; checks: { id: string; status: string }[] } }>(await ledgerInProcess(['--data-dir', dir, 'check', '--json']));
    expect(doc.data.healthy).toBe(false);
    expect(doc.data.checks.find((c) => c.id === 'audit-chain')?.status).toBe('problem');
  });

  it('entries cut off the end are reported: the chain head still names the last one (#16)', async () => {
    const { dir, dbPath } = await folderWithEntries();
    const before = await withContext(dir, async (ctx) => (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n);
    // The shorter log is still a whole chain: only the head stored beside it can tell.
    tamper(dbPath, `DELETE FROM audit_log WHERE id > ${before - 2}`);
    const r = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`修改记录末尾的 2 条（第 ${before - 1} 条起）不见了`);
  });

  it('the last entry rewritten together with its hash is caught by the head; a deleted head is reported too', async () => {
    const { dir, dbPath } = await folderWithEntries();
    const last = await withContext(dir, async (ctx) => (ctx.db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n);
    tamper(dbPath, `UPDATE audit_log SET actor = '李四', hash = '${'1'.repeat(64)}' WHERE id = ${last}`);
    const edited = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain(`修改记录第 ${last} 条被改动过（校验链断开）`);
    const db = new Database(dbPath);
    db.exec('DELETE FROM audit_head');
    db.close();
    const headless = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(headless.stdout).toContain('修改记录的校验链末端不见了');
  });

  it('an entry edited together with a recomputed-looking hash shows at the next entry', async () => {
    const { dir, dbPath } = await folderWithEntries();
    tamper(dbPath, `UPDATE audit_log SET after_json = '{}', hash = '${'0'.repeat(64)}' WHERE id = 2`);
    const r = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('修改记录第 2 条被改动过（校验链断开）');
    expect(r.stdout).toContain('修改记录第 3 条被改动过（校验链断开）');
  });

  it('a removed entry and one inserted without a hash are reported', async () => {
    const { dir, dbPath } = await folderWithEntries();
    tamper(
      dbPath,
      `DELETE FROM audit_log WHERE id = 2;
       INSERT INTO audit_log (id, at, actor, action, entity) VALUES (1000, '2026-01-01T00:00:00.000Z', 'x', 'members.create', 'member');`,
    );
    const r = await ledgerInProcess(['--data-dir', dir, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('修改记录第 2 条不见了（校验链断开）');
    expect(r.stdout).toContain('修改记录第 1000 条没有校验值');
  });

  it('migration 0011 back-fills a chain over the entries written before it', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
               entity TEXT NOT NULL, entity_id TEXT, before_json TEXT, after_json TEXT) STRICT;
             CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'no'); END;`);
    const ins = db.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, after_json) VALUES (?, '张三', 'members.create', 'member', ?, ?)");
    for (let i = 1; i <= 5; i++) ins.run(`2025-0${i}-01T00:00:00.000Z`, String(i), JSON.stringify({ name: `会员${i}` }));
    m0011AuditChain.up(db);
    // 0015 seeds the chain head from the entries already there.
    m0015AuditHead.up(db);
    expect(verifyAuditChain(db)).toEqual({ entries: 5, problems: [] });
    // The trigger is back: the back-fill was the only UPDATE the log gets.
    expect(() => db.exec("UPDATE audit_log SET actor = 'x'")).toThrow(/修改记录只能追加/);
    db.close();
  });
});
