import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { HandlingUnit, UnionUnit } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe('lists of groups and units in the order a clerk counts', () => {
  it('groups.tree and the group picker: 第一 < 第二 < … < 第十 < 第十一, not pinyin', async () => {
    ctx = await openTestContext();
    for (const name of ['第五小组', '第二小组', '第十一小组', '第一小组', '第十小组', '第三小组']) {
      await call(ctx, 'groups.create', { parentId: null, kind: 'group', name });
    }
    const units = await call<UnionUnit[]>(ctx, 'groups.tree');
    const expected = ['第一小组', '第二小组', '第三小组', '第五小组', '第十小组', '第十一小组'];
    expect(units.map((u) => u.name)).toEqual(expected);
  });

  it('handlingUnits.list: active first, then natural order by name', async () => {
    ctx = await openTestContext();
    for (const name of ['第十教研室', '第二教研室', '第一教研室']) await call(ctx, 'handlingUnits.create', { name });
    expect((await call<HandlingUnit[]>(ctx, 'handlingUnits.list')).map((u) => u.name)).toEqual(['第一教研室', '第二教研室', '第十教研室']);
  });
});
