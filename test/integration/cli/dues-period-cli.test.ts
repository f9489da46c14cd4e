import { describe, expect, it } from 'vitest';
import { call, tempDir } from '../../helpers/context';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';

describe('ledger dues compute --period', () => {
  it('a quarter is the sum of its months per member; a member who joins mid-quarter pays from the join month', async () => {
    const dir = tempDir();
    await withContext(dir, async (ctx) => {
      await call(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', monthlyWage: 4567.89, joinDate: '2010-09-01' } });
      await call(ctx, 'members.create', { member: { name: '李秀英', idNumber: '310115199007040026', monthlyWage: 9999, joinDate: '2026-08-15' } });
    });
    const r = await ledgerInProcess(['--data-dir', dir, 'dues', 'compute', '--period', '2026-Q3', '--json']);
    expect(r.code).toBe(0);
    const d = jsonOf<{ data: { months: string[]; dueFen: number; members: { idNumber: string; amount: number }[] } }>(r);
    expect(d.data.months).toEqual(['2026-07', '2026-08', '2026-09']);
    const amounts = Object.fromEntries(d.data.members.map((m) => [m.idNumber, m.amount]));
    expect(amounts['110108198503120011']).toBe(3 * 2280);
    expect(amounts['310115199007040026']).toBe(2 * 4995);
    expect(d.data.dueFen).toBe(3 * 2280 + 2 * 4995);
    const bad = await ledgerInProcess(['--data-dir', dir, 'dues', 'compute', '--period', '2026-Q5']);
    expect(bad.code).toBe(2);
  });
});
