import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { call, openTestContext } from '../../helpers/context';
import type { Settings } from '../../../shared/contract';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe('settings', () => {
  it('starts with defaults and keeps what is saved across a reopen', async () => {
    ctx = await openTestContext();
    const dataDir = ctx.paths.dataDir;
    expect(await call<Settings>(ctx, 'settings.get')).toMatchObject({ unitName: '', unitType: 'school', orgCodes: [] });
    await call(ctx, 'settings.update', {
      unitName: '某某市第一中学',
      unionName: '某某市第一中学工会委员会',
      fondsCode: 'Z109',
      operator: '李干事',
      orgCodes: [{ code: 'GH', name: '工会办公室' }],
    });
    await ctx.close();
    ctx = await openTestContext({ dataDir });
    const s = await call<Settings>(ctx, 'settings.get');
    expect(s.unitName).toBe('某某市第一中学');
    expect(s.orgCodes).toEqual([{ code: 'GH', name: '工会办公室' }]);
    const audit = await call<{ actor: string; action: string; after: Record<string, unknown> }[]>(ctx, 'audit.list', {});
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: '李干事', action: 'settings.update' });
    expect(audit[0]!.after.fondsCode).toBe('Z109');
  });

  it('refuses a bad value with a Chinese message on the field and writes nothing', async () => {
    ctx = await openTestContext();
    const r = await ctx.dispatch('settings.update', { fondsCode: '全宗/1', unitName: '新名称' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toContain('全宗号');
    expect(r.error.details).toMatchObject({ issues: [{ path: ['fondsCode'] }] });
    expect((await call<Settings>(ctx, 'settings.get')).unitName).toBe('');
  });

  it('refuses duplicate 机构 codes', async () => {
    ctx = await openTestContext();
    const r = await ctx.dispatch('settings.update', {
      orgCodes: [
        { code: 'GH', name: '工会' },
        { code: 'GH', name: '工会办' },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('不能重复');
  });
});
