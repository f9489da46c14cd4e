import { describe, expect, it } from 'vitest';
import { call, tempDir } from '../../helpers/context';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';

async function seeded(): Promise<string> {
  const dir = tempDir();
  await withContext(dir, async (ctx) => {
    const a = await call<{ id: number }>(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', monthlyWage: 4567.89, joinDate: '2010-09-01' } });
    await call(ctx, 'members.create', { member: { name: '李秀英', idNumber: '310115199007040026', monthlyWage: 9999, joinDate: '2015-01-01' } });
    await call(ctx, 'care.create', { visit: { memberId: a.id, occasion: 'illness', visitDate: '2026-03-03', form: 'cash', amount: 1200, reason: '重大手术' } });
  });
  return dir;
}

describe('ledger care list / dues compute', () => {
  it('lists the year’s visits and computes a month as JSON', async () => {
    const dir = await seeded();
    const list = await ledgerInProcess(['--data-dir', dir, 'care', 'list', '--year', '2026', '--occasion', '生病住院', '--json']);
    expect(list.code).toBe(0);
    const doc = jsonOf<{ data: { total: number; totalFen: number; visits: { member: string; occasion: string; overRule: string }[] } }>(list);
    expect(doc.data).toMatchObject({ total: 1, totalFen: 120000 });
    expect(doc.data.visits[0]).toMatchObject({ member: '张三丰', occasion: '生病住院' });
    expect(doc.data.visits[0]!.overRule).toContain('超过标准');
    const dues = await ledgerInProcess(['--data-dir', dir, 'dues', 'compute', '--month', '2026-10', '--json']);
    expect(dues.code).toBe(0);
    const d = jsonOf<{ data: { dueFen: number; members: { idNumber: string; base: number; amount: number }[] } }>(dues);
    expect(d.data.members.map((m) => [m.idNumber, m.base, m.amount])).toEqual([
      ['310115199007040026', 999000, 4995],
      ['110108198503120011', 456000, 2280],
    ]);
    const text = await ledgerInProcess(['--data-dir', dir, 'dues', 'compute', '--month', '2026-10']);
    expect(text.stdout).toContain('应缴 72.75 元');
    const over = await ledgerInProcess(['--data-dir', dir, 'care', 'add', '--member', '310115199007040026', '--occasion', '结婚', '--date', '2026-05-01', '--amount', '800', '--json']);
    expect(over.code).toBe(1);
    expect(over.stdout + over.stderr).toContain('超标准原因');
    const ok = await ledgerInProcess(['--data-dir', dir, 'care', 'add', '--member', '310115199007040026', '--occasion', '结婚', '--date', '2026-05-01', '--amount', '800', '--reason', '单位另有规定', '--json']);
    expect(ok.code).toBe(0);
    expect(jsonOf<{ data: { amountFen: number; overRule: string } }>(ok).data).toMatchObject({ amountFen: 80000, overRule: '超过标准（结婚标准 600 元）' });
    const neg = await ledgerInProcess(['--data-dir', dir, 'care', 'add', '--member', '310115199007040026', '--occasion', '结婚', '--date', '2026-05-01', '--amount=-5']);
    expect(neg.stdout + neg.stderr).toContain('金额不能为负数');
    const bdays = jsonOf<{ data: { members: { name: string }[] } }>(await ledgerInProcess(['--data-dir', dir, 'care', 'birthdays', '--month', '2026-03', '--json']));
    expect(bdays.data.members.map((m) => m.name)).toEqual(['张三丰']);
    const unpaid = jsonOf<{ data: { members: { name: string; unpaidMonths: number }[] } }>(
      await ledgerInProcess(['--data-dir', dir, 'dues', 'unpaid', '--as-of', '2026-10', '--months', '1', '--json']),
    );
    expect(unpaid.data.members.map((m) => [m.name, m.unpaidMonths])).toEqual([['李秀英', 1], ['张三丰', 1]]);
    const bad = await ledgerInProcess(['--data-dir', dir, 'dues', 'compute', '--month', '2026-13']);
    expect(bad.code).toBe(2);
  });

  it('care add and care list take the occasion as 设置 words it', async () => {
    const dir = await seeded();
    await withContext(dir, async (ctx) => {
      const list = await call<{ key: string; label: string }[]>(ctx, 'care.occasionsGet', {});
      await call(ctx, 'care.occasionsUpdate', { occasions: list.map((o) => (o.key === 'marriage' ? { ...o, label: '新婚' } : o)) });
    });
    const ok = await ledgerInProcess(['--data-dir', dir, 'care', 'add', '--member', '310115199007040026', '--occasion', '新婚', '--date', '2026-05-01', '--amount', '100', '--json']);
    expect(ok.code).toBe(0);
    const listed = jsonOf<{ data: { visits: { occasion: string; occasionCode: string; payeeSigned: boolean; approval: unknown }[] } }>(
      await ledgerInProcess(['--data-dir', dir, 'care', 'list', '--year', '2026', '--occasion', '新婚', '--json']),
    );
    expect(listed.data.visits).toMatchObject([{ occasion: '新婚', occasionCode: 'marriage', payeeSigned: false, approval: { union: { on: null, by: null } } }]);
    const unknown = await ledgerInProcess(['--data-dir', dir, 'care', 'add', '--member', '310115199007040026', '--occasion', '结婚', '--date', '2026-05-01', '--amount', '100']);
    expect(unknown.stdout + unknown.stderr).toContain('没有「结婚」这种慰问事由。可用：新婚');
  });
});
