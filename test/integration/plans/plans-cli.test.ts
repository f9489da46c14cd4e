import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { jsonOf, ledgerInProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

const DATA = path.resolve(__dirname, '../../../../shared/data/plans');
type Ok<T> = { ok: true; data: T };
type Month = { month: number; items: { title: string; kind: string }[] };

describe('ledger plan / activities / mediation / summary', () => {
  it('plan import --dry-run shows months and items without saving; without it the plan is saved and shown', async () => {
    const dir = path.join(tempDir(), '数据');
    const ledger = (...args: string[]) => ledgerInProcess(['--data-dir', dir, ...args]);
    const file = path.join(DATA, 'school-union-plans-a.txt');
    const dry = jsonOf<Ok<{ months: Month[]; unscheduled: unknown[]; saved: boolean }>>(await ledger('plan', 'import', file, '--year', '2026', '--dry-run', '--json'));
    expect(dry.ok).toBe(true);
    expect(dry.data.months.map((m) => m.month)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(dry.data.months[0]!.items[1]).toEqual({ title: '开展好“三·八”妇女节庆祝活动', kind: 'festival' });
    expect(dry.data.saved).toBe(false);
    const none = await ledger('plan', 'show', '2026', '--json');
    expect(none.code).not.toBe(0);

    const saved = jsonOf<Ok<{ saved: boolean }>>(await ledger('plan', 'import', file, '--year', '2026', '--json'));
    expect(saved.data.saved).toBe(true);
    const shown = jsonOf<Ok<{ items: { month: number | null }[] }>>(await ledger('plan', 'show', '2026', '--json'));
    expect(shown.data.items.filter((i) => i.month != null).length).toBe(22);
    expect(shown.data.items.filter((i) => i.month == null).length).toBe(52);

    const county = jsonOf<Ok<{ months: Month[]; unscheduled: unknown[]; noMonthHeadings: boolean }>>(
      await ledger('plan', 'import', path.join(DATA, 'county-union-plans.txt'), '--school-year', '2026', '--dry-run', '--json'),
    );
    expect(county.data).toMatchObject({ months: [], noMonthHeadings: true });
    expect(county.data.unscheduled.length).toBe(65);

    const acts = jsonOf<Ok<{ total: number }>>(await ledger('activities', 'list', '--year', '2026', '--kind', '节日活动', '--json'));
    expect(acts.data.total).toBe(0);
    const med = jsonOf<Ok<{ total: number }>>(await ledger('mediation', 'list', '--overdue', '--json'));
    expect(med.data.total).toBe(0);

    const out = path.join(tempDir(), '总结.docx');
    const sum = jsonOf<Ok<{ path: string }>>(await ledger('summary', '2026', '--out', out, '--json'));
    expect(sum.data.path).toBe(out);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('全年工作计划共安排事项 22 项，已完成 0 项，完成率 0%。');
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
