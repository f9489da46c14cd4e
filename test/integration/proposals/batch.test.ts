import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { undoProposalBatchIn } from '../../../electron/core/proposals/proposals.batch';
import { registerIn } from '../../../electron/core/proposals/proposals.service';
import { actIn } from '../../../electron/core/proposals/proposals.workflow';
import type { WriteScope } from '../../../electron/core/imports/write-scope';
import type { ProposalFields, ProposalListRow } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';
import { register, seedSession, type Seeded } from './seed';

/**
 * The pieces a proposal-register import will use: registerIn and actIn inside one transaction with a batch id
 * (all rows or none), and undoProposalBatchIn taking a batch out again.
 */
let ctx: AppContext;
let s: Seeded;
const now = new Date('2026-04-01T09:00:00+08:00');

beforeEach(async () => {
  ctx = await openTestContext({ clock: () => now });
  s = await seedSession(ctx);
});
afterEach(async () => {
  await ctx.close();
});

const newBatch = () =>
  Number(
    ctx.db
      .prepare("INSERT INTO import_batches (kind, file_name, created_at, actor, summary_json) VALUES ('proposals', '提案登记表.xlsx', ?, '李干事', '{}')")
      .run(now.toISOString()).lastInsertRowid,
  );
const fields = (title: string, proposer: number, seconders: number[]): ProposalFields => ({
  title,
  proposerId: s.members[proposer]!.id,
  seconderIds: seconders.map((i) => s.members[i]!.id),
  submittedDate: '2026-03-10',
  reasons: null,
  suggestions: null,
  category: null,
  suggestedUnitId: null,
  contactPhone: null,
  remarks: null,
});
const list = async () => (await call<{ rows: ProposalListRow[] }>(ctx, 'proposals.list', { sessionId: s.session.id })).rows;

/** Rows of a register: one filed and assigned, one 意见建议, the way an import would replay them. */
function importRows(scope: WriteScope, failOnThird = false): void {
  const a = registerIn(scope, s.session.id, fields('食堂', 0, [1, 2]));
  actIn(scope, { type: 'file', proposalId: a.id, date: '2026-03-12', handler: null, text: '同意立案' });
  actIn(scope, { type: 'assign', proposalId: a.id, date: '2026-03-13', leadUnitId: s.units[0]!.id, coUnitIds: [], deadline: '2026-04-30', handler: null, text: null });
  registerIn(scope, s.session.id, fields('图书馆', 1, [0]));
  if (failOnThird) registerIn(scope, s.session.id, fields('外人', 0, [0]));
}

describe('proposal import support', () => {
  it('writes a batch in one transaction: numbers, events and the batch id on every row', async () => {
    const batchId = newBatch();
    const scope: WriteScope = { db: ctx.db, actor: '李干事', now, batchId };
    ctx.db.transaction(() => importRows(scope))();
    expect((await list()).map((r) => [r.number, r.state])).toEqual([
      ['五届二次 第001号', 'assigned'],
      ['五届二次 意见建议第001号', 'registered'],
    ]);
    const untagged = ctx.db
      .prepare('SELECT (SELECT count(*) FROM proposals WHERE import_batch_id IS NOT ?) + (SELECT count(*) FROM proposal_events WHERE import_batch_id IS NOT ?) AS n')
      .get(batchId, batchId) as { n: number };
    expect(untagged.n).toBe(0);
  });

  it('leaves nothing behind when one row of the batch is refused', async () => {
    const scope: WriteScope = { db: ctx.db, actor: '李干事', now, batchId: newBatch() };
    expect(() => ctx.db.transaction(() => importRows(scope, true))()).toThrow('提案人不能同时作为附议人');
    expect(await list()).toEqual([]);
    expect((ctx.db.prepare('SELECT count(*) AS n FROM proposal_events').get() as { n: number }).n).toBe(0);
  });

  it('undoes a batch nobody worked on, and refuses one with later work, naming it', async () => {
    const batchId = newBatch();
    const scope: WriteScope = { db: ctx.db, actor: '李干事', now, batchId };
    ctx.db.transaction(() => importRows(scope))();
    expect(ctx.db.transaction(() => undoProposalBatchIn(scope, batchId))()).toBe(2);
    expect(await list()).toEqual([]);

    const again = newBatch();
    const scope2: WriteScope = { ...scope, batchId: again };
    ctx.db.transaction(() => importRows(scope2))();
    const first = (await list())[0]!;
    await call(ctx, 'proposals.act', { proposalId: first.id, type: 'reply', date: '2026-03-20', unitId: s.units[0]!.id, replyClass: 'A' });
    expect(() => ctx.db.transaction(() => undoProposalBatchIn(scope2, again))()).toThrow('第1号「食堂」导入后办理过');
    expect(await list()).toHaveLength(2);
  });

  it('refuses an undo that would leave a hole in numbers already given after the import', async () => {
    const batchId = newBatch();
    const scope: WriteScope = { db: ctx.db, actor: '李干事', now, batchId };
    ctx.db.transaction(() => registerIn(scope, s.session.id, fields('导入的', 0, [1, 2])))();
    await register(ctx, s.session.id, { title: '手工登记', proposerId: s.members[3]!.id, seconderIds: [s.members[4]!.id, s.members[5]!.id] });
    expect(() => ctx.db.transaction(() => undoProposalBatchIn(scope, batchId))()).toThrow('撤销会留下空号');
  });
});
