import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { namePinyin } from '../../../electron/core/members/member-pinyin';
import { prepareMember } from '../../../electron/core/members/members.prepare';
import { insertPrepared } from '../../../electron/core/members/members.service';
import type { MemberFields, MemberListRow } from '../../../shared/contract';
import { MEMBER_TOTAL_CAP } from '../../../shared/contract/members';
import { generateMembers } from '../../bench/gen-members';
import { openTestContext } from '../../helpers/context';

const N = Number(process.env.LEDGER_SEARCH_TEST_N ?? 100_000);
let ctx: AppContext;
let members: (MemberFields & { id: number })[] = [];

/** Every id the list returns for a search, paging through all of it. */
async function allIds(search: string): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const r = await ctx.dispatch('members.list', { search, limit: 1000, offset });
    if (!r.ok) throw new Error(r.error.message);
    const data = r.data as { total: number; rows: MemberListRow[] };
    ids.push(...data.rows.map((x) => x.id));
    if (ids.length >= data.total || !data.rows.length) {
      expect(ids.length).toBe(data.total);
      return ids.sort((a, b) => a - b);
    }
  }
}

const expected = (pred: (m: MemberFields & { id: number }) => boolean) =>
  members.filter(pred).map((m) => m.id).sort((a, b) => a - b);

beforeAll(async () => {
  ctx = await openTestContext();
  const now = new Date();
  const fixed: MemberFields[] = ['单田芳', '曾国藩', '解缙', '仇英', '欧阳修'].map((name) => ({ name, idType: 'resident', familyMembers: [] }));
  const all = [...fixed, ...generateMembers(N - fixed.length, 99)];
  const scope = { db: ctx.db, actor: 'test', now };
  for (let i = 0; i < all.length; i += 5000) {
    ctx.db.transaction(() => {
      for (const m of all.slice(i, i + 5000)) members.push({ ...m, id: insertPrepared(scope, prepareMember(m, now)) });
    })();
  }
  ctx.optimize();
}, 300_000);

afterAll(async () => {
  await ctx.close();
  members = [];
});

describe(`search correctness over ${N.toLocaleString()} members`, () => {
  it('1-character name fragments find exactly the names containing them', async () => {
    for (const q of ['王', '芳', '单']) expect(await allIds(q)).toEqual(expected((m) => m.name.includes(q)));
  });

  it('a capped count (the list as the clerk types) says there are more, and paging still reaches every hit', async () => {
    const exact = await allIds('王');
    expect(exact.length).toBeGreaterThan(MEMBER_TOTAL_CAP);
    const first = await ctx.dispatch('members.list', { search: '王', limit: 100, capTotal: true });
    const plain = await ctx.dispatch('members.list', { search: '王', limit: 100 });
    if (!first.ok || !plain.ok) throw new Error('list failed');
    expect(first.data).toMatchObject({ total: MEMBER_TOTAL_CAP, totalCapped: true });
    expect(plain.data).toMatchObject({ total: exact.length, totalCapped: false });
    expect((first.data as { rows: MemberListRow[] }).rows.map((r) => r.id)).toEqual((plain.data as { rows: MemberListRow[] }).rows.map((r) => r.id));
    const paged: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const r = await ctx.dispatch('members.list', { search: '王', limit: 1000, offset, capTotal: true });
      if (!r.ok) throw new Error(r.error.message);
      const rows = (r.data as { rows: MemberListRow[] }).rows;
      paged.push(...rows.map((x) => x.id));
      if (rows.length < 1000) break;
    }
    expect(paged.sort((a, b) => a - b)).toEqual(exact);
    // Few hits are counted exactly even when capped counting is asked for.
    const few = await ctx.dispatch('members.list', { search: '单田芳', capTotal: true });
    expect(few.ok && few.data).toMatchObject({ total: 1, totalCapped: false });
  });

  it('2- and 3-character fragments find exactly the names containing them', async () => {
    const two = [...members[1234]!.name].slice(-2).join('');
    const three = members.find((m) => [...m.name].length === 3)!.name;
    for (const q of [two, '伟芳', three]) expect(await allIds(q)).toEqual(expected((m) => m.name.includes(q)));
  });

  it('pinyin initials and full pinyin find exactly the members whose pinyin starts with them', async () => {
    for (const q of ['wf', 'zhangwei', 'lxin']) {
      expect(await allIds(q)).toEqual(
        expected((m) => {
          const p = namePinyin(m.name);
          return p.initials.startsWith(q) || p.full.startsWith(q) || (m.memberNo ?? '').startsWith(q.toUpperCase());
        }),
      );
    }
  });

  it('reads polyphonic surnames as surnames', async () => {
    const idOf = (name: string) => members.find((m) => m.name === name)!.id;
    expect(await allIds('stf')).toContain(idOf('单田芳'));
    expect(await allIds('zgf')).toContain(idOf('曾国藩'));
    expect(await allIds('xiejin')).toContain(idOf('解缙'));
    expect(await allIds('qiuying')).toContain(idOf('仇英'));
    expect(await allIds('oyx')).toContain(idOf('欧阳修'));
  });

  it('ID-number and phone fragments find exactly the members containing them', async () => {
    const idFrag = members[777]!.idNumber!.slice(4, 12);
    const phoneFrag = members[4242]!.phone!.slice(-7);
    expect(await allIds(idFrag)).toEqual(expected((m) => (m.idNumber ?? '').includes(idFrag)));
    expect(await allIds(phoneFrag)).toEqual(expected((m) => (m.phone ?? '').includes(phoneFrag)));
  });
});
