import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { DisclosureListRow } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';
import { createDisclosure, disclosure } from './helpers';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-06-01T09:00:00+08:00') });
  await createDisclosure(ctx, { title: '学校工作计划', category: '管理与改革', forms: ['教代会', '网站'], disclosedOn: '2026-03-02', department: '校长办公室', until: null });
  await createDisclosure(ctx, { title: '福利费使用情况', category: '职工权益', forms: ['公开栏'], disclosedOn: '2026-03-16', content: '含 100% 的发放明细', until: null });
  await createDisclosure(ctx, { title: '食堂承包合同', category: '廉政建设', forms: ['公开栏', '文件'], disclosedOn: '2026-04-01', department: '总务处', until: null });
  await createDisclosure(ctx, { title: '上年度预算执行', category: '管理与改革', forms: ['教代会'], disclosedOn: '2025-12-20', until: null });
});
afterEach(async () => {
  await ctx.close();
});

const titles = async (q: Record<string, unknown>) =>
  (await call<{ rows: DisclosureListRow[] }>(ctx, 'disclosures.list', q)).rows.map((r) => r.title);

describe('disclosure list', () => {
  it('filters by month, year, 类别, 形式 and text, newest first', async () => {
    expect(await titles({})).toEqual(['食堂承包合同', '福利费使用情况', '学校工作计划', '上年度预算执行']);
    expect(await titles({ year: 2026, month: 3 })).toEqual(['福利费使用情况', '学校工作计划']);
    expect(await titles({ year: 2025 })).toEqual(['上年度预算执行']);
    expect(await titles({ category: '管理与改革' })).toEqual(['学校工作计划', '上年度预算执行']);
    expect(await titles({ form: '公开栏' })).toEqual(['食堂承包合同', '福利费使用情况']);
    expect(await titles({ form: '教代会', year: 2026 })).toEqual(['学校工作计划']);
    expect(await titles({ search: '总务' })).toEqual(['食堂承包合同']);
    expect(await titles({ search: '2026-002' })).toEqual(['福利费使用情况']);
    // A typed % is a character, not a wildcard.
    expect(await titles({ search: '100%' })).toEqual(['福利费使用情况']);
    expect(await titles({ search: '%' })).toEqual(['福利费使用情况']);
    expect(await call(ctx, 'disclosures.years')).toEqual([2026, 2025]);
  });

  it('checks 类别 against 设置 and 公开形式 against the unit type, keeping what a record already has', async () => {
    const bad = await ctx.dispatch('disclosures.create', { disclosure: disclosure({ category: '医疗服务', forms: ['院周会'] }) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.message).toContain('医疗服务');
      expect(bad.error.details).toMatchObject({ issues: [{ path: ['disclosure', 'category'] }, { path: ['disclosure', 'forms'] }] });
    }
    await call(ctx, 'settings.update', { unitType: 'hospital', disclosureCategories: ['医疗服务', '职工权益'] });
    const ok = await createDisclosure(ctx, { category: '医疗服务', forms: ['院周会', '显示屏'] });
    expect(ok.forms).toEqual(['院周会', '显示屏']);
    // An old record keeps its retired category and school forms when edited under the new settings.
    const old = (await call<{ rows: DisclosureListRow[] }>(ctx, 'disclosures.list', { category: '管理与改革', year: 2025 })).rows[0]!;
    const edited = await call<{ title: string }>(ctx, 'disclosures.update', {
      id: old.id,
      disclosure: disclosure({ title: '上年度预算执行（更正）', category: '管理与改革', forms: ['教代会'], disclosedOn: '2025-12-20', until: null }),
    });
    expect(edited.title).toBe('上年度预算执行（更正）');
  });

  it('refuses impossible dates and a 审核日期 without 审核人', async () => {
    for (const [over, path] of [
      [{ until: '2026-03-01' }, 'until'],
      [{ disclosedOn: '1999-01-01', until: null }, 'disclosedOn'],
      [{ reviewer: null }, 'reviewer'],
      [{ forms: [] }, 'forms'],
      [{ scope: 'everyone' }, 'scope'],
    ] as const) {
      const r = await ctx.dispatch('disclosures.create', { disclosure: disclosure(over) });
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(JSON.stringify(r.error.details), path).toContain(path);
    }
    expect(await titles({})).toHaveLength(4);
  });
});
