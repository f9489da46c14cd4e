import { describe, expect, it } from 'vitest';
import type { ProposalStats } from '../../../shared/contract';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { act, register, seedSession } from '../proposals/seed';

interface JsonRow {
  number: string;
  title: string;
  state: string;
  stateCode: string;
  kind: string;
  proposer: string;
  overdue: boolean;
}

/** 五届二次 with a closed proposal, an overdue one, and an 意见建议 (the clock of the CLI run is real: 2026-05-31 is past). */
async function seeded(): Promise<string> {
  const dir = tempDir();
  await withContext(dir, async (ctx) => {
    const s = await seedSession(ctx);
    const m = (i: number) => s.members[i]!.id;
    const a = await register(ctx, s.session.id, { title: '改善教工食堂', proposerId: m(0), seconderIds: [m(1), m(2)] });
    await act(ctx, { proposalId: a.id, type: 'file', date: '2026-03-12' });
    await act(ctx, { proposalId: a.id, type: 'assign', date: '2026-03-13', leadUnitId: s.units[0]!.id, deadline: '2026-03-20' });
    await act(ctx, { proposalId: a.id, type: 'reply', date: '2026-03-19', unitId: s.units[0]!.id, replyClass: 'A' });
    await act(ctx, { proposalId: a.id, type: 'feedback', date: '2026-03-20', satisfaction: 'basic' });
    await act(ctx, { proposalId: a.id, type: 'close', date: '2026-03-21' });
    const b = await register(ctx, s.session.id, { title: '完善职称评审', proposerId: m(3), seconderIds: [m(4), m(5)] });
    await act(ctx, { proposalId: b.id, type: 'file', date: '2026-03-12' });
    await act(ctx, { proposalId: b.id, type: 'assign', date: '2026-03-13', leadUnitId: s.units[1]!.id, deadline: '2026-03-20' });
    await register(ctx, s.session.id, { title: '延长图书馆开放时间', proposerId: m(1), seconderIds: [m(0)] });
  });
  return dir;
}

describe('ledger proposals', () => {
  it('lists a session’s proposals by number as JSON, filtered by state and overdue', async () => {
    const dir = await seeded();
    const run = await ledgerInProcess(['--data-dir', dir, 'proposals', 'list', '--session', '五届二次', '--json']);
    expect(run.code).toBe(0);
    const doc = jsonOf<{ ok: true; data: { session: string; total: number; proposals: JsonRow[] } }>(run);
    expect(doc.data.session).toBe('五届二次');
    expect(doc.data.proposals.map((p) => [p.number, p.state, p.kind])).toEqual([
      ['五届二次 第001号', '已办结', '提案'],
      ['五届二次 第002号', '办理中', '提案'],
      ['五届二次 意见建议第001号', '待交办', '意见建议'],
    ]);
    const byState = async (...args: string[]) =>
      jsonOf<{ data: { proposals: JsonRow[] } }>(await ledgerInProcess(['--data-dir', dir, 'proposals', 'list', '--json', ...args])).data.proposals.map(
        (p) => p.title,
      );
    expect(await byState('--session', '第五届第二次', '--state', '办理中,已办结')).toEqual(['改善教工食堂', '完善职称评审']);
    expect(await byState('--state', 'closed')).toEqual(['改善教工食堂']);
    expect(await byState('--overdue')).toEqual(['完善职称评审']);
    const text = await ledgerInProcess(['--data-dir', dir, 'proposals', 'list', '--session', '5-2']);
    expect(text.stdout).toContain('五届二次 第002号\t完善职称评审\t赵敏\t办理中（逾期）\t教务处');
    expect(text.stdout).toContain('共 3 件。');
  });

  it('prints the statistics of a session with the §3.5 rates', async () => {
    const dir = await seeded();
    const run = await ledgerInProcess(['--data-dir', dir, 'proposals', 'stats', '--session', '五届二次', '--json']);
    expect(run.code).toBe(0);
    const st = jsonOf<{ data: ProposalStats }>(run).data;
    expect(st).toMatchObject({ received: 2, filed: 2, replied: 1, feedback: 1, basicallySatisfied: 1, overdue: 1 });
    expect(st.filingRate.percent).toBe(100);
    expect(st.replyRate.percent).toBe(50);
    expect(st.satisfactionRate.percent).toBe(100);
    const text = await ledgerInProcess(['--data-dir', dir, 'proposals', 'stats', '--session', '五届二次']);
    expect(text.stdout).toContain('立案率 100.0%');
    expect(text.stdout).toContain('办复率 50.0%');
  });

  it('uses the newest session by default and explains an unknown session or state', async () => {
    const dir = await seeded();
    // Without --session: the newest session; in an empty folder, nothing to count (still one JSON document).
    const newest = await ledgerInProcess(['--data-dir', dir, 'proposals', 'stats', '--json']);
    expect(jsonOf<{ data: ProposalStats }>(newest).data.session.label).toBe('五届二次');
    const empty = await ledgerInProcess(['--data-dir', tempDir(), 'proposals', 'stats', '--json']);
    expect(empty.code).toBe(0);
    expect(jsonOf<{ ok: boolean; data: null }>(empty)).toEqual({ ok: true, data: null });
    const unknown = await ledgerInProcess(['--data-dir', dir, 'proposals', 'list', '--session', '六届一次', '--json']);
    expect(unknown.code).toBe(1);
    expect(jsonOf<{ error: { message: string } }>(unknown).error.message).toBe('找不到届次「六届一次」。已有：五届二次（编号 1）。');
    const badState = await ledgerInProcess(['--data-dir', dir, 'proposals', 'list', '--state', '已完成']);
    expect(badState.code).toBe(2);
    expect(badState.stderr).toContain('没有「已完成」这种提案状态');
  });
});
