/**
 * Issue 15 item 16: 取消 of an undo (members.importUndoCancel). Cancelled at any point, the undo changes nothing:
 * every member is still there, the batch is still undoable, and undoing it afterwards works.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNDO_CANCELLED, undoImportTask } from '../../../electron/core/members/import/import-undo';
import { tempDir } from '../../helpers/context';
import { commit, dumpMembers, tokenOf, writeXlsx } from './helpers';
import { taskThreadSuite } from './worker-bundles';

const t = taskThreadSuite();

/** A first import of `n` members plus one update of a member entered by hand (so the undo also restores). */
async function importRoster(n: number): Promise<number> {
  const byHand = await t.ctx.dispatch('members.create', { member: { name: '手工会员', memberNo: 'HY-1', jobTitle: '教师' } });
  expect(byHand.ok).toBe(true);
  const rows: (string | null)[][] = [['姓名', '会员证号', '职务', '入会时间']];
  for (let i = 1; i <= n; i++) rows.push([i === 1 ? '手工会员' : `会员${i}`, `HY-${i}`, i === 1 ? '年级组长' : '教师', '2010-09-01']);
  const r = await commit(t.ctx, { token: tokenOf(t.ctx, await writeXlsx(path.join(tempDir(), '花名册.xlsx'), { 花名册: rows })) });
  expect(r.counts).toMatchObject({ created: n - 1, updated: 1 });
  return r.batchId as number;
}

const count = (sql: string) => (t.ctx.db.prepare(sql).get() as { n: number }).n;
/** Everything an undo would change: the members (search rows with them), the batch, the change log. */
const state = () => ({
  members: dumpMembers(t.ctx),
  grams: count('SELECT count(*) AS n FROM member_name_grams'),
  fts: count('SELECT count(*) AS n FROM member_fts'),
  events: count('SELECT count(*) AS n FROM member_events'),
  undone: count('SELECT count(*) AS n FROM import_batches WHERE undone_at IS NOT NULL'),
  audit: count('SELECT count(*) AS n FROM audit_log'),
});

describe('取消 of an undo', () => {
  it('cancelled as it starts (through the task thread): CANCELLED, nothing changed, and the batch undoes afterwards', async () => {
    const batchId = await importRoster(3000);
    const before = state();
    const running = t.ctx.dispatch('members.importUndo', { batchId, jobId: 'undo-job-1' });
    expect(await t.ctx.dispatch('members.importUndoCancel', { jobId: 'undo-job-1' })).toEqual({ ok: true, data: { cancelled: true } });
    expect(await running).toEqual({ ok: false, error: { code: 'CANCELLED', message: UNDO_CANCELLED } });
    expect(state()).toEqual(before);
    expect(count('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL')).toBe(3000);
    // A cancel of a job that is over says so.
    expect(await t.ctx.dispatch('members.importUndoCancel', { jobId: 'undo-job-1' })).toEqual({ ok: true, data: { cancelled: false } });

    const seen: string[] = [];
    t.ctx.events.on((name, p) => {
      if (name === 'progress:update' && (p as { jobId: string }).jobId === 'undo-job-2') seen.push((p as { label: string }).label);
    });
    const r = await t.ctx.dispatch('members.importUndo', { batchId, jobId: 'undo-job-2' });
    expect(r).toMatchObject({ ok: true, data: { batchId, removed: 2999, restored: 1 } });
    expect(seen).toEqual(expect.arrayContaining(['正在检查能否撤销', '正在备份数据库', '正在撤销导入']));
    expect(count('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL')).toBe(1);
    expect(t.warnings).toEqual([]);
  });

  it('cancelled at each of its checks inside the transaction: all rolled back, every time', async () => {
    const batchId = await importRoster(1200);
    const before = state();
    // The thread's signal reads the shared flag at each check; here it turns true at the k-th look, which is
    // what a 取消 arriving between two of the undo's steps looks like from inside the transaction.
    let looks = 0;
    for (let k = 1; ; k++) {
      let seen = 0;
      const signal = { get aborted() { return ++seen >= k; } } as AbortSignal;
      const env = { db: t.ctx.db, now: new Date(), actor: '测试', progress: () => undefined, signal };
      let result: unknown;
      try {
        result = undoImportTask.run(env, { batchId, backup: 'test' });
      } catch (e) {
        expect((e as Error).message).toBe(UNDO_CANCELLED);
        expect(state()).toEqual(before);
        looks = seen;
        continue;
      }
      // k is past the last check: the undo went through, having looked `looks` times.
      expect(result).toMatchObject({ batchId, removed: 1199, restored: 1 });
      expect(k).toBeGreaterThan(4);
      break;
    }
    expect(looks).toBeGreaterThanOrEqual(5);
  });
});
