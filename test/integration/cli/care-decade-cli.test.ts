import { describe, expect, it } from 'vitest';
import { call, tempDir } from '../../helpers/context';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';

describe('ledger care decade', () => {
  it('lists members reaching a multiple of ten in the year, from the lower age, leap-day birthday on 28 February', async () => {
    const dir = tempDir();
    await withContext(dir, async (ctx) => {
      await call(ctx, 'members.create', { member: { name: '王六十', birthDate: '1974-02-28', joinDate: '2000-01-01' } });
      await call(ctx, 'members.create', { member: { name: '赵闰日', birthDate: '1964-02-29', joinDate: '1990-01-01' } });
      await call(ctx, 'members.create', { member: { name: '钱五九', birthDate: '1975-06-01', joinDate: '2001-01-01' } });
      await call(ctx, 'members.create', { member: { name: '孙四十', birthDate: '1994-12-31', joinDate: '2018-01-01' } });
    });
    const all = await ledgerInProcess(['--data-dir', dir, 'care', 'decade', '--year', '2034', '--json']);
    expect(all.code).toBe(0);
    const doc = jsonOf<{ data: { members: { name: string; age: number; date: string }[] } }>(all);
    expect(doc.data.members.map((m) => [m.name, m.age, m.date])).toEqual([
      ['王六十', 60, '2034-02-28'],
      ['赵闰日', 70, '2034-02-28'],
      ['孙四十', 40, '2034-12-31'],
    ]);
    const sixty = jsonOf<{ data: { members: { name: string }[] } }>(await ledgerInProcess(['--data-dir', dir, 'care', 'decade', '--year', '2034', '--min-age', '60', '--json']));
    expect(sixty.data.members.map((m) => m.name)).toEqual(['王六十', '赵闰日']);
    const text = await ledgerInProcess(['--data-dir', dir, 'care', 'decade', '--year', '2034', '--min-age', '60']);
    expect(text.stdout).toContain('2034年逢十生日（60 岁起）的会员 2 人。');
    const bad = await ledgerInProcess(['--data-dir', dir, 'care', 'decade', '--min-age', '-1']);
    expect(bad.code).toBe(2);
  });
});
